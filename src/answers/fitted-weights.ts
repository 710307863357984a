/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -3.068; score 2.46, coverage 0.545, retrieval 1.254, shape_missing -1.965, shape_held 0.189, missing_words 0.239, proximity 0.627, position -0.171, refers_back 0.069, paired -0.026, speaker_quoted 0.668, speaker_unquoted 0.656, absent_from_article -2.368, event_missing 0.088, names_missing -0.227, which_unmatched -0.609, tense_clash -0.484, behind_best_score 1.157, behind_best_coverage 0.868; the decision's weights in the same order. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {
  weights: [
    -3.068, 2.46, 0.545, 1.254, -1.965, 0.189, 0.239, 0.627, -0.171, 0.069, -0.026, 0.668, 0.656, -2.368, 0.088, -0.227,
    -0.609, -0.484, 1.157, 0.868,
  ],
  decide: [
    -2.078, 2.526, 0.587, 0.563, -3.295, -0.176, -0.008, 0.696, 0.294, -0.035, -0.418, 1.127, 1.568, -4.045, 0.508,
    0.263, -0.382, -0.591, 0.202, -0.09,
  ],
  threshold: 0.4,
};
