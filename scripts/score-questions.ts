/**
 * Scores the answer engine on a question set in-process, by the rules of shared/eval/score.mjs:
 * an answer must match every `expect` pattern and quote its `source` capture; an abstain item must
 * abstain with no citations; a quote found in no capture is unfaithful. Figures are kept per
 * category (seed, real, unanswerable, clinical) so a set mixing them shows where the misses are.
 * Used by `eval-sets`, `eval-corpus`, the bench's quality section and the question-set tests.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Answer } from "../src/answers/answer.js";
import { answerQuestion } from "../src/answers/answer-question.js";
import { intentAnswer } from "../src/conversation/intent-answer.js";
import type { Library } from "../src/knowledge/library.js";

export interface QuestionItem {
  id: string;
  kind: "answer" | "abstain";
  question: string;
  expect: string[];
  source: string | null;
  /** seed | real | unanswerable | clinical, in the writers' sets; absent in the older ones. */
  category?: string;
}

export interface Tally {
  right: number;
  total: number;
}

export interface QuestionSetScore {
  right: number;
  answersRight: number;
  answersTotal: number;
  abstainsRight: number;
  abstainsTotal: number;
  unfaithful: number;
  /** Right / total per category ("answer" / "abstain" when items carry none). */
  byCategory: Record<string, Tally>;
  /** "id question → what the engine said", one per miss. */
  failures: string[];
}

/** The scorer's normalisation: quote marks, dashes and white space folded, lower case. */
export function normaliseQuote(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\u00a0/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** Whether a quote (fragments joined by "…" allowed) stands verbatim in the normalised text. */
export function quoteIn(quote: string, text: string): boolean {
  const parts = normaliseQuote(quote)
    .split(/\s*(?:\.\.\.|…)\s*/)
    .map((p) => p.replace(/^[\s"'.,;:-]+|[\s"'.,;:-]+$/g, ""))
    .filter(Boolean);
  return parts.length > 0 && parts.every((p) => text.includes(p));
}

/** Every capture file in a folder, by file name, normalised as the scorer does. */
export function readCaptures(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => !f.startsWith("."))
      .map((f) => [f, normaliseQuote(readFileSync(join(dir, f), "utf8"))]),
  );
}

/** The raw captures in `seedsDir/raw`, by file name, normalised. */
export function readRawSeeds(seedsDir: string): Record<string, string> {
  return readCaptures(join(seedsDir, "raw"));
}

/** Reads a question-set file (the dev-qa.json format). */
export function readQuestionSet(file: string): QuestionItem[] {
  return (JSON.parse(readFileSync(file, "utf8")) as { items: QuestionItem[] }).items;
}

/** Whether the engine's answer is right by the scorer's rules. */
export function isRight(item: QuestionItem, answer: Answer, captures: Record<string, string>): boolean {
  if (item.kind === "abstain") return answer.abstained && answer.citations.length === 0;
  return (
    !answer.abstained &&
    item.expect.every((p) => new RegExp(p, "i").test(answer.answer)) &&
    answer.citations.some((c) => quoteIn(c.quote, captures[item.source ?? ""] ?? ""))
  );
}

/** The scoring clock: "what's new" questions see the library as of this moment. */
const SCORED_AT = new Date("2026-01-01T09:00:00Z");

/**
 * What `nhsai ask` answers (the black-box scorer's path): an intent first ("summarise the …
 * piece", "thanks"), else the answer engine. `engineOnly` scores the engine alone.
 */
export function askAnswer(library: Library, question: string, engineOnly = false): Answer {
  return (engineOnly ? null : intentAnswer(library, question, SCORED_AT)) ?? answerQuestion(library, question);
}

export function scoreQuestions(
  library: Library,
  items: readonly QuestionItem[],
  captures: Record<string, string>,
  engineOnly = false,
): QuestionSetScore {
  const score: QuestionSetScore = {
    right: 0,
    answersRight: 0,
    answersTotal: 0,
    abstainsRight: 0,
    abstainsTotal: 0,
    unfaithful: 0,
    byCategory: {},
    failures: [],
  };
  const texts = Object.values(captures);
  for (const item of items) {
    const a = askAnswer(library, item.question, engineOnly);
    for (const c of a.citations) if (!texts.some((t) => quoteIn(c.quote, t))) score.unfaithful++;
    const ok = isRight(item, a, captures);
    const category = item.category ?? item.kind;
    const tally = score.byCategory[category] ?? { right: 0, total: 0 };
    score.byCategory[category] = tally;
    tally.total++;
    if (item.kind === "abstain") score.abstainsTotal++;
    else score.answersTotal++;
    if (ok) {
      score.right++;
      tally.right++;
      if (item.kind === "abstain") score.abstainsRight++;
      else score.answersRight++;
    } else {
      const said = a.abstained ? `abstained (${a.reason})` : a.answer.slice(0, 160);
      score.failures.push(`${item.id} [${item.category ?? item.kind}] ${item.question} → ${said}`);
    }
  }
  return score;
}

/** "answers 12/14, abstains 4/4, real 9/10, …": one line for a score. */
export function describeScore(s: QuestionSetScore): string {
  const total = s.answersTotal + s.abstainsTotal;
  const parts = Object.entries(s.byCategory).map(([c, t]) => `${c} ${t.right}/${t.total}`);
  return `${s.right}/${total} = ${(s.right / Math.max(1, total)).toFixed(2)} (${parts.join(", ")}; unfaithful ${s.unfaithful})`;
}
