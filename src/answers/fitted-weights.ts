// biome-ignore-all lint/suspicious/noApproximativeNumericConstant: fitted weights, near a constant only by chance
/** Written by scripts/fit-answer-model.ts: do not edit by hand. L2 0.005. Bias -2.548; score 1.731, coverage 0.523, retrieval 0.994, shape_missing -1.77, shape_held 0.409, missing_words -0.231, proximity 0.379, position 0.066, refers_back 0.046, paired 0.123, speaker_quoted 0.572, speaker_unquoted 0.225, absent_from_article -0.765, event_missing -0.09, names_missing 0.373, which_unmatched -0.196, tense_clash -0.134, behind_best_score 0.578, behind_best_coverage 0.556; the decision's weights in the same order (plain data: answer-model.ts imports it, so it imports nothing back). */
export const FITTED = {
  weights: [
    -2.548, 1.731, 0.523, 0.994, -1.77, 0.409, -0.231, 0.379, 0.066, 0.046, 0.123, 0.572, 0.225, -0.765, -0.09, 0.373,
    -0.196, -0.134, 0.578, 0.556,
  ],
  decide: [
    -2.472, 1.835, 0.959, 0.774, -2.33, 0.284, -0.119, 0.169, 0.333, 0.3, -0.432, 0.248, 0.243, -1.472, 0.274, 0.511,
    0.212, -0.137, 0, 0.367,
  ],
  threshold: 0.43,
};
