/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -3.264; score 2.423, coverage 0.593, retrieval 1.065, shape_missing -1.769, shape_held 0.288, missing_words 0.3, proximity 0.656, position -0.038, refers_back -0.02, paired -0.06, speaker_quoted 0.931, speaker_unquoted -0.788, absent_from_article -2.289, behind_best_score 1.385, behind_best_coverage 0.948. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {
  weights: [
    -3.264, 2.423, 0.593, 1.065, -1.769, 0.288, 0.3, 0.656, -0.038, -0.02, -0.06, 0.931, -0.788, -2.289, 1.385, 0.948,
  ],
  threshold: 0.37,
};
