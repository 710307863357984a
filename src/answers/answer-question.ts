/**
 * answer(question): a short answer quoting its source sentence, or an honest "not in the library".
 * Never a guess: a sentence must answer to the question's own words and hold the kind of answer
 * asked for, and a name or figure the library has never seen means the library cannot answer.
 */

import { formatPublished } from "../knowledge/format-date.js";
import type { Library, Passage } from "../knowledge/library.js";
import { sanitiseText } from "../text/sanitise-text.js";
import { type AnalysedQuestion, analyseQuestion } from "./analyse-question.js";
import { type Answer, type Citation, citationFor } from "./answer.js";
import { likeliest } from "./answer-model.js";
import { answerArticleDetail, articleDetailAsked } from "./article-details.js";
import { CLINICAL_REFUSAL, isClinicalQuestion } from "./clinical-guard.js";
import { closestHeld } from "./closest-held.js";
import { FITTED } from "./fitted-weights.js";
import { isUnknownInitialism, unknownToLibrary } from "./initialisms.js";
import type { RankedSpan } from "./judge-span.js";
import { rankSpans } from "./rank-passages.js";
import { shapeQuote } from "./shape-quote.js";

/** Questions longer than this are cut: nobody asks a 2,000-word question in chat. */
export const MAX_QUESTION_LENGTH = 500;
/** Spans scoring below this by hand are not finished: the fitted model would not take them. */
const MIN_SCORE = 0.4;

const NOT_FOUND_LEAD = "I couldn't find that in the briefing library, so I won't guess.";
const NOT_FOUND_HINT =
  "I answer from the NHS AI and digital news articles I hold: try `topics` to see what they cover, a topic briefing such as `funding`, or `help`.";
const NOT_FOUND = `${NOT_FOUND_LEAD} ${NOT_FOUND_HINT}`;

export function answerQuestion(library: Library, rawQuestion: string): Answer {
  const question = sanitiseText(rawQuestion).trim().slice(0, MAX_QUESTION_LENGTH);
  const early = answerBeforeRanking(library, question);
  if ("answer" in early) return early.answer;
  const { analysed } = early;
  const ranked = rankSpans(library, analysed, MIN_SCORE);
  const best = likeliest(ranked);
  if (!best || best.probability < FITTED.threshold) {
    const closest = closestHeld(ranked);
    return abstain(question, "not_found", closest ? `${NOT_FOUND_LEAD} ${closest} ${NOT_FOUND_HINT}` : NOT_FOUND);
  }
  return {
    question,
    ...answerFrom(library, analysed, best.span),
    abstained: false,
    confidence: confidenceOf(best.probability),
  };
}

/**
 * The answer when it is settled before any sentence is ranked (nothing asked, a clinical question,
 * a detail of the article itself, a name the library never mentions), else the analysed question
 * to rank for: the answer model never sees the settled ones, so its fit leaves them out.
 */
export function answerBeforeRanking(
  library: Library,
  question: string,
): { answer: Answer } | { analysed: AnalysedQuestion } {
  const settled = (answer: Answer) => ({ answer });
  if (!/[\p{L}\p{N}]/u.test(question))
    return settled(abstain(question, "empty", "Ask me a question about NHS AI and digital news, or type `help`."));
  if (isClinicalQuestion(question)) return settled(abstain(question, "clinical", CLINICAL_REFUSAL));
  const detail = articleDetailAsked(question);
  if (detail) {
    const found = answerArticleDetail(library, question, detail);
    if (found?.known)
      return settled({ question, answer: found.answer, abstained: false, confidence: 0.9, citations: found.citations });
    if (found) return settled(abstain(question, "not_found", found.answer));
  }
  const analysed = analyseQuestion(question);
  if (analysed.terms.length === 0) return settled(abstain(question, "not_found", NOT_FOUND));
  if (namesSomethingUnknown(library, analysed)) return settled(abstain(question, "unknown_name", NOT_FOUND));
  return { analysed };
}

/** The answer text and citation a ranked span gives. */
export function answerFrom(
  library: Library,
  question: AnalysedQuestion,
  best: RankedSpan,
): { answer: string; citations: Citation[] } {
  const quote = shapeQuote(library, question, best.span);
  return { answer: composeAnswer(best.span.main, quote), citations: [citationFor(best.span.main.document, quote)] };
}

/**
 * A name or figure in the question that appears nowhere in the library: the library can't be about
 * it. An initialism ("HVH") may stand for a name an article writes out; the ranking looks for it.
 */
function namesSomethingUnknown(library: Library, q: AnalysedQuestion): boolean {
  return q.terms.some((t) => t.specific && unknownToLibrary(library, t.term) && !isUnknownInitialism(library, q, t));
}

/** "According to National Health Executive (October 2023): “…”" — who said it, when, and their words. */
function composeAnswer(passage: Passage, quote: string): string {
  const doc = passage.document;
  const source = doc.publisher ?? doc.organisation ?? `the article “${doc.title}”`;
  const date = doc.published ? formatPublished(doc.published) : "undated";
  return `According to ${source} (${date}): “${quote}”`;
}

/** The model's probability, rounded: how sure the engine is that the quote answers. */
function confidenceOf(probability: number): number {
  return Math.round(Math.min(0.99, probability) * 100) / 100;
}

function abstain(question: string, reason: NonNullable<Answer["reason"]>, answer: string): Answer {
  return { question, answer, abstained: true, confidence: 0, citations: [], reason };
}
