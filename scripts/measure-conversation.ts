/**
 * Developer aid: how the conversation layer does on the writers' questions, over the seeds plus
 * every capture, as `nhsai ask` answers them.
 * `node dist/scripts/measure-conversation.js [--verbose]` prints
 * - summary requests ("summarise / gist of / tl;dr of <story>"): how many find the right article
 *   (a quote from the writer's source) and how many carry the asked facts (every expect pattern);
 * - article details ("who wrote…", "when was… published") and lists ("what are the three…"): right
 *   per writer;
 * - routing: questions taken by a conversation intent though not a conversation turn, and
 *   conversation turns left to the answer engine, over every set.
 * "Meant as a summary" is read from the question's opening words, more loosely than the intent
 * grammar, so the two can disagree and the disagreements are printed.
 */

import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { articleDetailAsked } from "../src/answers/article-details.js";
import { recogniseIntent } from "../src/conversation/intents.js";
import { findPackageRoot } from "../src/package-root.js";
import { corpusLibrary } from "./corpus-library.js";
import { askAnswer, isRight, type QuestionItem, quoteIn, readQuestionSet } from "./score-questions.js";

const root = findPackageRoot(import.meta.url);
const fixtures = join(root, "test", "fixtures");
const verbose = process.argv.includes("--verbose");

/** A request for an article's summary, read loosely from how it opens. */
const MEANT_AS_SUMMARY =
  /^(?:(?:can|could) you |please )?(?:summari[sz]e|sum up|recap|tl;?dr|(?:give me |what'?s |whats )?(?:a |an |the )?(?:quick |short |brief )?(?:gist|summary|overview|rundown|lowdown|run-down|recap)\b|tell me (?:a bit )?about|brief me|fill me in|key points)/i;
/** Greetings, thanks, "what's new", "more": turns nobody writes as a question about an article. */
const MEANT_AS_TURN =
  /^(?:hi|hello|hey|thanks|thank you|cheers|what'?s new\??|latest news|any news\??|more|tell me more|go on)[!.?]*$/i;
const LIST =
  /\b(?:what|which|name|list) (?:are |were |is |was )?(?:the )?(?:two|three|four|five|six|seven|eight|2|3|4|5|6|7|8)\b|\blist (?:of|the)\b/i;

const sets = readdirSync(join(fixtures, "questions"))
  .filter((f) => /-(?:train|validation)\.json$/.test(f))
  .sort()
  .map((f) => ({ name: basename(f, ".json"), items: readQuestionSet(join(fixtures, "questions", f)) }));
const seedSets = ["extra-qa.json", "independent-qa.json"].map((f) => ({
  name: basename(f, ".json"),
  items: readQuestionSet(join(fixtures, f)),
}));

const { library, captures } = corpusLibrary(join(root, "seeds"), [join(fixtures, "corpus", "captures")]);
console.log(`library: ${library.all().length} articles, ${library.passageCount} passages`);

const said = (item: QuestionItem) => {
  const a = askAnswer(library, item.question);
  return { a, ok: isRight(item, a, captures), text: a.abstained ? `abstained (${a.reason ?? "intent"})` : a.answer };
};

// 1. Summary requests.
let summaries = 0;
let foundArticle = 0;
let carryFacts = 0;
for (const { name, items } of sets) {
  for (const item of items.filter((i) => MEANT_AS_SUMMARY.test(i.question.trim()))) {
    summaries++;
    const { a, ok, text } = said(item);
    const source = captures[item.source ?? ""] ?? "";
    const found = !a.abstained && a.citations.some((c) => quoteIn(c.quote, source));
    if (found) foundArticle++;
    if (ok) carryFacts++;
    const intent = recogniseIntent(item.question)?.kind ?? "question";
    const mark = ok ? "right" : found ? "article, facts missing" : "wrong or no article";
    if (verbose || !ok)
      console.log(
        `summary ${name} ${item.id} [${intent}] ${mark}: ${item.question}\n    expect ${item.expect.join(" & ")}\n    → ${text.replace(/\n/g, " ").slice(0, 400)}`,
      );
  }
}
console.log(`\nsummary requests: ${summaries}; right article ${foundArticle}; asked facts carried ${carryFacts}`);

// 2. Article details and lists, per writer.
const perWriter = new Map<string, { details: number[]; lists: number[] }>();
for (const { name, items } of sets) {
  const writer = name.split("-")[0] ?? name;
  const tally = perWriter.get(writer) ?? { details: [0, 0], lists: [0, 0] };
  perWriter.set(writer, tally);
  for (const item of items.filter((i) => i.kind === "answer")) {
    const kind = articleDetailAsked(item.question) ? "details" : LIST.test(item.question) ? "lists" : null;
    if (!kind) continue;
    const { ok, text } = said(item);
    const t = tally[kind];
    t[1] = (t[1] ?? 0) + 1;
    if (ok) t[0] = (t[0] ?? 0) + 1;
    if (verbose || !ok)
      console.log(
        `${kind} ${name} ${item.id} ${ok ? "right" : "wrong"}: ${item.question}\n    expect ${item.expect.join(" & ")}\n    → ${text.replace(/\n/g, " ").slice(0, 300)}`,
      );
  }
}
console.log("\nwriter  details  lists");
for (const [writer, t] of [...perWriter].sort())
  console.log(`${writer}       ${t.details[0]}/${t.details[1]}      ${t.lists[0]}/${t.lists[1]}`);

// 3. Routing over every set.
let read = 0;
const takenWrongly: string[] = [];
const leftToEngine: string[] = [];
for (const { name, items } of [...sets, ...seedSets]) {
  for (const item of items) {
    read++;
    const intent = recogniseIntent(item.question);
    const meant = MEANT_AS_SUMMARY.test(item.question.trim()) || MEANT_AS_TURN.test(item.question.trim());
    if (intent && !meant) takenWrongly.push(`${name} ${item.id} [${intent.kind}] ${item.question}`);
    if (!intent && meant) leftToEngine.push(`${name} ${item.id} ${item.question}`);
  }
}
console.log(
  `\nrouting over ${read} questions: ${takenWrongly.length} questions taken by an intent, ${leftToEngine.length} turns left to the answer engine`,
);
for (const line of takenWrongly) console.log(`  intent took: ${line}`);
for (const line of leftToEngine) console.log(`  engine got:  ${line}`);
