/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -3.083; score 2.426, coverage 0.529, retrieval 1.282, shape_missing -2.172, shape_held 0.129, missing_words 0.225, proximity 0.631, position -0.09, refers_back 0.071, paired -0.015, speaker_quoted 0.647, speaker_unquoted 0.536, absent_from_article -2.354, event_missing -0.022, names_missing -0.093, which_unmatched -0.603, tense_clash -0.439, behind_best_score 1.104, behind_best_coverage 0.91; the decision's weights in the same order. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {
  weights: [
    -3.083, 2.426, 0.529, 1.282, -2.172, 0.129, 0.225, 0.631, -0.09, 0.071, -0.015, 0.647, 0.536, -2.354, -0.022,
    -0.093, -0.603, -0.439, 1.104, 0.91,
  ],
  decide: [
    -2.035, 2.544, 0.823, 0.365, -4.071, -0.148, -0.14, 0.643, 0.327, -0.082, -0.457, 1.094, 0.6, -4.027, 0.82, 0.739,
    -0.365, -0.29, 0.04, -0.148,
  ],
  threshold: 0.38,
};
