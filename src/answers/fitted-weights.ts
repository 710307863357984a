// biome-ignore-all lint/suspicious/noApproximativeNumericConstant: fitted weights, near a constant only by chance
/** Written by scripts/fit-answer-model.ts: do not edit by hand. L2 0.005. Bias -2.534; score 1.734, coverage 0.509, retrieval 1.012, shape_missing -1.706, shape_held 0.394, missing_words -0.194, proximity 0.392, position 0.038, refers_back 0.031, paired 0.133, speaker_quoted 0.577, speaker_unquoted 0.202, absent_from_article -0.773, event_missing -0.107, names_missing 0.363, which_unmatched -0.217, tense_clash -0.148, behind_best_score 0.561, behind_best_coverage 0.553; the decision's weights in the same order (plain data: answer-model.ts imports it, so it imports nothing back). */
export const FITTED = {
  weights: [
    -2.534, 1.734, 0.509, 1.012, -1.706, 0.394, -0.194, 0.392, 0.038, 0.031, 0.133, 0.577, 0.202, -0.773, -0.107, 0.363,
    -0.217, -0.148, 0.561, 0.553,
  ],
  decide: [
    -2.458, 1.834, 0.944, 0.788, -2.283, 0.274, -0.125, 0.185, 0.349, 0.282, -0.411, 0.258, 0.232, -1.472, 0.301, 0.502,
    0.201, -0.154, -0.01, 0.372,
  ],
  threshold: 0.43,
};
