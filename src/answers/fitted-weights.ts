/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -3.076; score 2.422, coverage 0.526, retrieval 1.274, shape_missing -2.17, shape_held 0.144, missing_words 0.256, proximity 0.634, position -0.091, refers_back 0.075, paired -0.018, speaker_quoted 0.647, speaker_unquoted 0.536, absent_from_article -2.35, event_missing -0.029, names_missing -0.104, which_unmatched -0.603, tense_clash -0.443, behind_best_score 1.097, behind_best_coverage 0.9; the decision's weights in the same order. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {
  weights: [
    -3.076, 2.422, 0.526, 1.274, -2.17, 0.144, 0.256, 0.634, -0.091, 0.075, -0.018, 0.647, 0.536, -2.35, -0.029, -0.104,
    -0.603, -0.443, 1.097, 0.9,
  ],
  decide: [
    -2.075, 2.551, 0.828, 0.37, -4.055, -0.128, -0.065, 0.662, 0.322, -0.055, -0.462, 1.084, 0.595, -3.986, 0.812, 0.71,
    -0.362, -0.298, 0.046, -0.114,
  ],
  threshold: 0.4,
};
