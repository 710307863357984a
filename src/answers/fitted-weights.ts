// biome-ignore-all lint/suspicious/noApproximativeNumericConstant: fitted weights, near a constant only by chance
/** Written by scripts/fit-answer-model.ts: do not edit by hand. L2 0.001. Bias -2.325; score 1.457, coverage 0.23, retrieval 1.123, shape_missing -1.84, shape_held 0.657, missing_words -0.181, proximity 0.624, position 0.08, refers_back -0.067, paired 0.113, speaker_quoted 0.713, speaker_unquoted 0.363, absent_from_article -1.098, event_missing -0.264, names_missing 0.732, which_unmatched -0.487, tense_clash -0.036, asked_missing -0.285, behind_best_score 0.9, behind_best_coverage 1.006; the decision's weights in the same order (plain data: answer-model.ts imports it, so it imports nothing back). */
export const FITTED = {
  weights: [
    -2.325, 1.457, 0.23, 1.123, -1.84, 0.657, -0.181, 0.624, 0.08, -0.067, 0.113, 0.713, 0.363, -1.098, -0.264, 0.732,
    -0.487, -0.036, -0.285, 0.9, 1.006,
  ],
  decide: [
    -2.139, 1.223, 0.68, 1.23, -2.695, 0.636, -0.098, 0.604, -0.013, 0.111, -0.637, 0.36, -0.269, -2.454, 0.756, 0.884,
    0.337, 0.285, -0.499, 0.006, 0.858,
  ],
  threshold: 0.42,
};
