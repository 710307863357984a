/**
 * Retrieval recall: for each answerable question, does the sentence that answers it reach the
 * judge? `node dist/scripts/measure-recall.js [--dev <dev-qa.json>] [--misses]` prints, per split, recall@k of the
 * source sentence in the search's best k, the share that reaches the judge (the search's best plus
 * their neighbours, as rank-passages.ts builds them) and the share with a right span among the
 * ranking's best 8 (the fit script's "right span among the candidates"); `--misses` lists the
 * questions whose source sentence never reaches the judge, with a guessed cause, `--judged` those
 * whose source sentence reaches the judge without a right span among its best 8.
 *
 * The source sentence: a sentence of the `source` capture that matches every `expect` pattern, or
 * failing that the shortest run of adjacent sentences (up to three) that does together (a fact
 * split over sentences). Splits: train = every writer's training sets over the seeds plus
 * captures, and the older sets and the public dev set over the seeds alone; validation = those
 * writers' validation sets; then each writer's train and validation together. Clinical questions and questions about an article's details (author, date),
 * which never reach the ranking, are left out; so are those whose answer no sentence holds.
 */

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { analyseQuestion } from "../src/answers/analyse-question.js";
import { answerFrom } from "../src/answers/answer-question.js";
import { articleDetailAsked } from "../src/answers/article-details.js";
import { isClinicalQuestion } from "../src/answers/clinical-guard.js";
import { candidatePassages, queryTerms, rankSpans } from "../src/answers/rank-passages.js";
import type { Library, Passage } from "../src/knowledge/library.js";
import { tokenize } from "../src/knowledge/text-terms.js";
import { findPackageRoot } from "../src/package-root.js";
import { corpusLibrary } from "./corpus-library.js";
import { type QuestionItem, quoteIn, readQuestionSet } from "./score-questions.js";

const KS = [1, 5, 8, 16, 25, 32, 50, 100] as const;
const RANKED_DEPTH = 8;
const MAX_WINDOW = 3;

interface Outcome {
  item: QuestionItem;
  /** Sentences in the source window (0: no run of up to three sentences matches). */
  window: number;
  /** Rank of the first source sentence among the search's hits (1-based), or Infinity. */
  searchRank: number;
  reachesJudge: boolean;
  rightRanked: boolean;
  cause: string;
}

/** The shortest runs of adjacent sentences of the source capture that match every pattern. */
function sourceWindows(library: Library, item: QuestionItem, capture: string): Passage[][] {
  const patterns = item.expect.map((p) => new RegExp(p, "i"));
  const passages = library.all().flatMap((d) => d.passages);
  const inSource = (p: Passage) => quoteIn(p.text, capture);
  for (let size = 1; size <= MAX_WINDOW; size++) {
    const found: Passage[][] = [];
    for (let i = 0; i + size <= passages.length; i++) {
      const run = passages.slice(i, i + size);
      if (run.some((p) => p.document !== run[0]?.document)) continue;
      const text = run.map((p) => p.text).join(" ");
      if (!patterns.every((re) => re.test(text))) continue;
      if (run.every(inSource)) found.push(run);
    }
    if (found.length > 0) return found;
  }
  return [];
}

function measure(library: Library, items: readonly QuestionItem[], captures: Record<string, string>): Outcome[] {
  const out: Outcome[] = [];
  for (const item of items) {
    if (item.kind !== "answer" || item.category === "clinical" || isClinicalQuestion(item.question)) continue;
    // "Who wrote / when was … published" is answered from the article's details, not its sentences.
    if (articleDetailAsked(item.question)) continue;
    const capture = captures[item.source ?? ""] ?? "";
    const windows = sourceWindows(library, item, capture);
    if (windows.length === 0) continue;
    const targets = new Set(windows.flat().map((p) => p.id));
    const asked = analyseQuestion(item.question);
    const hits = library.index.search(queryTerms(library, asked), Math.max(...KS));
    const at = hits.findIndex((h) => targets.has(h.passage));
    const judged = candidatePassages(library, asked);
    const reachesJudge = [...targets].some((id) => judged.has(id));
    const rightRanked = rankSpans(library, asked)
      .slice(0, RANKED_DEPTH)
      .some((r) => {
        const { answer, citations } = answerFrom(library, asked, r);
        return (
          item.expect.every((p) => new RegExp(p, "i").test(answer)) && citations.some((c) => quoteIn(c.quote, capture))
        );
      });
    out.push({
      item,
      window: windows[0]?.length ?? 0,
      searchRank: at < 0 ? Number.POSITIVE_INFINITY : at + 1,
      reachesJudge,
      rightRanked,
      cause: reachesJudge ? "" : guessCause(item, windows),
    });
  }
  return out;
}

/** Why a source sentence was missed, as far as words can tell. */
function guessCause(item: QuestionItem, windows: Passage[][]): string {
  const window = windows[0];
  if (!window) return "";
  const held = new Set(window.flatMap((p) => p.terms));
  const doc = window[0]?.document;
  const title = new Set(tokenize(doc?.title ?? "").map((t) => t.term));
  const article = new Set((doc?.paragraphs ?? []).flatMap((p) => tokenize(p.text).map((t) => t.term)));
  const asked = analyseQuestion(item.question).terms.filter((t) => t.weight >= 1);
  const lacking = asked.filter((t) => !held.has(t.term));
  const inTitle = lacking.filter((t) => title.has(t.term)).map((t) => t.word);
  const elsewhere = lacking.filter((t) => !title.has(t.term) && article.has(t.term)).map((t) => t.word);
  const nowhere = lacking.filter((t) => !article.has(t.term) && !title.has(t.term)).map((t) => t.word);
  const causes: string[] = [];
  if (window.length > 1) causes.push(`split over ${window.length}`);
  if (inTitle.length) causes.push(`headline holds ${inTitle.join(",")}`);
  if (elsewhere.length) causes.push(`article elsewhere ${elsewhere.join(",")}`);
  if (nowhere.length) causes.push(`other words ${nowhere.join(",")}`);
  if (causes.length === 0) causes.push("words held, outranked");
  return causes.join("; ");
}

function report(name: string, outcomes: readonly Outcome[]): void {
  const n = outcomes.length;
  const share = (k: number) => `${((100 * k) / Math.max(1, n)).toFixed(0)}%`;
  const at = KS.map((k) => `@${k} ${share(outcomes.filter((o) => o.searchRank <= k).length)}`).join(" ");
  const judge = outcomes.filter((o) => o.reachesJudge).length;
  const ranked = outcomes.filter((o) => o.rightRanked).length;
  const split = outcomes.filter((o) => o.window > 1).length;
  console.log(
    `${name}: ${n} answerable (${split} need 2-3 sentences); search recall ${at}; reaches the judge ${judge}/${n} = ${share(judge)}; right span in best ${RANKED_DEPTH} ${ranked}/${n} = ${share(ranked)}`,
  );
}

const root = findPackageRoot(import.meta.url);
const questions = join(root, "test", "fixtures", "questions");
const corpus = corpusLibrary(join(root, "seeds"), [join(root, "test", "fixtures", "corpus", "captures")]);
const seeds = corpusLibrary(join(root, "seeds"), []);
// "--dev <file>": the public dev set, scored over the seeds with the older sets.
const devAt = process.argv.indexOf("--dev");
const devSet = devAt > 0 ? process.argv[devAt + 1] : undefined;
// Every writer with sets in the folder (ten this session: a-d, g-l).
const writers = [
  ...new Set(
    readdirSync(questions)
      .filter((f) => /^[a-z]+-(train|validation)\.json$/.test(f))
      .map((f) => f.replace(/-(train|validation)\.json$/, "")),
  ),
].sort();
const seedSets = [
  join(root, "test", "fixtures", "extra-qa.json"),
  join(root, "test", "fixtures", "independent-qa.json"),
];
const read = (files: (string | undefined)[]) => files.flatMap((f) => (f ? readQuestionSet(f) : []));
const bySplit = (split: string) =>
  new Map(
    writers.map((w) => [w, measure(corpus.library, read([join(questions, `${w}-${split}.json`)]), corpus.captures)]),
  );
const writerTrain = bySplit("train");
const writerValidation = bySplit("validation");
const train = [
  ...[...writerTrain.values()].flat(),
  ...measure(seeds.library, read([...seedSets, devSet]), seeds.captures),
];
const validation = [...writerValidation.values()].flat();
report("train", train);
report("validation", validation);
for (const w of writers) report(`writer ${w}`, [...(writerTrain.get(w) ?? []), ...(writerValidation.get(w) ?? [])]);
if (process.argv.includes("--misses"))
  for (const o of [...train, ...validation].filter((x) => !x.reachesJudge))
    console.log(`miss ${o.item.id} ${o.item.question} | search rank ${o.searchRank} | ${o.cause}`);
// "--judged": the questions whose source sentence reaches the judge but has no right span in its best 8.
if (process.argv.includes("--judged"))
  for (const o of [...train, ...validation].filter((x) => x.reachesJudge && !x.rightRanked))
    console.log(`judged below ${o.item.id} ${o.item.question} | search rank ${o.searchRank}`);
