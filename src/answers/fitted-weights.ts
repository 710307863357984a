/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -2.849; score 2.125, coverage 0.532, retrieval 1.152, shape_missing -1.746, shape_held 0.225, missing_words 0.438, proximity 0.536, position -0.085, refers_back 0.001, paired 0.065, speaker_quoted 0.484, speaker_unquoted 0.484, absent_from_article -2.17, event_missing 0.268, names_missing 0.46, which_unmatched -0.782, tense_clash -0.23, behind_best_score 1.073, behind_best_coverage 0.94; the decision's weights in the same order. */
export const FITTED = {
  weights: [
    -2.849, 2.125, 0.532, 1.152, -1.746, 0.225, 0.438, 0.536, -0.085, 0.001, 0.065, 0.484, 0.484, -2.17, 0.268, 0.46,
    -0.782, -0.23, 1.073, 0.94,
  ],
  decide: [
    -1.94, 2.39, 0.931, -0.054, -2.698, 0.174, 0.123, 0.656, 0.356, 0.221, -0.501, 0.792, 1.432, -3.464, 0.478, 0.579,
    -0.569, -0.705, 0.268, 0.271,
  ],
  threshold: 0.43,
};
