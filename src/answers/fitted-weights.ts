// biome-ignore-all lint/suspicious/noApproximativeNumericConstant: fitted weights, near a constant only by chance
/** Written by scripts/fit-answer-model.ts: do not edit by hand. L2 0.005. Bias -2.543; score 1.732, coverage 0.516, retrieval 0.991, shape_missing -1.772, shape_held 0.416, missing_words -0.212, proximity 0.38, position 0.053, refers_back 0.06, paired 0.125, speaker_quoted 0.571, speaker_unquoted 0.207, absent_from_article -0.778, event_missing -0.097, names_missing 0.371, which_unmatched -0.2, tense_clash -0.133, behind_best_score 0.56, behind_best_coverage 0.539; the decision's weights in the same order (plain data: answer-model.ts imports it, so it imports nothing back). */
export const FITTED = {
  weights: [
    -2.543, 1.732, 0.516, 0.991, -1.772, 0.416, -0.212, 0.38, 0.053, 0.06, 0.125, 0.571, 0.207, -0.778, -0.097, 0.371,
    -0.2, -0.133, 0.56, 0.539,
  ],
  decide: [
    -2.454, 1.803, 0.968, 0.791, -2.396, 0.296, -0.134, 0.194, 0.33, 0.244, -0.462, 0.256, 0.232, -1.411, 0.118, 0.551,
    0.215, -0.11, -0.043, 0.346,
  ],
  threshold: 0.44,
};
