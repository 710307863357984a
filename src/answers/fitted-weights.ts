// biome-ignore-all lint/suspicious/noApproximativeNumericConstant: fitted weights, near a constant only by chance
/** Written by scripts/fit-answer-model.ts: do not edit by hand. L2 0.001. Bias -2.323; score 1.457, coverage 0.228, retrieval 1.124, shape_missing -1.841, shape_held 0.655, missing_words -0.181, proximity 0.625, position 0.081, refers_back -0.067, paired 0.113, speaker_quoted 0.713, speaker_unquoted 0.363, absent_from_article -1.094, event_missing -0.265, names_missing 0.731, which_unmatched -0.492, tense_clash -0.036, asked_missing -0.307, behind_best_score 0.901, behind_best_coverage 1.006; the decision's weights in the same order (plain data: answer-model.ts imports it, so it imports nothing back). */
export const FITTED = {
  weights: [
    -2.323, 1.457, 0.228, 1.124, -1.841, 0.655, -0.181, 0.625, 0.081, -0.067, 0.113, 0.713, 0.363, -1.094, -0.265,
    0.731, -0.492, -0.036, -0.307, 0.901, 1.006,
  ],
  decide: [
    -2.144, 1.219, 0.692, 1.217, -2.689, 0.642, -0.102, 0.607, -0.006, 0.117, -0.636, 0.366, -0.268, -2.457, 0.769,
    0.898, 0.283, 0.284, -0.415, 0.015, 0.862,
  ],
  threshold: 0.42,
};
