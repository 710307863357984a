// biome-ignore-all lint/suspicious/noApproximativeNumericConstant: fitted weights, near a constant only by chance
/** Written by scripts/fit-answer-model.ts: do not edit by hand. L2 0.005. Bias -2.507; score 1.724, coverage 0.503, retrieval 0.979, shape_missing -1.818, shape_held 0.431, missing_words -0.221, proximity 0.36, position 0.01, refers_back 0.07, paired 0.129, speaker_quoted 0.58, speaker_unquoted 0.22, absent_from_article -0.767, event_missing -0.116, names_missing 0.377, which_unmatched -0.199, tense_clash -0.117, behind_best_score 0.556, behind_best_coverage 0.528; the decision's weights in the same order (plain data: answer-model.ts imports it, so it imports nothing back). */
export const FITTED = {
  weights: [
    -2.507, 1.724, 0.503, 0.979, -1.818, 0.431, -0.221, 0.36, 0.01, 0.07, 0.129, 0.58, 0.22, -0.767, -0.116, 0.377,
    -0.199, -0.117, 0.556, 0.528,
  ],
  decide: [
    -2.416, 1.78, 0.965, 0.781, -2.468, 0.312, -0.131, 0.174, 0.291, 0.286, -0.477, 0.27, 0.248, -1.438, 0.129, 0.549,
    0.222, -0.127, -0.06, 0.353,
  ],
  threshold: 0.44,
};
