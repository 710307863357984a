/**
 * Scores the answer engine on a question set in-process, by the rules of shared/eval/score.mjs:
 * an answer must match every `expect` pattern and quote its `source` capture; an abstain item must
 * abstain with no citations; a quote found in no capture is unfaithful. Used by `eval-sets` and
 * by the question-set tests.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { answerQuestion } from "../src/answers/answer-question.js";
import type { Library } from "../src/knowledge/library.js";

export interface QuestionItem {
  id: string;
  kind: "answer" | "abstain";
  question: string;
  expect: string[];
  source: string | null;
}

export interface QuestionSetScore {
  right: number;
  answersRight: number;
  answersTotal: number;
  abstainsRight: number;
  abstainsTotal: number;
  unfaithful: number;
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

/** The raw captures in `seedsDir/raw`, by file name, normalised. */
export function readRawSeeds(seedsDir: string): Record<string, string> {
  const dir = join(seedsDir, "raw");
  return Object.fromEntries(readdirSync(dir).map((f) => [f, normaliseQuote(readFileSync(join(dir, f), "utf8"))]));
}

/** Reads a question-set file (the dev-qa.json format). */
export function readQuestionSet(file: string): QuestionItem[] {
  return (JSON.parse(readFileSync(file, "utf8")) as { items: QuestionItem[] }).items;
}

export function scoreQuestions(
  library: Library,
  items: readonly QuestionItem[],
  rawSeeds: Record<string, string>,
): QuestionSetScore {
  const score: QuestionSetScore = {
    right: 0,
    answersRight: 0,
    answersTotal: 0,
    abstainsRight: 0,
    abstainsTotal: 0,
    unfaithful: 0,
    failures: [],
  };
  const captures = Object.values(rawSeeds);
  for (const item of items) {
    const a = answerQuestion(library, item.question);
    for (const c of a.citations) if (!captures.some((t) => quoteIn(c.quote, t))) score.unfaithful++;
    const ok =
      item.kind === "abstain"
        ? a.abstained && a.citations.length === 0
        : !a.abstained &&
          item.expect.every((p) => new RegExp(p, "i").test(a.answer)) &&
          a.citations.some((c) => quoteIn(c.quote, rawSeeds[item.source ?? ""] ?? ""));
    if (item.kind === "abstain") score.abstainsTotal++;
    else score.answersTotal++;
    if (ok) {
      score.right++;
      if (item.kind === "abstain") score.abstainsRight++;
      else score.answersRight++;
    } else {
      score.failures.push(`${item.id} ${item.question} → ${a.abstained ? "abstained" : a.answer.slice(0, 100)}`);
    }
  }
  return score;
}
