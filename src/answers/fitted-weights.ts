// biome-ignore-all lint/suspicious/noApproximativeNumericConstant: fitted weights, near a constant only by chance
/** Written by scripts/fit-answer-model.ts: do not edit by hand. L2 0.001. Bias -2.53; score 1.349, coverage 0.236, retrieval 1.326, shape_missing -1.408, shape_held 0.742, missing_words -0.243, proximity 0.528, position 0.059, refers_back -0.021, paired 0.281, speaker_quoted 0.713, speaker_unquoted 0.095, absent_from_article -1.156, event_missing -0.312, names_missing 0.727, which_unmatched -0.587, tense_clash -0.064, asked_missing -0.317, behind_best_score -0.009, behind_best_coverage 1.026; the decision's weights in the same order (plain data: answer-model.ts imports it, so it imports nothing back). */
export const FITTED = {
  weights: [
    -2.53, 1.349, 0.236, 1.326, -1.408, 0.742, -0.243, 0.528, 0.059, -0.021, 0.281, 0.713, 0.095, -1.156, -0.312, 0.727,
    -0.587, -0.064, -0.317, -0.009, 1.026,
  ],
  decide: [
    -2.293, 1.267, 0.477, 0.937, -2.533, 0.686, -0.155, 0.947, 0.03, 0.19, 0.467, 0.436, -0.364, -2.252, 0.425, 0.85,
    0.391, 0.342, -0.51, -0.359, 0.87,
  ],
  threshold: 0.44,
};
