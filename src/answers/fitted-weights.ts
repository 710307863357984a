/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -3.142; score 2.313, coverage 0.566, retrieval 0.982, shape_missing -1.569, shape_held 0.255, missing_words 0.157, proximity 0.74, position 0.06, refers_back -0.163, paired -0.028, speaker_quoted 0.896, speaker_unquoted -0.349, absent_from_article -2.187, behind_best_score 1.459, behind_best_coverage 0.948. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {
  weights: [
    -3.142, 2.313, 0.566, 0.982, -1.569, 0.255, 0.157, 0.74, 0.06, -0.163, -0.028, 0.896, -0.349, -2.187, 1.459, 0.948,
  ],
  threshold: 0.35,
};
