/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -3.253; score 2.509, coverage 0.571, retrieval 0.951, shape_missing -1.744, shape_held 0.323, missing_words 0.258, proximity 0.643, position 0.042, refers_back -0.027, paired -0.045, speaker_quoted 0.929, speaker_unquoted -0.806, absent_from_article -2.316, behind_best_score 1.535, behind_best_coverage 0.946. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {
  weights: [
    -3.253, 2.509, 0.571, 0.951, -1.744, 0.323, 0.258, 0.643, 0.042, -0.027, -0.045, 0.929, -0.806, -2.316, 1.535,
    0.946,
  ],
  threshold: 0.36,
};
