/** Developer aid: scores question sets in-process (the rules of shared/eval/score.mjs). `node dist/scripts/eval-sets.js <file>…` */
import { readFileSync } from "node:fs";
import { openSeedLibrary } from "../adapters/cli/open-library.js";
import { answerQuestion } from "../src/answers/answer-question.js";

const norm = (s: string) =>
  s
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\u00a0/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
const library = openSeedLibrary();
const raw = (f: string) => norm(readFileSync(new URL(`../../seeds/raw/${f}`, import.meta.url), "utf8"));
const quoteIn = (q: string, t: string) =>
  norm(q)
    .split(/\s*(?:\.\.\.|…)\s*/)
    .map((p) => p.replace(/^[\s"'.,;:-]+|[\s"'.,;:-]+$/g, ""))
    .filter(Boolean)
    .every((p) => t.includes(p));
const verbose = process.argv.includes("--verbose");
for (const file of process.argv.slice(2).filter((a) => !a.startsWith("--"))) {
  const { items } = JSON.parse(readFileSync(file, "utf8")) as {
    items: { id: string; kind: string; question: string; expect: string[]; source: string | null }[];
  };
  let ok = 0;
  let answers = 0;
  let abstains = 0;
  for (const item of items) {
    const a = answerQuestion(library, item.question);
    const pass =
      item.kind === "abstain"
        ? a.abstained
        : !a.abstained &&
          item.expect.every((p) => new RegExp(p, "i").test(a.answer)) &&
          a.citations.some((c) => quoteIn(c.quote, raw(item.source ?? "")));
    if (pass) ok++;
    if (pass && item.kind === "abstain") abstains++;
    if (pass && item.kind === "answer") answers++;
    if (!pass && verbose) console.log(`FAIL ${item.id} ${item.question}`);
  }
  const total = items.filter((i) => i.kind === "answer").length;
  console.log(
    `${file}: ${ok}/${items.length} (answers ${answers}/${total}, abstains ${abstains}/${items.length - total})`,
  );
}
