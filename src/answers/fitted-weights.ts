// biome-ignore-all lint/suspicious/noApproximativeNumericConstant: fitted weights, near a constant only by chance
/** Written by scripts/fit-answer-model.ts: do not edit by hand. L2 0.005. Bias -2.491; score 1.71, coverage 0.501, retrieval 0.977, shape_missing -1.836, shape_held 0.451, missing_words -0.22, proximity 0.355, position 0.005, refers_back 0.07, paired 0.13, speaker_quoted 0.581, speaker_unquoted 0.224, absent_from_article -0.765, event_missing -0.167, names_missing 0.412, which_unmatched -0.2, tense_clash -0.113, behind_best_score 0.556, behind_best_coverage 0.526; the decision's weights in the same order (plain data: answer-model.ts imports it, so it imports nothing back). */
export const FITTED = {
  weights: [
    -2.491, 1.71, 0.501, 0.977, -1.836, 0.451, -0.22, 0.355, 0.005, 0.07, 0.13, 0.581, 0.224, -0.765, -0.167, 0.412,
    -0.2, -0.113, 0.556, 0.526,
  ],
  decide: [
    -2.387, 1.736, 0.949, 0.802, -2.524, 0.338, -0.136, 0.151, 0.264, 0.29, -0.442, 0.278, 0.252, -1.428, -0.026, 0.669,
    0.225, -0.106, -0.05, 0.357,
  ],
  threshold: 0.45,
};
