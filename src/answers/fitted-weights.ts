/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -2.781; score 1.733, coverage 0.48, retrieval 1.316, shape_missing -1.562, missing_words -0.244, proximity 1.046, lede -0.343, refers_back -0.27, paired -0.037, speaker_quoted 0, speaker_unquoted 0.422, absent_from_article -1.709, behind_best_score 1.792, behind_best_coverage 1.069. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {"weights":[-2.781,1.733,0.48,1.316,-1.562,-0.244,1.046,-0.343,-0.27,-0.037,0,0.422,-1.709,1.792,1.069],"threshold":0.37};
