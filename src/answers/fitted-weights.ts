// biome-ignore-all lint/suspicious/noApproximativeNumericConstant: fitted weights, near a constant only by chance
/** Written by scripts/fit-answer-model.ts: do not edit by hand. L2 0.005. Bias -2.582; score 1.804, coverage 0.545, retrieval 1.053, shape_missing -1.724, shape_held 0.434, missing_words -0.26, proximity 0.36, position -0.036, refers_back 0.019, paired 0.019, speaker_quoted 0.443, speaker_unquoted 0.201, absent_from_article -0.834, event_missing -0.165, names_missing 0.459, which_unmatched -0.562, tense_clash -0.247, behind_best_score 0.556, behind_best_coverage 0.542; the decision's weights in the same order (plain data: answer-model.ts imports it, so it imports nothing back). */
export const FITTED = {
  weights: [
    -2.582, 1.804, 0.545, 1.053, -1.724, 0.434, -0.26, 0.36, -0.036, 0.019, 0.019, 0.443, 0.201, -0.834, -0.165, 0.459,
    -0.562, -0.247, 0.556, 0.542,
  ],
  decide: [
    -2.171, 1.989, 0.912, 0.634, -2.454, 0.239, -0.265, 0.416, 0.006, 0.28, -0.672, 0.023, 0.3, -1.575, 0.064, 0.855,
    -0.363, -0.159, 0.017, 0.139,
  ],
  threshold: 0.44,
};
