/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -3.233; score 2.507, coverage 0.564, retrieval 0.966, shape_missing -1.76, shape_held 0.306, missing_words 0.25, proximity 0.645, position 0.036, refers_back -0.036, paired -0.047, speaker_quoted 0.917, speaker_unquoted -0.818, absent_from_article -2.329, behind_best_score 1.538, behind_best_coverage 0.957. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {
  weights: [
    -3.233, 2.507, 0.564, 0.966, -1.76, 0.306, 0.25, 0.645, 0.036, -0.036, -0.047, 0.917, -0.818, -2.329, 1.538, 0.957,
  ],
  threshold: 0.36,
};
