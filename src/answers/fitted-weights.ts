/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -3.136; score 1.565, coverage 0.194, retrieval 1.886, shape_missing -1.226, missing_words -0.711, proximity 1.258, lede -0.213, refers_back -0.133, paired 0.568, behind_best_score 0, behind_best_coverage 0.468, speaker_quoted 0.704, speaker_unquoted 0.564. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {
  weights: [-3.136, 1.565, 0.194, 1.886, -1.226, -0.711, 1.258, -0.213, -0.133, 0.568, 0, 0.468, 0.704, 0.564],
  threshold: 0.53,
};
