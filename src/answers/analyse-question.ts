/**
 * Reads a question: the kind of answer it asks for (question-kind.ts), its words as weighted index
 * terms with the names and speaker it gives (question-terms.ts), and the time it puts its event in.
 * Nothing here rules an answer out: the ranking weighs what it finds.
 */

import { phrasesIn } from "../knowledge/synonyms.js";
import { normaliseText } from "../knowledge/text-terms.js";
import { askedNounOf, focusOf, kindOf, QUANTITY_FRAME, type QuestionKind, TYPE_NOUNS } from "./question-kind.js";
import { namesIn, outletWords, type QuestionTerm, questionTerms, SAYING, speakerOf } from "./question-terms.js";

export interface AnalysedQuestion {
  text: string;
  kind: QuestionKind;
  /** For "how many X" / "which X": the stems of X. */
  focus: string[];
  /** The stem of the noun the answer is a value of ("what is X's *budget*"), if the wording gives one. */
  asked: string | undefined;
  /** Names written in the question ("Dr Priya Smith"), as index terms, for surname references. */
  names: string[][];
  terms: QuestionTerm[];
  /** For "what did X say (about Y)?": the index terms of X, whose own quoted words answer. */
  speaker: string[];
  /** "When will … be appointed?" asks about the future, "when was … set up?" the past. */
  tense: QuestionTense;
}

type QuestionTense = "past" | "future" | "none";

const LEAD_IN =
  /^((please|so|and|but|ok|okay|hi|hey|roughly|approximately|exactly|about|remind me|tell me|can you tell me|could you tell me|do you know|any idea|i wonder),?\s+)+/;

const DATE_WORDS = /^(date|dates|day|days|year|years|month|months|time|times)$/;
const SHARE_WORDS = /^(share|shares|proportion|proportions|percentage|percentages|percent|per|cent|fraction)$/;
const SUM_WORDS = /^(worth|cost|costs|costing|price|priced|value|valued|wise)$/;

/** Analyses a question's wording. */
export function analyseQuestion(question: string): AnalysedQuestion {
  const text = question.replace(/\s+/g, " ").trim();
  // "Roughly when…", "so who…", "can you tell me how many…": the question word comes after a lead-in.
  const lower = normaliseText(text)
    .replace(/[?!.]+$/, "")
    .replace(LEAD_IN, "");
  const kind = kindOf(text, lower);
  const focus = focusOf(lower, kind);
  const asked = askedNounOf(lower, kind, focus);
  const terms = questionTerms(text);
  // "Who set up…" asks who established it: the phrase's one word joins the question's own, as an
  // alternative (an answer may say "set up" or "established"), so each weighs half.
  for (const phrase of phrasesIn(lower)) {
    for (const t of terms)
      if (phrase.words.includes(t.word)) {
        t.weight = Math.min(t.weight, 0.5);
        t.inPhrase = true;
      }
    if (!terms.some((t) => t.term === phrase.term))
      terms.push({ term: phrase.term, word: phrase.term, weight: 0.5, specific: false, phrase: true });
  }
  // "What three areas…": the count says how many items are wanted, not a word the answer uses.
  const counted = /\b(two|three|four|five|six|seven|eight|nine|ten)\s+(?:main |key |big |core |top )?[a-z]+s\b/.exec(
    lower,
  )?.[1];
  if (counted && kind !== "how_many") for (const t of terms) if (t.word === counted) t.weight = 0.25;
  const frame = QUANTITY_FRAME.exec(lower)?.[2];
  if (frame) for (const t of terms) if (t.word === frame) t.weight = 0.25;
  // "How much is it worth / does it cost?", "how big, money-wise?": the word names the kind of answer, a sum.
  if (kind === "how_much") for (const t of terms) if (SUM_WORDS.test(t.word)) t.weight = 0.25;
  // "On what dates…", "what year…": the word names the kind of answer, a date.
  if (kind === "when") for (const t of terms) if (DATE_WORDS.test(t.word)) t.weight = 0.25;
  // "What share / proportion / % of…": the word names the kind of answer, a percentage or fraction.
  if (kind === "share") for (const t of terms) if (SHARE_WORDS.test(t.word)) t.weight = 0.25;
  // "How long…": "long" names the kind of answer, a stretch of time or a length.
  if (kind === "how_long") for (const t of terms) if (t.word === "long") t.weight = 0.25;
  // "Taking place", "take part": a light verb and its noun say little of what is asked.
  for (const m of lower.matchAll(/\b(tak(?:e|es|ing|en)|took) (place|part)\b/g))
    for (const t of terms) if (t.word === m[1] || t.word === m[2]) t.weight = 0.25;
  // In "which organisation…" the noun names the kind of answer, not a word the answer must use.
  // "Which government department…": the last noun names the kind of answer.
  const head = focus[focus.length - 1];
  if (head && TYPE_NOUNS.has(head)) {
    focus.splice(0, focus.length, head);
    for (const t of terms) if (t.term === head) t.weight = 0.25;
  }
  // "The HSJ piece on…", "according to Digital Health": the outlet only points at an article; the
  // library may not know it by that name, so it weighs little and is not a name the answer needs.
  for (const word of outletWords(text))
    for (const t of terms)
      if (t.word === word) {
        t.weight = Math.min(t.weight, 0.25);
        t.specific = false;
      }
  const speaker = speakerOf(text);
  // "Say", "think", "warn" ask for the speaker's words; they need not be in the answer.
  if (speaker.length > 0) for (const t of terms) if (SAYING.test(t.word)) t.weight = Math.min(t.weight, 0.25);
  return { text, kind, focus, asked, terms, names: namesIn(text), speaker, tense: tenseOf(lower) };
}

/**
 * The time the question's auxiliary puts its event in. "Would" is left out: "when would…" is
 * conditional, not a date in the future.
 */
function tenseOf(q: string): QuestionTense {
  if (/\b(will|shall|going to|set to|due to)\b|\w'll\b/.test(q)) return "future";
  if (/^(?:\w+ ){0,3}?(did|was|were|had)\b/.test(q)) return "past";
  return "none";
}
