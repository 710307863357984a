/**
 * Fits the answer model (src/answers/answer-model.ts) on training questions and checks it on
 * validation questions, over the seeds plus the real captures; writes src/answers/fitted-weights.ts.
 * `node dist/scripts/fit-answer-model.js --train <file>… [--seed-train <file>…] [--must <file>…]
 *   --validation <file>… [--captures <dir>]… [--dry] [--sweep] [--misses] [--unreached]`
 * (--seed-train and --must sets are over the seeds alone; --sweep prints accuracy by threshold,
 * --misses the questions whose right span was not chosen, --unreached those with none among the
 * candidates).
 *
 * Each question's candidate spans (the ranking's best few) are labelled: right when the answer
 * built from the span matches every `expect` pattern and quotes the `source` capture; for an
 * unanswerable question every candidate is wrong. Clinical questions never reach the ranking and
 * are left out. The threshold is the one that scores best on training, unanswerable items counting
 * double (an answer where there is none is the worse error).
 */

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyseQuestion } from "../src/answers/analyse-question.js";
import {
  type AnswerModel,
  answerProbability,
  decisionProbability,
  fitLogistic,
  pickLikeliest,
} from "../src/answers/answer-model.js";
import { answerFrom } from "../src/answers/answer-question.js";
import { isClinicalQuestion } from "../src/answers/clinical-guard.js";
import type { RankedSpan } from "../src/answers/judge-span.js";
import { FEATURES, rankSpans } from "../src/answers/rank-passages.js";
import type { Library } from "../src/knowledge/library.js";
import { findPackageRoot } from "../src/package-root.js";
import { corpusLibrary } from "./corpus-library.js";
import { type QuestionItem, quoteIn, readQuestionSet } from "./score-questions.js";

/** An answer where there is none costs this many right answers when the threshold is chosen. */
const FALSE_ANSWER_COST = Number(process.env.FALSE_COST ?? 2);
/** How much more an unanswerable question weighs in the fits. */
const ABSTAIN_WEIGHT = Number(process.env.ABSTAIN_WEIGHT ?? 2);
/** How much more a question of a "--must" set weighs. */
const MUST_WEIGHT = 4;
/** Candidates per question the model sees. */
const DEPTH = 8;

interface Labelled {
  item: QuestionItem;
  candidates: { x: number[]; right: boolean; text: string }[];
}

function label(library: Library, items: QuestionItem[], captures: Record<string, string>): Labelled[] {
  return items
    .filter((item) => !isClinicalQuestion(item.question) && item.category !== "clinical")
    .map((item) => {
      const analysed = analyseQuestion(item.question);
      const ranked: RankedSpan[] = rankSpans(library, analysed).slice(0, DEPTH);
      return {
        item,
        candidates: ranked.map((r) => {
          const { answer, citations } = answerFrom(library, analysed, r);
          const right =
            item.kind === "answer" &&
            item.expect.every((p) => new RegExp(p, "i").test(answer)) &&
            citations.some((c) => quoteIn(c.quote, captures[item.source ?? ""] ?? ""));
          return { x: r.features, right, text: r.span.text };
        }),
      };
    });
}

/** Right answers and right abstentions when the model picks the likeliest candidate. */
function evaluate(
  set: Labelled[],
  model: AnswerModel,
): { right: number; total: number; falseAnswers: number; wrongPicks: number; shy: number } {
  let right = 0;
  let falseAnswers = 0;
  let wrongPicks = 0;
  let shy = 0;
  for (const { item, candidates } of set) {
    const best = picked(candidates, model);
    const answers = best !== undefined && decisionProbability(best.x, model) >= model.threshold;
    if (item.kind === "abstain") {
      if (answers) falseAnswers++;
      else right++;
    } else if (answers && best?.right) right++;
    else if (best?.right) shy++;
    else if (candidates.some((c) => c.right)) wrongPicks++;
  }
  return { right, total: set.length, falseAnswers, wrongPicks, shy };
}

/** The candidate the model picks (the likeliest), as the answerer does. */
function picked<C extends { x: number[] }>(candidates: readonly C[], model: AnswerModel): C | undefined {
  return pickLikeliest(candidates, (c) => c.x, model);
}

const root = findPackageRoot(import.meta.url);
const args = process.argv.slice(2);
const lists: Record<string, string[]> = {
  "--train": [],
  "--seed-train": [],
  "--must": [],
  "--validation": [],
  "--captures": [],
};
let current: string[] | undefined;
for (const arg of args) {
  if (arg in lists) current = lists[arg];
  else if (!arg.startsWith("--")) current?.push(arg);
}
const captureDirs = lists["--captures"] as string[];
if (captureDirs.length === 0) captureDirs.push(join(root, "test", "fixtures", "corpus", "captures"));
const { library, captures } = corpusLibrary(join(root, "seeds"), captureDirs);
// "--must" sets are training sets that have to stay right (the public dev set): they weigh more.
const must = new Set((lists["--must"] as string[]).flatMap(readQuestionSet).map((i) => i.id));
// Sets about the seeds alone are labelled in the seed library, as `nhsai ask` answers them with
// nothing ingested; the writers' sets in the seeds plus the captures.
const seeds = corpusLibrary(join(root, "seeds"), []);
const train = [
  ...label(library, (lists["--train"] as string[]).flatMap(readQuestionSet), captures),
  ...label(
    seeds.library,
    [...(lists["--seed-train"] as string[]), ...(lists["--must"] as string[])].flatMap(readQuestionSet),
    seeds.captures,
  ),
];
const validation = label(library, (lists["--validation"] as string[]).flatMap(readQuestionSet), captures);

// Each question weighs the same whatever its number of candidates; unanswerable ones double.
const rows = train.flatMap(({ item, candidates }) =>
  candidates.map((c) => ({
    x: c.x,
    y: (c.right ? 1 : 0) as 0 | 1,
    weight:
      ((item.kind === "abstain" ? ABSTAIN_WEIGHT : 1) * (must.has(item.id) ? MUST_WEIGHT : 1)) /
      Math.max(1, candidates.length),
  })),
);
const round = (w: number) => Math.round(w * 1000) / 1000;
const weights = fitLogistic(rows).map(round);
// The decision: each training question's picked span, right or not (unanswerable ones weigh more).
const decideRows = train.flatMap(({ item, candidates }) => {
  const best = picked(candidates, { weights, threshold: 0 });
  if (!best) return [];
  const weight = (item.kind === "abstain" ? ABSTAIN_WEIGHT : 1) * (must.has(item.id) ? MUST_WEIGHT : 1);
  return [{ x: best.x, y: (best.right ? 1 : 0) as 0 | 1, weight }];
});
const decide = fitLogistic(decideRows, { steps: 8000 }).map(round);
let model: AnswerModel = { weights, decide, threshold: 0.5 };
let bestScore = Number.NEGATIVE_INFINITY;
for (let t = 0.05; t <= 0.951; t += 0.01) {
  const candidate = { weights, decide, threshold: Math.round(t * 100) / 100 };
  const e = evaluate(train, candidate);
  const score = e.right - FALSE_ANSWER_COST * e.falseAnswers;
  if (score > bestScore) {
    bestScore = score;
    model = candidate;
  }
}
const show = (name: string, set: Labelled[]) => {
  const e = evaluate(set, model);
  const answerable = set.filter((l) => l.item.kind === "answer");
  const reachable = answerable.filter((l) => l.candidates.some((c) => c.right)).length;
  console.log(
    `${name}: ${e.right}/${e.total} = ${(e.right / Math.max(1, e.total)).toFixed(2)}, answers where none: ${e.falseAnswers}, right span below threshold ${e.shy}, wrong span picked ${e.wrongPicks}; a right span among the candidates for ${reachable}/${answerable.length} answerable`,
  );
};
console.log(`features: bias ${FEATURES.join(" ")}`);
console.log(`weights: ${model.weights.join(" ")}; threshold ${model.threshold}`);
console.log(`decide: ${model.decide?.join(" ")}`);
show("train", train);
show("validation", validation);
if (args.includes("--sweep"))
  for (let t = 0.2; t <= 0.6; t += 0.04) {
    const m = { weights, decide, threshold: t };
    const [a, b] = [evaluate(train, m), evaluate(validation, m)];
    console.log(
      `t=${t.toFixed(2)} train ${a.right} (false ${a.falseAnswers}) validation ${b.right} (false ${b.falseAnswers})`,
    );
  }
if (args.includes("--reachable"))
  for (const l of [...train, ...validation])
    if (l.candidates.some((c) => c.right)) console.log(`reachable ${l.item.id}`);
if (args.includes("--unreached"))
  for (const { item, candidates } of [...train, ...validation])
    if (item.kind === "answer" && !candidates.some((c) => c.right))
      console.log(
        `unreached ${item.id} ${item.question} | ${item.expect.join(" ")} | top: ${candidates[0]?.text.slice(0, 120)}`,
      );
// "--feature=NAME": the answerable questions whose right spans all have that feature set, to see
// what a new feature would cost.
const featureAt = FEATURES.indexOf(
  (args.find((a) => a.startsWith("--feature="))?.slice(10) ?? "") as (typeof FEATURES)[number],
);
if (featureAt >= 0)
  for (const { item, candidates } of [...train, ...validation]) {
    const right = candidates.filter((c) => c.right);
    if (right.length > 0 && right.every((c) => (c.x[featureAt] ?? 0) > 0))
      console.log(`${FEATURES[featureAt]} on ${item.id} ${item.question} | ${right[0]?.text.slice(0, 120)}`);
  }
if (args.includes("--false-answers"))
  for (const { item, candidates } of [...train, ...validation]) {
    if (item.kind !== "abstain") continue;
    const best = picked(candidates, model);
    const p = best ? decisionProbability(best.x, model) : 0;
    if (!best || p < model.threshold) continue;
    console.log(`\nfalse answer ${item.id} ${item.question}`);
    console.log(`  p=${p.toFixed(2)} ${best.text.slice(0, 140)}`);
    console.log(`  x=${best.x.map((v) => v.toFixed(2)).join(" ")}`);
  }
if (args.includes("--misses")) {
  for (const { item, candidates } of [...train, ...validation]) {
    if (item.kind !== "answer" || !candidates.some((c) => c.right)) continue;
    const ps = candidates.map((c) => answerProbability(c.x, model));
    const at = ps.indexOf(Math.max(...ps));
    if (candidates[at]?.right && decisionProbability(candidates[at].x, model) >= model.threshold) continue;
    const right = candidates.findIndex((c) => c.right);
    console.log(`\n${item.id} ${item.question}`);
    console.log(`  picked p=${ps[at]?.toFixed(2)} ${candidates[at]?.text.slice(0, 140)}`);
    console.log(`  right  p=${ps[right]?.toFixed(2)} ${candidates[right]?.text.slice(0, 140)}`);
    console.log(`  right x=${candidates[right]?.x.map((v) => v.toFixed(2)).join(" ")}`);
  }
}
if (!args.includes("--dry")) {
  const file = join(root, "src", "answers", "fitted-weights.ts");
  const about = FEATURES.map((f, i) => `${f} ${model.weights[i + 1]}`).join(", ");
  writeFileSync(
    file,
    `/** Written by scripts/fit-answer-model.ts: do not edit by hand. Bias ${model.weights[0]}; ${about}; the decision's weights in the same order (plain data: answer-model.ts imports it, so it imports nothing back). */\nexport const FITTED = ${JSON.stringify(model)};\n`,
  );
  console.log(`wrote ${file}`);
}
