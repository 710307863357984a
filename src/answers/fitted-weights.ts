/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -3.175; score 2.385, coverage 0.579, retrieval 0.976, shape_missing -1.691, shape_held 0.343, missing_words 0.22, proximity 0.668, position 0.016, refers_back -0.13, paired -0.059, speaker_quoted 1.029, speaker_unquoted -0.347, absent_from_article -2.25, behind_best_score 1.534, behind_best_coverage 0.946. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {
  weights: [
    -3.175, 2.385, 0.579, 0.976, -1.691, 0.343, 0.22, 0.668, 0.016, -0.13, -0.059, 1.029, -0.347, -2.25, 1.534, 0.946,
  ],
  threshold: 0.36,
};
