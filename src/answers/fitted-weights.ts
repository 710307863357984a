/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -5.024; score 4.075, coverage 0.834, retrieval 1.198, shape_missing -1.426, missing_words -0.876, proximity 1.088, lede -1.058, refers_back -0.947, paired 0.636. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {
  weights: [-5.024, 4.075, 0.834, 1.198, -1.426, -0.876, 1.088, -1.058, -0.947, 0.636],
  threshold: 0.47,
};
