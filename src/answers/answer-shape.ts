/**
 * Whether a span holds the kind of answer a question asks for: a sum for "how much", a count of
 * the right thing for "how many", a date or time for "when", a place for "where", a name the
 * question does not already give for "who", the authors for "who wrote", the thing a "which"
 * asks about.
 */

import type { Passage } from "../knowledge/library.js";
import { relatedTerms } from "../knowledge/synonyms.js";
import { normaliseText, termFor } from "../knowledge/text-terms.js";
import type { AnalysedQuestion } from "./analyse-question.js";
import type { CandidateSpan } from "./candidate-span.js";
import { countMentions, type Mention, moneyMentions, nameMentions, placeMentions, timeMentions } from "./mentions.js";
import { MONEY_WORDS, TYPE_NOUNS } from "./question-kind.js";

/** What "how long" asks for: a stretch of time ("11 weeks", "a 15-year partnership", "a decade") or a length ("151-page"). */
const DURATION =
  /\b(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|few|many)[- ](?:more |further |full )?(?:minutes?|hours?|days?|weeks?|months?|years?|decades?|pages?|words?|miles?|kilometres?|metres?)\b|\b(?:a|one) (?:decade|fortnight)\b/i;

/** Questions whose answer must be a sum, a count, a date, a place, a name or a role ("which trusts…": a body's name). */
export function needsAnswerShape(q: AnalysedQuestion): boolean {
  if (q.kind === "which") return q.focus.some((f) => INSTITUTIONS.has(f));
  return ["how_much", "how_many", "how_long", "share", "when", "where", "who", "author", "role"].includes(q.kind);
}

/** The question's terms as a set, made once per question (each finished span's check read it). */
export function askedTerms(q: AnalysedQuestion): ReadonlySet<string> {
  let asked = askedByQuestion.get(q);
  if (!asked) {
    asked = new Set(q.terms.map((t) => t.term));
    askedByQuestion.set(q, asked);
  }
  return asked;
}

const askedByQuestion = new WeakMap<AnalysedQuestion, ReadonlySet<string>>();

/** The words the question asks about ("how many *trusts*", "which *supplier*") and their synonyms, once per question. */
function focusTerms(q: AnalysedQuestion): ReadonlySet<string> {
  let wanted = focusByQuestion.get(q);
  if (!wanted) {
    wanted = new Set(q.focus.flatMap((f) => [f, ...relatedTerms(f)]));
    focusByQuestion.set(q, wanted);
  }
  return wanted;
}

const focusByQuestion = new WeakMap<AnalysedQuestion, ReadonlySet<string>>();

export function holdsAnswerShape(q: AnalysedQuestion, span: CandidateSpan): boolean {
  // "How…", "why…", "what…" take any sentence (checked before the asked terms are gathered).
  if (q.kind === "how" || q.kind === "why" || q.kind === "what") return true;
  const asked = askedTerms(q);
  const isNew = (terms: string[]) => terms.some((t) => !asked.has(t));
  const { text, terms } = span;
  switch (q.kind) {
    case "how_much":
      // A sum the question already gives ("how much of the £21m…") is not the answer, nor a
      // total when a share is asked for ("how much will each trust get?").
      // "How much did rates go up?" (no money asked about) is answered by a rate too.
      if (!MONEY_WORDS.test(q.text.toLowerCase()) && CHANGE_BY.test(text)) return true;
      return moneyMentions(text).some((m) => isNew(m.terms)) && (!PER_ITEM.test(q.text) || PER_ITEM.test(text));
    case "how_many": {
      // A year is not a count, nor is a number the question already gives ("how many of the 64 trusts…").
      const counts = countMentions(text).filter(
        (c) => !/^(19|20)\d{2}$/.test(c.number) && !writesNumber(q.text, c.number),
      );
      if (q.focus.length === 0) return counts.length > 0;
      const wanted = focusTerms(q);
      return counts.some((c) => c.following.slice(0, 3).some((t) => wanted.has(t)));
    }
    case "how_long":
      return DURATION.test(text);
    case "share":
      return SHARE.test(text);
    case "when": {
      // "On what dates…", "which year…" want a calendar date, not "shortly after" or "next week".
      const calendar = CALENDAR_ASKED.test(q.text);
      // "Over the next few years", "in the coming months" date nothing.
      return timeMentions(text).some(
        (m) => isNew(m.terms) && !VAGUE_TIME.test(m.text) && (!calendar || CALENDAR_DATE.test(m.text)),
      );
    }
    case "where":
      return placeMentions(text).some((m) => isNew(m.terms));
    case "who": {
      // "Who runs / is in charge of / heads X?" asks for a person, not a body.
      const people = PERSON_WANTED.test(q.text);
      // A name the question does not give, or a post it does not name ("an AI tsar").
      const named = nameMentions(text).some((m) => isNew(m.terms) && !namesAsked(m, asked) && (!people || m.person));
      const post = !people && newRoleWord(text, asked);
      return (named || post) && span.passages.some((p) => holdsFocus(q, p));
    }
    case "author": {
      const surnames = span.main.document.authors.map((a) => termFor(normaliseText(a.split(/\s+/).pop() ?? "")));
      return surnames.some((s) => terms.includes(s));
    }
    case "role": {
      // The person named, and a word for a post: "…, Deputy Head of Strategy for NHSX".
      const names = q.terms.filter((t) => t.specific).map((t) => t.term);
      return names.length > 0 && names.some((n) => terms.includes(n)) && ROLE_WORDS.test(text);
    }
    case "which": {
      const wanted = focusTerms(q);
      if (!terms.some((t) => wanted.has(t))) return false;
      // "Which trusts…", "which supplier…": bodies are answered by their names.
      const institution = q.focus.some((f) => INSTITUTIONS.has(f));
      return !institution || nameMentions(text).some((m) => isNew(m.terms) && !namesAsked(m, asked));
    }
  }
}

/** Whether `text` writes `number` whole ("64" in "of the 64 trusts", not in "164" or "640"). */
function writesNumber(text: string, number: string): boolean {
  for (let at = text.indexOf(number); at >= 0; at = text.indexOf(number, at + 1)) {
    const end = at + number.length;
    if (!isDigit(text.charCodeAt(at - 1)) && !isDigit(text.charCodeAt(end))) return true;
  }
  return false;
}

/** 0-9 (NaN, off either end of the text, is not a digit). */
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A rate or a change by some factor: "rose by 12%", "a three-fold increase", "halved". */
const CHANGE_BY = /\d\s?(?:%|per ?cent\b)|\b(?:\w+-fold|doubled|tripled|trebled|halved)\b/i;

/** A part of a whole: "81.1%", "12 per cent", "one in four", "two-thirds", "half", "the vast majority", "nearly all". */
const SHARE =
  /\d\s?(?:%|per ?cent\b)|\b(?:one|two|three|four|five|six|seven|eight|nine|\d+) (?:in|out of) (?:every )?(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b|\b(?:half|a third|a quarter|a fifth|a tenth|two-thirds|two thirds|three-quarters|three quarters|(?:the|a) (?:\w+ )?(?:majority|minority)|(?:nearly|almost|virtually) all|most of)\b/i;

/** "Each", "per", "on average": an amount for one of many. */
const PER_ITEM = /\b(each|per|apiece|average|every)\b/i;

const VAGUE_TIME = /^(?!.*\d).*\b(few|several|coming|many)\b/i;
const CALENDAR_ASKED = /\b(what|which) (dates?|days?|years?|months?)\b/i;
const CALENDAR_DATE =
  /\d|\b(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

/** Nouns for bodies that a "which…" question wants named. */
const INSTITUTIONS: ReadonlySet<string> = new Set(
  [
    "trust",
    "hospital",
    "company",
    "supplier",
    "vendor",
    "firm",
    "organisation",
    "board",
    "council",
    "university",
    "charity",
    "provider",
    "practice",
    "startup",
    "start-up",
  ].map((w) => termFor(w)),
);

/** A name spelled out whose initials the question uses ("Care Quality Commission" for "CQC"). */
function namesAsked(m: Mention, asked: ReadonlySet<string>): boolean {
  const initials = m.text
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("")
    .toLowerCase();
  return initials.length >= 2 && asked.has(initials);
}

const PERSON_WANTED =
  /\b(in charge of|runs|ran|heads|headed|leads|led|chairs|chaired|manages|managed|boss|who is the (chief|head|director|chair|leader|secretary|minister))\b/i;

const ROLE_WORDS =
  /\b(director|head|chief|officer|executive|lead|leader|manager|secretary|minister|partner|registrar|founder|co-founder|chair|president|adviser|advisor|consultant|professor|editor|tsar|fellow|analyst|clinician|gp|nurse|doctor|member)\b/i;

const ROLE_WORDS_ALL = new RegExp(ROLE_WORDS.source, "gi");

/** A word for a post ("tsar", "director") that the question does not already use. */
function newRoleWord(text: string, asked: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(ROLE_WORDS_ALL)) {
    if (!asked.has(termFor(m[0].toLowerCase()))) return true;
  }
  return false;
}

/**
 * Whether the passage holds the thing asked about. Lower-case words of it must stand together as
 * a phrase ("health secretary" is not "secretary … health minister"); a capitalised modifier may
 * stand anywhere ("US agency" is held by "In the US, the … Agency").
 */
function holdsFocus(q: AnalysedQuestion, passage: Passage): boolean {
  // "Which organisation…", "which person…": any name answers; the word itself need not appear.
  if (q.focus.length === 1 && TYPE_NOUNS.has(q.focus[0] ?? "")) return true;
  const specific = new Set(q.terms.filter((t) => t.specific).map((t) => t.term));
  if (!q.focus.filter((f) => specific.has(f)).every((f) => passage.terms.includes(f))) return false;
  const phrase = q.focus.filter((f) => !specific.has(f));
  if (phrase.length <= 1) {
    const f = phrase[0];
    return !f || passage.terms.includes(f) || [...relatedTerms(f)].some((r) => passage.terms.includes(r));
  }
  const first = phrase[0] as string;
  const at = (j: number) => passage.positions[j] ?? 0;
  return passage.terms.some((t, i) => {
    if (t !== first) return false;
    return phrase.every((f) =>
      passage.terms.some((u, j) => u === f && at(j) >= at(i) && at(j) - at(i) <= phrase.length),
    );
  });
}
