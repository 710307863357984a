/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -2.912; score 2.171, coverage 0.563, retrieval 1.146, shape_missing -1.711, shape_held 0.179, missing_words 0.445, proximity 0.557, position -0.087, refers_back 0.018, paired 0.074, speaker_quoted 0.479, speaker_unquoted 0.466, absent_from_article -2.174, event_missing 0.311, names_missing 0.506, which_unmatched -0.785, tense_clash -0.228, behind_best_score 1.085, behind_best_coverage 0.983; the decision's weights in the same order. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {
  weights: [
    -2.912, 2.171, 0.563, 1.146, -1.711, 0.179, 0.445, 0.557, -0.087, 0.018, 0.074, 0.479, 0.466, -2.174, 0.311, 0.506,
    -0.785, -0.228, 1.085, 0.983,
  ],
  decide: [
    -2.164, 2.342, 0.901, 0.212, -2.688, 0.142, 0.108, 0.664, 0.472, 0.238, -0.486, 0.778, 1.381, -3.492, 0.493, 0.601,
    -0.579, -0.715, 0.186, 0.375,
  ],
  threshold: 0.45,
};
