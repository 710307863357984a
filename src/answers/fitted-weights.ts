/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -3.175; score 2.365, coverage 0.577, retrieval 1.075, shape_missing -1.756, shape_held 0.321, missing_words 0.245, proximity 0.645, position -0.024, refers_back -0.051, paired -0.087, speaker_quoted 0.94, speaker_unquoted -0.785, absent_from_article -2.395, behind_best_score 1.385, behind_best_coverage 0.989. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {
  weights: [
    -3.175, 2.365, 0.577, 1.075, -1.756, 0.321, 0.245, 0.645, -0.024, -0.051, -0.087, 0.94, -0.785, -2.395, 1.385,
    0.989,
  ],
  threshold: 0.36,
};
