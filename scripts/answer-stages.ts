/**
 * Where an answer's time goes, stage by stage, on the bench's questions: `node --expose-gc
 * dist/scripts/answer-stages.js [seeds|200k] [passes] [--slowest=N]`. After the bench's warm-up,
 * each of its 1,000 questions is answered whole and then stage by stage (clinical guard, article
 * details, analysis, expansion, search, headline search, candidates, question facts, ranking with
 * retrieval, answer model, quote shaping, closest held), `passes` times (default 9); each figure is
 * the question's fastest pass (what the code costs, without a shared machine's stalls), reported
 * as p50 / p99 / max over the questions, with the slowest questions' own figures. Every pass
 * starts after a full collection, so a young-generation collection lands on the same questions
 * each pass: "answer" (the whole call) keeps those, the stages mostly not.
 */

import { openSeedLibrary } from "../adapters/cli/open-library.js";
import { createContext, QUESTIONS, WARMUP_QUESTIONS } from "../bench/context.js";
import { generateQuestions, sentencesOf } from "../bench/generate-questions.js";
import { percentile } from "../bench/percentiles.js";
import { analyseQuestion } from "../src/answers/analyse-question.js";
import { likeliest } from "../src/answers/answer-model.js";
import { answerFrom, answerQuestion, MAX_QUESTION_LENGTH } from "../src/answers/answer-question.js";
import { answerArticleDetail, articleDetailAsked } from "../src/answers/article-details.js";
import { isClinicalQuestion } from "../src/answers/clinical-guard.js";
import { closestHeld } from "../src/answers/closest-held.js";
import { headlineHits } from "../src/answers/headline-context.js";
import { questionFacts, withNamesWritten } from "../src/answers/question-facts.js";
import { candidatePassages, queryTerms, rankSpans } from "../src/answers/rank-passages.js";
import type { Library } from "../src/knowledge/library.js";
import { sanitiseText } from "../src/text/sanitise-text.js";

const args = process.argv.slice(2);
const large = args.includes("200k");
const passes = Number(args.find((a) => /^\d+$/.test(a)) ?? 9);
const slowest = Number(args.find((a) => a.startsWith("--slowest="))?.slice(10) ?? 10);

const { library, questions, warmup } = large ? largeLibrary() : seedLibrary();
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** One question's time per stage (ms), and its candidates' count. */
function stages(raw: string): Record<string, number> {
  const t: Record<string, number> = {};
  let at = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    t[stage] = now - at;
    at = now;
  };
  const question = sanitiseText(raw).trim().slice(0, MAX_QUESTION_LENGTH);
  isClinicalQuestion(question);
  lap("clinical guard");
  const detail = articleDetailAsked(question);
  if (detail) answerArticleDetail(library, question, detail);
  lap("article details");
  const analysed = analyseQuestion(question);
  lap("analyse");
  if (analysed.terms.length === 0) return t;
  const query = queryTerms(library, analysed);
  lap("expand");
  library.index.search(query, 25);
  lap("search");
  headlineHits(library, query);
  lap("headline search");
  const candidates = candidatePassages(library, analysed);
  lap("candidates (all three)");
  questionFacts(library, withNamesWritten(library, analysed, candidates.keys()));
  lap("question facts");
  const ranked = rankSpans(library, analysed, 0.4);
  lap("rank (with candidates)");
  const best = likeliest(ranked);
  lap("answer model");
  if (best) answerFrom(library, analysed, best.span);
  lap("shape quote");
  closestHeld(ranked);
  lap("closest held");
  t["candidate passages"] = candidates.size;
  t["spans finished"] = ranked.length;
  return t;
}

for (const q of warmup) {
  answerQuestion(library, q);
  stages(q);
}
const fastest = questions.map(() => ({}) as Record<string, number>);
for (let pass = 0; pass < passes; pass++) {
  collect();
  questions.forEach((q, i) => {
    const start = performance.now();
    answerQuestion(library, q);
    keepFastest(fastest[i] as Record<string, number>, { answer: performance.now() - start });
  });
  questions.forEach((q, i) => {
    keepFastest(fastest[i] as Record<string, number>, stages(q));
  });
}

const names = [...new Set(fastest.flatMap((f) => Object.keys(f)))];
console.log(`${large ? "200k" : "seeds"}: ${questions.length} questions, fastest of ${passes} passes (ms)`);
for (const name of names) {
  const values = fastest.map((f) => f[name] ?? 0);
  const figures = [50, 99, 100].map((p) => round(percentile(values, p)));
  console.log(`${name.padEnd(24)} p50 ${figures[0]}  p99 ${figures[1]}  max ${figures[2]}`);
}
const order = questions.map((_, i) => i).sort((a, b) => (fastest[b]?.answer ?? 0) - (fastest[a]?.answer ?? 0));
for (const i of order.slice(0, slowest)) {
  const f = fastest[i] as Record<string, number>;
  console.log(`\n${round(f.answer ?? 0)} ms  ${questions[i]}`);
  console.log(`  ${names.map((n) => `${n} ${round(f[n] ?? 0)}`).join(", ")}`);
}

function keepFastest(into: Record<string, number>, figures: Record<string, number>): void {
  for (const [name, value] of Object.entries(figures)) into[name] = Math.min(into[name] ?? value, value);
}

function round(ms: number): number {
  return Math.round(ms * 10_000) / 10_000;
}

function seedLibrary(): { library: Library; questions: string[]; warmup: string[] } {
  const seeds = openSeedLibrary();
  const sentences = sentencesOf(seeds);
  return {
    library: seeds,
    questions: generateQuestions(sentences, QUESTIONS, 1),
    warmup: generateQuestions(sentences, WARMUP_QUESTIONS, 4),
  };
}

function largeLibrary(): { library: Library; questions: string[]; warmup: string[] } {
  const generated = createContext(() => {}).large();
  return { library: generated.library, questions: generated.questions, warmup: generated.warmup };
}
