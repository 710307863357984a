/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -2.905; score 2.297, coverage 0.603, retrieval 1.051, shape_missing -1.762, missing_words 0.172, proximity 0.745, lede -0.576, refers_back -0.26, paired -0.077, speaker_quoted 0, speaker_unquoted 0.346, absent_from_article -2.094, behind_best_score 1.544, behind_best_coverage 0.92. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {"weights":[-2.905,2.297,0.603,1.051,-1.762,0.172,0.745,-0.576,-0.26,-0.077,0,0.346,-2.094,1.544,0.92],"threshold":0.41};
