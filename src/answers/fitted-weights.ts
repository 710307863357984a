/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -3.057; score 2.461, coverage 0.53, retrieval 1.248, shape_missing -1.963, shape_held 0.196, missing_words 0.242, proximity 0.64, position -0.182, refers_back 0.077, paired -0.029, speaker_quoted 0.675, speaker_unquoted 0.602, absent_from_article -2.364, event_missing 0.09, names_missing -0.228, which_unmatched -0.604, tense_clash -0.476, behind_best_score 1.161, behind_best_coverage 0.862; the decision's weights in the same order. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {
  weights: [
    -3.057, 2.461, 0.53, 1.248, -1.963, 0.196, 0.242, 0.64, -0.182, 0.077, -0.029, 0.675, 0.602, -2.364, 0.09, -0.228,
    -0.604, -0.476, 1.161, 0.862,
  ],
  decide: [
    -2.076, 2.541, 0.53, 0.595, -3.341, -0.187, -0.005, 0.722, 0.307, -0.016, -0.447, 1.123, 1.154, -4.054, 0.525,
    0.263, -0.38, -0.478, 0.189, -0.12,
  ],
  threshold: 0.4,
};
