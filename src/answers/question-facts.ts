/**
 * What the ranking needs to know of a question's words before it judges any candidate, worked
 * out once per question: each word's weight, rarity and synonyms the library uses (with the
 * index's numbers for them), which words are verbs of the question's event, the names it gives,
 * and the words nothing in the library says.
 */

import type { Library } from "../knowledge/library.js";
import { isVerbForm, isVerbTerm, phrasesFor, relatedList, relatedTerms } from "../knowledge/synonyms.js";
import { type Token, termFor } from "../knowledge/text-terms.js";
import type { AnalysedQuestion } from "./analyse-question.js";
import { questionTokens } from "./question-terms.js";
import { SpanContexts } from "./span-context.js";
import { familyIds } from "./word-family.js";

/** A term in more than this share of passages says little about which one answers ("NHS", "AI"). */
const COMMON_SHARE = 0.1;

/** One question word as the ranking reads it. */
export interface TermStat {
  df: number;
  weight: number;
  /** A name: counts only where written. */
  name: boolean;
  /** A rare capitalised word or figure, whose absence is penalised. */
  rareSpecific: boolean;
  /** A word used mostly as a verb: weighs less, and its absence is not a missing word. */
  verb: boolean;
  /** The index's number for the term (-1 when the library never uses it). */
  id: number;
  /** Its synonyms that the library uses, and their numbers. */
  related: readonly string[];
  relatedIds: readonly number[];
  /** A verb of the question's event ("founded", "appointed", "set up" → establish). */
  event: boolean;
  /** The numbers of the library's words of the same family ("diagnose", "diagnosis"). */
  familyIds: readonly number[];
}

const VERB_WEIGHT = 0.6;

/** Per-question figures, worked out once rather than for every candidate. */
function termStats(library: Library, q: AnalysedQuestion): TermStat[] {
  const maxIdf = Math.log(1 + library.index.size);
  return q.terms.map((t) => {
    const df = library.index.documentFrequency(t.term);
    const rare = df <= library.index.size * COMMON_SHARE;
    // A word the library never uses may be the asker's paraphrase: it weighs, but not as much as a
    // name; so does a verb ("hit by", "taken"), which articles put in other words more than nouns.
    const verb = !t.specific && isVerbTerm(t.term);
    const weight =
      t.weight * (verb ? VERB_WEIGHT : 1) * (df > 0 ? library.index.idf(t.term) : t.specific ? maxIdf : 0.6 * maxIdf);
    // A name counts only where it is written (span or metadata), not by synonym or from nearby.
    // Only synonyms the library uses can match: the rest need not be looked for span by span.
    const related = relatedList(t.term).filter((r) => library.index.lookupId(r) >= 0);
    return {
      df,
      weight,
      verb,
      id: library.index.lookupId(t.term),
      related,
      relatedIds: related.map((r) => library.index.lookupId(r)),
      familyIds: familyIds(library.index, t.term),
      // "Kick in" tells of starting: the phrase's word is the event, not "kick".
      event:
        !t.specific &&
        !t.inPhrase &&
        !LIGHT_VERBS.has(t.term) &&
        (t.phrase === true || (t.weight >= 0.5 && isVerbForm(t.term))),
      name: t.specific && !/^\d/.test(t.word) && rare,
      rareSpecific: t.specific && rare,
    };
  });
}

/**
 * Verbs that carry little of their own ("take place", "happen", "get"): an answer says "will be
 * held" or "is due", so their absence does not mean the sentence tells of another event.
 */
const LIGHT_VERBS: ReadonlySet<string> = new Set(
  [
    "take",
    "taking",
    "took",
    "make",
    "get",
    "go",
    "do",
    "have",
    "happen",
    "occur",
    "come",
    "put",
    "give",
    "keep",
    "start",
    "begin",
    "place",
  ].map(termFor),
);

/** What is worked out once per question rather than for every candidate. */
export interface QuestionFacts {
  stats: readonly TermStat[];
  /** Content words nothing in the library says. */
  unknown: number;
  nameParts: readonly (readonly string[])[];
  eventPhrase: RegExp | undefined;
  /**
   * Whether an article uses a question word: by article id, one entry per question word (0 not yet
   * looked at, 1 used, 2 not used). Numbers in a small array, not a "article + word" string key
   * built for every candidate.
   */
  articleWords: Map<string, Int8Array>;
  /** The context of the span being judged (see SpanContexts). */
  contexts: SpanContexts;
  /** How strongly the span being judged holds each question word (scratch, by word). */
  strengths: Float64Array;
}

/** The question's facts, with an empty per-article memo and a span context to aim. */
export function questionFacts(library: Library, question: AnalysedQuestion): QuestionFacts {
  const stats = termStats(library, question);
  return {
    stats,
    unknown: unknownTerms(library, question),
    nameParts: distinctiveNameParts(library, question),
    eventPhrase: eventPhrasePattern(question, stats),
    articleWords: new Map(),
    contexts: new SpanContexts(library),
    strengths: new Float64Array(question.terms.length),
  };
}

/**
 * The phrasal verbs that tell of the question's event ("was set up", "sets up" for "founded"), as
 * one pattern made once per question; undefined when there are none.
 */
function eventPhrasePattern(q: AnalysedQuestion, stats: readonly TermStat[]): RegExp | undefined {
  let key = "";
  for (let i = 0; i < q.terms.length; i++)
    if ((stats[i] as TermStat).event) key += `${(q.terms[i] as AnalysedQuestion["terms"][number]).term} `;
  if (!key) return undefined;
  if (eventPatterns.has(key)) return eventPatterns.get(key);
  const alternatives: string[] = [];
  for (const term of key.trimEnd().split(" "))
    for (const t of [term, ...relatedList(term)])
      for (const words of phrasesFor(t)) alternatives.push(`${words[0]}\\w*\\s+${words.slice(1).join("\\s+")}`);
  const pattern = alternatives.length > 0 ? new RegExp(`\\b(?:${alternatives.join("|")})\\b`, "i") : undefined;
  if (eventPatterns.size >= 2_000) eventPatterns.clear();
  eventPatterns.set(key, pattern);
  return pattern;
}

/** Patterns made so far, by the question's event terms: questions about the same event recur. */
const eventPatterns = new Map<string, RegExp | undefined>();

export const TITLE_TERMS = new Set([
  "sir",
  "dr",
  "lord",
  "ladi",
  "dame",
  "professor",
  "prof",
  "mr",
  "mrs",
  "ms",
  "baro",
]);

/** Two words ("diagnostic fund") are as often a description as a name; three or four make a name. */
const LOWER_CASE_NAME_WORDS = 3;

/**
 * Names staff type in lower case ("when will the single patient record go live?"): a run of three
 * or four of the question's words that a candidate sentence writes capitalised ("Single Patient
 * Record") is a name too, held whole or not at all, not a "single" here and a "record" there.
 */
export function withNamesWritten(
  library: Library,
  q: AnalysedQuestion,
  candidates: Iterable<number>,
): AnalysedQuestion {
  const tokens = questionTokens(q.text);
  const runs: { terms: string[]; written: string }[] = [];
  for (let n = LOWER_CASE_NAME_WORDS; n <= LOWER_CASE_NAME_WORDS + 1; n++)
    for (let i = 0; i + n <= tokens.length; i++) {
      const run = tokens.slice(i, i + n);
      // Words side by side in the question (no stop word between), not a name it already gives.
      if ((run[n - 1] as Token).position - (run[0] as Token).position !== n - 1) continue;
      if (run.some((t) => /^\d/.test(t.word))) continue; // "360 stroke": a figure is no part of a name here
      const terms = run.map((t) => t.term);
      if (q.names.some((name) => terms.every((t) => name.includes(t)))) continue;
      runs.push({ terms, written: run.map((t) => `${t.word.charAt(0).toUpperCase()}${t.word.slice(1)}`).join(" ") });
    }
  if (runs.length === 0) return q;
  const found: string[][] = [];
  for (const id of candidates) {
    const text = library.passage(id)?.text ?? "";
    for (const run of runs)
      if (writesWhole(text, run.written) && !found.some((name) => run.terms.every((t) => name.includes(t))))
        found.push(run.terms);
  }
  return found.length > 0 ? { ...q, names: [...q.names, ...found] } : q;
}

/** Whether `text` holds `words` as whole words ("Voice Tech" is not in "Voice Technology"). */
function writesWhole(text: string, words: string): boolean {
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    const before = text.charAt(at - 1);
    const after = text.charAt(at + words.length);
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

/** For each name the question gives, its parts that can stand for it alone ("Smith", not "Dr"). */
function distinctiveNameParts(library: Library, q: AnalysedQuestion): string[][] {
  const common = library.index.size * COMMON_SHARE;
  return q.names.map((name) =>
    name.filter((part) => !TITLE_TERMS.has(part) && library.index.documentFrequency(part) <= common),
  );
}

/** Content words of the question that nothing in the library says, nor any synonym of them. */
function unknownTerms(library: Library, q: AnalysedQuestion): number {
  const known = (t: string) => library.index.documentFrequency(t) > 0;
  return q.terms.filter((t) => t.weight >= 1 && !known(t.term) && ![...relatedTerms(t.term)].some(known)).length;
}
