/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -3.069; score 2.482, coverage 0.505, retrieval 1.256, shape_missing -2.005, shape_held 0.187, missing_words 0.241, proximity 0.645, position -0.182, refers_back 0.083, paired -0.028, speaker_quoted 0.68, speaker_unquoted 0.63, absent_from_article -2.299, event_missing -0.059, names_missing -0.288, which_unmatched -0.598, tense_clash -0.488, behind_best_score 1.152, behind_best_coverage 0.893; the decision's weights in the same order. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {
  weights: [
    -3.069, 2.482, 0.505, 1.256, -2.005, 0.187, 0.241, 0.645, -0.182, 0.083, -0.028, 0.68, 0.63, -2.299, -0.059, -0.288,
    -0.598, -0.488, 1.152, 0.893,
  ],
  decide: [
    -1.871, 2.519, 0.564, 0.367, -3.417, -0.193, -0.009, 0.706, 0.314, -0.035, -0.446, 1.114, 1.224, -4.015, 0.791,
    0.292, -0.366, -0.545, 0.109, -0.209,
  ],
  threshold: 0.4,
};
