/** Developer aid: scores question sets in-process in a second. `node dist/scripts/eval-sets.js <file>… [--verbose]` */
import { join } from "node:path";
import { openSeedLibrary } from "../adapters/cli/open-library.js";
import { findPackageRoot } from "../src/package-root.js";
import { describeScore, readQuestionSet, readRawSeeds, scoreQuestions } from "./score-questions.js";

const library = openSeedLibrary();
const rawSeeds = readRawSeeds(join(findPackageRoot(import.meta.url), "seeds"));
const verbose = process.argv.includes("--verbose");
for (const file of process.argv.slice(2).filter((a) => !a.startsWith("--"))) {
  const s = scoreQuestions(library, readQuestionSet(file), rawSeeds);
  if (verbose) for (const failure of s.failures) console.log(`FAIL ${failure}`);
  console.log(`${file}: ${describeScore(s)}`);
}
