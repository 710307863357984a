/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -2.199; score 1.617, coverage 0.418, retrieval 1.071, shape_missing -1.761, shape_held 0.43, missing_words -0.126, proximity 0.352, position -0.054, refers_back 0.032, paired 0.009, speaker_quoted 0.459, speaker_unquoted 0.177, absent_from_article -0.652, event_missing -0.131, names_missing 0.516, which_unmatched -0.6, tense_clash -0.236, key_missing -0.507, figures_absent -0.228, behind_best_score 0.547, behind_best_coverage 0.536; the decision's weights in the same order (plain data: answer-model.ts imports it, so it imports nothing back). */
export const FITTED = {
  weights: [
    -2.199, 1.617, 0.418, 1.071, -1.761, 0.43, -0.126, 0.352, -0.054, 0.032, 0.009, 0.459, 0.177, -0.652, -0.131, 0.516,
    -0.6, -0.236, -0.507, -0.228, 0.547, 0.536,
  ],
  decide: [
    -1.955, 1.858, 0.616, 0.847, -2.518, 0.17, 0.013, 0.448, 0.133, 0.029, -0.34, -0.001, 0.29, -1.299, 0.354, 0.845,
    -0.377, 0.032, -0.762, -0.299, 0.01, 0.197,
  ],
  threshold: 0.48,
};
