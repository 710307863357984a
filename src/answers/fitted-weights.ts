/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -3.205; score 2.418, coverage 0.578, retrieval 0.973, shape_missing -1.686, shape_held 0.343, missing_words 0.221, proximity 0.669, position 0.019, refers_back -0.128, paired -0.058, speaker_quoted 1.001, speaker_unquoted -0.378, absent_from_article -2.272, behind_best_score 1.527, behind_best_coverage 0.938. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {
  weights: [
    -3.205, 2.418, 0.578, 0.973, -1.686, 0.343, 0.221, 0.669, 0.019, -0.128, -0.058, 1.001, -0.378, -2.272, 1.527,
    0.938,
  ],
  threshold: 0.36,
};
