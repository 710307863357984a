/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -2.766; score 1.569, coverage 0.426, retrieval 1.357, shape_missing -1.534, missing_words -0.663, proximity 0.984, lede -0.309, refers_back -0.197, paired 0.015, behind_best_score 0, behind_best_coverage 0.544, speaker_quoted 1.647, speaker_unquoted 1.011. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {
  weights: [-2.766, 1.569, 0.426, 1.357, -1.534, -0.663, 0.984, -0.309, -0.197, 0.015, 0, 0.544, 1.647, 1.011],
  threshold: 0.37,
};
