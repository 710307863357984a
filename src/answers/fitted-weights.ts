/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias -3.204; score 2.425, coverage 0.592, retrieval 0.99, shape_missing -1.722, shape_held 0.323, missing_words 0.217, proximity 0.691, position 0, refers_back -0.045, paired -0.058, speaker_quoted 0.937, speaker_unquoted -0.798, absent_from_article -2.294, behind_best_score 1.529, behind_best_coverage 0.943. */
import type { AnswerModel } from "./answer-model.js";

export const FITTED: AnswerModel = {"weights":[-3.204,2.425,0.592,0.99,-1.722,0.323,0.217,0.691,0,-0.045,-0.058,0.937,-0.798,-2.294,1.529,0.943],"threshold":0.36};
