/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -3.158; score 2.363, coverage 0.591, retrieval 0.963, shape_missing -1.649, shape_held 0.234, missing_words 0.166, proximity 0.692, position 0.054, refers_back -0.144, paired -0.047, speaker_quoted 1.024, speaker_unquoted -0.345, absent_from_article -2.143, behind_best_score 1.608, behind_best_coverage 1.008. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {
  weights: [
    -3.158, 2.363, 0.591, 0.963, -1.649, 0.234, 0.166, 0.692, 0.054, -0.144, -0.047, 1.024, -0.345, -2.143, 1.608,
    1.008,
  ],
  threshold: 0.35,
};
