/** Developer aid: best score and coverage per question of a question set, to see the abstention margin. */
import { readFileSync } from "node:fs";
import { openSeedLibrary } from "../adapters/cli/open-library.js";
import { analyseQuestion } from "../src/answers/analyse-question.js";
import { rankSpans } from "../src/answers/rank-passages.js";

const library = openSeedLibrary();
for (const file of process.argv.slice(2)) {
  const { items } = JSON.parse(readFileSync(file, "utf8")) as {
    items: { id: string; kind: string; question: string }[];
  };
  for (const item of items) {
    const best = rankSpans(library, analyseQuestion(item.question))[0];
    console.log(
      `${item.kind.padEnd(7)} ${(best?.score ?? 0).toFixed(2)} cov=${(best?.coverage ?? 0).toFixed(2)} [${best?.missing.join(",")}] ${item.id} ${item.question}`,
    );
  }
}
