/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -2.041; score 1.423, coverage 0.461, retrieval 0.89, shape_missing -1.527, shape_held 0.465, missing_words -0.176, proximity 0.234, position 0.009, refers_back -0.003, paired 0.018, speaker_quoted 0.32, speaker_unquoted 0.083, absent_from_article -0.436, event_missing -0.134, names_missing 0.305, which_unmatched -0.403, tense_clash -0.177, key_missing -0.484, figures_absent -0.141, year_clash -0.043, behind_best_score 0.475, behind_best_coverage 0.333; the decision's weights in the same order (plain data: answer-model.ts imports it, so it imports nothing back). */
export const FITTED = {
  weights: [
    -2.041, 1.423, 0.461, 0.89, -1.527, 0.465, -0.176, 0.234, 0.009, -0.003, 0.018, 0.32, 0.083, -0.436, -0.134, 0.305,
    -0.403, -0.177, -0.484, -0.141, -0.043, 0.475, 0.333,
  ],
  decide: [
    -1.439, 1.532, 0.563, 0.606, -2.066, 0.35, -0.183, 0.27, 0.054, 0.29, -0.524, 0.196, 0.219, -0.844, 0.14, 0.506,
    -0.231, -0.05, -0.718, -0.182, -0.081, 0.016, 0.109,
  ],
  threshold: 0.42,
};
