/**
 * Developer aid: shows how the answerer ranked sentences for a question, with each span's fitted
 * probability. `CAPTURES=dir1:dir2 node dist/scripts/explain-answer.js "<q>"` (seeds only without CAPTURES).
 */

import { join } from "node:path";
import { analyseQuestion } from "../src/answers/analyse-question.js";
import { answerProbability } from "../src/answers/answer-model.js";
import { answerQuestion } from "../src/answers/answer-question.js";
import { rankSpans } from "../src/answers/rank-passages.js";
import { findPackageRoot } from "../src/package-root.js";
import { corpusLibrary } from "./corpus-library.js";

const dirs = (process.env.CAPTURES ?? "").split(":").filter(Boolean);
const { library } = corpusLibrary(join(findPackageRoot(import.meta.url), "seeds"), dirs);
const question = process.argv.slice(2).join(" ");
const analysed = analyseQuestion(question);
console.log(
  analysed.kind,
  analysed.focus,
  analysed.terms.map((t) => `${t.term}${t.specific ? "*" : ""}:${t.weight}`).join(" "),
);
for (const r of rankSpans(library, analysed).slice(0, Number(process.env.TOP ?? 5))) {
  console.log(
    `p=${answerProbability(r.features).toFixed(2)} ${r.score.toFixed(2)} cov=${r.coverage.toFixed(2)} type=${r.shapeMatch} miss=[${r.missing}] | ${r.span.text.slice(0, 150)}`,
  );
}
const a = answerQuestion(library, question);
console.log(a.abstained ? `ABSTAIN (${a.reason})` : `ANSWER ${a.confidence}: ${a.answer.slice(0, 200)}`);
