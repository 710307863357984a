// biome-ignore-all lint/suspicious/noApproximativeNumericConstant: fitted weights, near a constant only by chance
/** Written by scripts/fit-answer-model.ts: do not edit by hand. L2 0.005. Bias -2.582; score 1.731, coverage 0.474, retrieval 1.049, shape_missing -1.63, shape_held 0.522, missing_words -0.212, proximity 0.409, position 0.006, refers_back -0.007, paired 0.128, speaker_quoted 0.629, speaker_unquoted 0.203, absent_from_article -0.797, event_missing -0.118, names_missing 0.361, which_unmatched -0.379, tense_clash -0.146, behind_best_score 0.55, behind_best_coverage 0.568; the decision's weights in the same order (plain data: answer-model.ts imports it, so it imports nothing back). */
export const FITTED = {
  weights: [
    -2.582, 1.731, 0.474, 1.049, -1.63, 0.522, -0.212, 0.409, 0.006, -0.007, 0.128, 0.629, 0.203, -0.797, -0.118, 0.361,
    -0.379, -0.146, 0.55, 0.568,
  ],
  decide: [
    -2.505, 1.873, 0.897, 0.796, -2.234, 0.36, -0.112, 0.222, 0.293, 0.221, -0.425, 0.314, 0.25, -1.505, 0.298, 0.472,
    -0.02, -0.139, -0.012, 0.368,
  ],
  threshold: 0.45,
};
