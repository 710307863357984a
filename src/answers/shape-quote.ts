/**
 * The quote an answer prints, cut to what answers: a 900-character sentence whose answer is its
 * last clause is quoted from that clause, with "…" where text is left out (every piece stays
 * verbatim); a list question gets the list's items, item by item, after the sentence that
 * introduces them.
 */

import type { Library, Passage } from "../knowledge/library.js";
import { relatedTerms } from "../knowledge/synonyms.js";
import { tokenize } from "../knowledge/text-terms.js";
import type { AnalysedQuestion } from "./analyse-question.js";
import { holdsAnswerShape, needsAnswerShape } from "./answer-shape.js";
import { type CandidateSpan, singleSpan } from "./candidate-span.js";
import { countMentions, moneyMentions, timeMentions } from "./mentions.js";

/** Quotes longer than this are focused on the clauses that answer. */
export const MAX_QUOTE = 300;
/** A list item is a short line: longer ones are paragraphs of their own. */
const MAX_ITEM = 220;
const MAX_ITEMS = 12;

/** Words for a post: "who is X?" is answered by the clause that gives X's job. */
const ROLE_WORDS =
  /\b(director|head|chief|officer|executive|lead|leader|manager|secretary|minister|founder|chair|president|adviser|advisor|professor|editor|tsar|partner|ceo|cio|cto)\b/i;

/** Where a sentence may be cut: after a comma, semicolon, colon or dash, before a joining word. */
const CLAUSE_BREAK = /(?<=[,;:])\s+|\s+(?=[–—-]\s)|\s+(?=(?:and|but|while|which|whereas|although|including|with)\s)/g;

/** Whether the asker wants the whole passage ("in full", "the full quote"). */
function wantsFullQuote(question: string): boolean {
  return /\b(in full|full (quote|text|sentence|passage)|whole (quote|sentence|passage)|verbatim)\b/i.test(question);
}

/** A sentence that gives its own reason. */
const GIVES_CAUSE = /\b(because|due to|as a result of|owing to|so that|in order to|the reason)\b/i;
/** A sentence that gives the reason for the one before it. */
const EXPLAINS =
  /^[“"‘']?(?:(?:this|that|it) (?:is|was|came|comes) (?:because|due to|after|as)\b|because\b|the reason\b|(?:this|that) (?:followed|follows)\b|(?:the|its) (?:cause|trigger)\b)/i;

/** Whether the question asks for a list ("what three areas…", "list the…", "the five priorities"). */
export function asksForList(question: string): boolean {
  return (
    /\b(list|bullet|itemise|enumerate)\b/i.test(question) ||
    // "give me a couple", "name a few of the …"
    /\b(?:a couple|a few|several|some) (?:of (?:the|its|their|them)\b|(?:main |key )?\p{L}+s\b|$)|\bgive me (?:a couple|a few|some|two|three)\b/iu.test(
      question,
    ) ||
    /\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:main |key |big |core |top |specific |separate |different )?\p{L}+s\b/iu.test(
      question,
    ) ||
    /\bwhat (?:are|were) (?:the|its|their) (?:main |key |big |core |top )?\p{L}+(?:s|ies)\b/iu.test(question)
  );
}

/** A question needing a sum, count, date… whose pair holds it only in the sentence beside the main one. */
function leadHoldsTheAnswer(q: AnalysedQuestion, span: CandidateSpan): boolean {
  if (!needsAnswerShape(q) || holdsAnswerShape(q, singleSpan(span.main))) return false;
  return span.passages.some((p) => p !== span.main && holdsAnswerShape(q, singleSpan(p)));
}

/**
 * The quote for a span: its sentences (joined as the source joins them), each long one focused on
 * the clauses that hold the question's words, and a list's items when a list is asked for.
 */
export function shapeQuote(library: Library, q: AnalysedQuestion, span: CandidateSpan): string {
  const full = wantsFullQuote(q.text);
  let passages = span.passages;
  // Two sentences that together run long: the one the answer is built on carries it.
  const length = passages.reduce((n, p) => n + p.text.length, 0);
  // Unless only the other sentence holds the kind of answer asked for ("…for 64 trusts" before
  // "The money will help…"): then both are quoted, each focused on the question's words.
  let focusEach = false;
  if (!full && passages.length > 1 && length > MAX_QUOTE) {
    if (leadHoldsTheAnswer(q, span)) focusEach = true;
    else passages = [span.main];
  }
  const parts: string[] = [];
  let previous: Passage | undefined;
  for (const p of passages) {
    const text = full || p.text.length <= (focusEach ? MAX_QUOTE / 2 : MAX_QUOTE) ? p.text : focus(p.text, q);
    if (previous) parts.push(joiner(previous, p));
    parts.push(text);
    previous = p;
  }
  let quote = parts.join("");
  const last = previous ?? span.main;
  // A sentence ending in a colon introduces what answers: a list's items, or the words someone
  // "said:" in the sentence after it.
  if (/:\s*$/.test(last.text)) {
    const items = listAfter(library, last);
    const next = library.passage(last.id + 1);
    if (items.length > 0) quote += ` … ${items.map((i) => i.text).join(" … ")}`;
    else if (next && next.document === last.document && !next.heading)
      quote += `${joiner(last, next)}${full || next.text.length <= MAX_QUOTE ? next.text : focus(next.text, q)}`;
  } else if (q.kind === "why" && !GIVES_CAUSE.test(last.text)) {
    // "Why…?" answered by a sentence whose reason follows it: "…was reprimanded. This was because…".
    const next = library.passage(last.id + 1);
    if (next && next.document === last.document && next.paragraph - last.paragraph <= 1 && EXPLAINS.test(next.text))
      quote += `${joiner(last, next)}${full || next.text.length <= MAX_QUOTE ? next.text : focus(next.text, q)}`;
  } else if (asksForList(q.text)) {
    // "Here we look at five key priorities…" with the article's numbered headings "1. …", "2. …".
    const headings = numberedHeadings(library, span.main);
    if (headings.length >= 2 && (headings.includes(span.main) || statesCount(span.main.text, headings.length)))
      quote += ` … ${headings
        .filter((h) => !span.passages.includes(h))
        .map((h) => h.text)
        .join(" … ")}`;
  }
  // A list kept one item a line lost its bullets in cleaning: each line is quoted as its own piece.
  return quote.includes("\n") ? quote.split(/\s*\n\s*/).join(" … ") : quote;
}

/**
 * How two sentences of a quote are joined: a space when they stand side by side on one line of
 * the source, "…" when anything may come between them (another paragraph, a list's line break,
 * where the cleaner removed a bullet).
 */
function joiner(a: Passage, b: Passage): string {
  if (a.document !== b.document || a.paragraph !== b.paragraph) return " … ";
  const text = a.document.paragraphs[a.paragraph]?.text ?? "";
  const end = text.indexOf(a.text) + a.text.length;
  const start = text.indexOf(b.text, end);
  return end >= a.text.length && start >= end && !/\n/.test(text.slice(end, start)) ? " " : " … ";
}

/** The article's headings numbered "1.", "2."…, in order, when they run from 1 without a gap. */
function numberedHeadings(library: Library, passage: Passage): Passage[] {
  const entry = library.get(passage.document.id);
  if (!entry) return [];
  const out: Passage[] = [];
  for (const p of entry.passages) {
    const n = /^(\d{1,2})\.\s/.exec(p.text)?.[1];
    if (p.heading && n && Number(n) === out.length + 1) out.push(p);
  }
  return out.length <= MAX_ITEMS ? out : [];
}

const COUNT_WORDS = [
  "",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
];

const LIST_COUNT = new RegExp(
  `\\b(\\d{1,2}|${COUNT_WORDS.slice(2).join("|")})\\s+(?:\\p{L}+\\s+){0,2}\\p{L}+s:\\s*$`,
  "iu",
);

/** Whether a sentence states a count ("five key priorities", "5 asks"). */
function statesCount(text: string, count: number): boolean {
  return new RegExp(`\\b(${count}|${COUNT_WORDS[count] ?? count})\\b`, "i").test(text);
}

/** The count a list's lead ends by stating ("…in three main ways:", "the 5 themes:"), if any. */
function statedCount(text: string): number | undefined {
  const counted = LIST_COUNT.exec(text)?.[1]?.toLowerCase();
  if (!counted) return undefined;
  const n = /^\d+$/.test(counted) ? Number(counted) : COUNT_WORDS.indexOf(counted);
  return n >= 2 && n <= MAX_ITEMS ? n : undefined;
}

/** The items that follow a sentence introducing a list ("…achieved the following:"). */
function listAfter(library: Library, lead: Passage): Passage[] {
  if (!/:\s*$/.test(lead.text)) return [];
  const items: Passage[] = [];
  // "…left out in three main ways:" says how many lines are its items, when the lines run on into
  // the rest of the text.
  const stated = statedCount(lead.text);
  let previous = lead;
  for (let id = lead.id + 1; items.length < Math.min(MAX_ITEMS, stated ?? MAX_ITEMS); id++) {
    const p = library.passage(id);
    if (!p || p.document !== lead.document || p.text.length > MAX_ITEM) break;
    // Items are lines of their own: each a paragraph, a bullet, or a line the cleaner kept
    // without its bullet.
    if (p.sentence > 0 && !/^\s*[-•*–]/.test(p.text) && joiner(previous, p) === " ") break;
    items.push(p);
    previous = p;
  }
  return items.length >= 2 ? items : [];
}

/**
 * The run of clauses, within MAX_QUOTE characters, that holds the most of the question's words
 * (or their synonyms) and the kind of answer asked for; "…" marks the cuts.
 */
function focus(sentence: string, q: AnalysedQuestion): string {
  const clauses = splitClauses(sentence);
  if (clauses.length < 2) return sentence;
  const wanted = wantedTerms(q);
  const scores = clauses.map((c) => clauseScore(c.text, q, wanted));
  let best = { from: 0, to: 0, score: Number.NEGATIVE_INFINITY };
  for (let from = 0; from < clauses.length; from++) {
    let score = 0;
    for (let to = from; to < clauses.length; to++) {
      const length = (clauses[to] as Clause).end - (clauses[from] as Clause).start;
      if (length > MAX_QUOTE && to > from) break;
      score += scores[to] as number;
      // Ties go to the shorter run, then the earlier one.
      if (score > best.score + 1e-9) best = { from, to, score };
    }
  }
  // The answer usually follows the words that match the question ("…, Director of AI at NHSX"):
  // the next clause joins when it fits.
  const next = clauses[best.to + 1];
  if (next && next.end - (clauses[best.from] as Clause).start <= MAX_QUOTE) best.to++;
  let start = (clauses[best.from] as Clause).start;
  const end = (clauses[best.to] as Clause).end;
  let text = sentence.slice(start, end);
  if (text.length > MAX_QUOTE) {
    // One clause too long on its own: a window that opens a little before the first question word.
    const at = firstWanted(text, wanted);
    const from = Math.max(0, text.lastIndexOf(" ", Math.max(0, at - 60)));
    start += from;
    text = text.slice(from);
    text = text.slice(0, text.lastIndexOf(" ", MAX_QUOTE));
  }
  text = text.trim();
  const cutBefore = start > 0;
  const cutAfter = start + text.length < sentence.trimEnd().length;
  return `${cutBefore ? "… " : ""}${text.replace(/[,;:–—-]$/, "").trim()}${cutAfter ? " …" : ""}`;
}

/** The question's words, and at half their weight their synonyms: what a quote should hold. */
function wantedTerms(q: AnalysedQuestion): Map<string, number> {
  const wanted = new Map<string, number>();
  for (const t of q.terms) {
    wanted.set(t.term, Math.max(wanted.get(t.term) ?? 0, t.weight));
    for (const r of relatedTerms(t.term)) wanted.set(r, Math.max(wanted.get(r) ?? 0, 0.5 * t.weight));
  }
  return wanted;
}

/** Where in a text the first word the question asks about (or a synonym) stands. */
function firstWanted(text: string, wanted: ReadonlyMap<string, number>): number {
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const term = tokenize(m[0])[0]?.term;
    if (term && (wanted.get(term) ?? 0) >= 0.5) return m.index ?? 0;
  }
  return 0;
}

interface Clause {
  text: string;
  start: number;
  end: number;
}

function splitClauses(sentence: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    const end = m.index ?? 0;
    if (end > start) out.push({ text: sentence.slice(start, end), start, end });
    start = end + m[0].length;
  }
  if (start < sentence.length) out.push({ text: sentence.slice(start), start, end: sentence.length });
  return out;
}

function clauseScore(text: string, q: AnalysedQuestion, wanted: ReadonlyMap<string, number>): number {
  let score = 0;
  const seen = new Set<string>();
  for (const t of tokenize(text)) {
    const w = wanted.get(t.term);
    if (w && !seen.has(t.term)) {
      score += w;
      seen.add(t.term);
    }
  }
  // The kind of answer asked for counts as much as a word of the question.
  if (q.kind === "how_much" && moneyMentions(text).length > 0) score += 1.5;
  if (q.kind === "how_many" && countMentions(text).length > 0) score += 1.5;
  if (q.kind === "when" && timeMentions(text).length > 0) score += 1.5;
  if ((q.kind === "role" || q.kind === "who") && ROLE_WORDS.test(text)) score += 1;
  if (
    q.kind === "why" &&
    /\b(because|due to|as a result|owing to|so that|in order to|after|following|since)\b/i.test(text)
  )
    score += 1.5;
  // A little for length, so a run does not stop one clause short of its object.
  return score + Math.min(text.length, 120) / 1000 - 0.05;
}
