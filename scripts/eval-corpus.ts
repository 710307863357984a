/**
 * Developer aid: scores question sets over the seeds plus real captures, in-process, per category.
 * `node dist/scripts/eval-corpus.js [--captures <dir>]… <questions.json>… [--verbose]`
 * (captures default to test/fixtures/corpus/captures).
 */
import { join } from "node:path";
import { findPackageRoot } from "../src/package-root.js";
import { corpusLibrary } from "./corpus-library.js";
import { describeScore, readQuestionSet, scoreQuestions } from "./score-questions.js";

const root = findPackageRoot(import.meta.url);
const args = process.argv.slice(2);
const captureDirs: string[] = [];
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i] as string;
  if (arg === "--captures") captureDirs.push(args[++i] ?? "");
  else if (!arg.startsWith("--")) files.push(arg);
}
if (captureDirs.length === 0) captureDirs.push(join(root, "test", "fixtures", "corpus", "captures"));
const { library, captures, refused } = corpusLibrary(join(root, "seeds"), captureDirs);
console.log(`library: ${library.all().length} articles, ${library.passageCount} passages`);
for (const r of refused) console.log(`refused ${r}`);
for (const file of files) {
  const s = scoreQuestions(library, readQuestionSet(file), captures);
  if (args.includes("--verbose")) for (const failure of s.failures) console.log(`FAIL ${failure}`);
  console.log(`${file}: ${describeScore(s)}`);
}
