/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -3.14; score 2.299, coverage 0.618, retrieval 0.982, shape_missing -1.617, shape_held 0.205, missing_words 0.145, proximity 0.729, position 0.131, refers_back -0.177, paired -0.038, speaker_quoted 0, speaker_unquoted 0.379, absent_from_article -2.194, behind_best_score 1.479, behind_best_coverage 0.956. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {
  weights: [
    -3.14, 2.299, 0.618, 0.982, -1.617, 0.205, 0.145, 0.729, 0.131, -0.177, -0.038, 0, 0.379, -2.194, 1.479, 0.956,
  ],
  threshold: 0.35,
};
