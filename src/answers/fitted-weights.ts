/** Written by scripts/fit-answer-model.ts: do not edit by hand. L2 0.005. Bias -2.599; score 1.8, coverage 0.545, retrieval 1.073, shape_missing -1.706, shape_held 0.429, missing_words -0.256, proximity 0.356, position -0.044, refers_back 0.013, paired 0.03, speaker_quoted 0.436, speaker_unquoted 0.191, absent_from_article -0.843, event_missing -0.15, names_missing 0.493, which_unmatched -0.573, tense_clash -0.219, behind_best_score 0.546, behind_best_coverage 0.539; the decision's weights in the same order (plain data: answer-model.ts imports it, so it imports nothing back). */
export const FITTED = {
  weights: [
    -2.599, 1.8, 0.545, 1.073, -1.706, 0.429, -0.256, 0.356, -0.044, 0.013, 0.03, 0.436, 0.191, -0.843, -0.15, 0.493,
    -0.573, -0.219, 0.546, 0.539,
  ],
  decide: [
    -2.32, 2.047, 0.853, 0.759, -2.458, 0.275, -0.267, 0.421, 0.027, 0.319, -0.63, 0.015, 0.283, -1.56, 0.252, 0.857,
    -0.361, -0.002, -0.006, 0.164,
  ],
  threshold: 0.44,
};
