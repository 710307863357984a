/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -2.98; score 2.267, coverage 0.624, retrieval 1.045, shape_missing -1.637, shape_held 0.228, missing_words 0.151, proximity 0.747, lede -0.589, refers_back -0.251, paired -0.073, speaker_quoted 0, speaker_unquoted 0.36, absent_from_article -2.164, behind_best_score 1.448, behind_best_coverage 0.893. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {
  weights: [
    -2.98, 2.267, 0.624, 1.045, -1.637, 0.228, 0.151, 0.747, -0.589, -0.251, -0.073, 0, 0.36, -2.164, 1.448, 0.893,
  ],
  threshold: 0.38,
};
