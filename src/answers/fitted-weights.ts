// biome-ignore-all lint/suspicious/noApproximativeNumericConstant: fitted weights, near a constant only by chance
/** Written by scripts/fit-answer-model.ts: do not edit by hand. L2 0.005. Bias -2.586; score 1.71, coverage 0.501, retrieval 1.043, shape_missing -1.655, shape_held 0.524, missing_words -0.2, proximity 0.346, position 0.024, refers_back -0.005, paired 0.076, speaker_quoted 0.626, speaker_unquoted 0.243, absent_from_article -0.8, event_missing -0.12, names_missing 0.37, which_unmatched -0.388, tense_clash -0.145, behind_best_score 0.528, behind_best_coverage 0.593; the decision's weights in the same order (plain data: answer-model.ts imports it, so it imports nothing back). */
export const FITTED = {
  weights: [
    -2.586, 1.71, 0.501, 1.043, -1.655, 0.524, -0.2, 0.346, 0.024, -0.005, 0.076, 0.626, 0.243, -0.8, -0.12, 0.37,
    -0.388, -0.145, 0.528, 0.593,
  ],
  decide: [
    -2.369, 1.947, 0.802, 0.769, -2.285, 0.351, -0.036, 0.331, 0.171, 0.19, -0.462, 0.246, 0.236, -1.476, 0.47, 0.43,
    -0.06, 0.028, 0.023, 0.377,
  ],
  threshold: 0.48,
};
