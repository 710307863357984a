/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -3.131; score 1.61, coverage 0.183, retrieval 1.888, shape_missing -1.258, missing_words -0.376, proximity 1.259, lede -0.354, refers_back 0.075, paired 0.599, behind_best_score 0.617, behind_best_coverage 0.661. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {
  weights: [-3.131, 1.61, 0.183, 1.888, -1.258, -0.376, 1.259, -0.354, 0.075, 0.599, 0.617, 0.661],
  threshold: 0.52,
};
