/**
 * Ranks candidate answers for a question. BM25 finds candidate sentences; each, alone or with the
 * sentence it leans on, is then judged the way a careful researcher would: does it hold the words
 * asked about (or their synonyms, or have them in its paragraph, section or article metadata), do
 * they stand close together, does it hold the names the question gives, and does it hold the kind
 * of answer asked for?
 */

import type { Library, Passage } from "../knowledge/library.js";
import type { WeightedTerm } from "../knowledge/search-index.js";
import { isVerbForm, isVerbTerm, phrasesFor, relatedList, relatedTerms } from "../knowledge/synonyms.js";
import { holdsAnswerShape, needsAnswerShape } from "./answer-shape.js";
import { nameMentions } from "./answer-types.js";
import { type CandidateSpan, leadSentence, singleSpan, spansFor } from "./candidate-span.js";
import { type AnalysedQuestion, TYPE_NOUNS } from "./question-kind.js";
import { asksForList } from "./shape-quote.js";
import { type SpanContext, spanContext } from "./span-context.js";
import { holds, NO_TERMS, type TermLookup } from "./term-lookup.js";

export interface RankedSpan {
  span: CandidateSpan;
  /** Share of the question's weighted terms the span answers to (0-1). */
  coverage: number;
  /** Whether it holds the kind of answer asked for. */
  shapeMatch: boolean;
  /** Question words found neither in the span nor around it. */
  missing: readonly string[];
  /** The hand-made score: coverage, retrieval, penalties and bonuses. */
  score: number;
  /** What the fitted answer model reads (see answer-model.ts), in FEATURES order. */
  features: number[];
}

/** The figures a ranked span is judged on, in the order the fitted weights use. */
export const FEATURES = [
  "score",
  "coverage",
  "retrieval",
  "shape_missing",
  "shape_held",
  "missing_words",
  "proximity",
  "position",
  "refers_back",
  "paired",
  "speaker_quoted",
  "speaker_unquoted",
  "absent_from_article",
  "event_missing",
  "names_missing",
  "which_unmatched",
  "tense_clash",
  // Added once all spans are ranked:
  "behind_best_score",
  "behind_best_coverage",
] as const;

const CANDIDATES = 25;
const EXPANSION_WEIGHT = 0.5;
/** Synonyms searched for per question word. */
const MAX_EXPANSIONS = 5;
/**
 * A sentence that opens by pointing back at what came before: a pronoun ("It…", "They…"), or a
 * definite common noun ("The company…", "These tools…", "This funding…"), so it does not name
 * its subject itself.
 */
export const REFERS_BACK =
  /^[“"‘']?(?:(?:it|its|they|their|he|his|she|her|this|these|those|such)\b|(?:the|this|these|those|that|its|their) (?:\p{Ll}[\p{L}-]* ){0,2}?(?:company|companies|firm|organisation|organization|agency|body|trust|trusts|tool|tools|platform|system|systems|app|programme|program|scheme|project|government|department|report|study|trial|pilot|technology|technologies|service|minister|group|charity|team|contract|deal|funding|investment|money|plan|strategy|partnership|initiative|software|model|models|product|products|survey|research|review|guidance|framework|fund|council|board|regulator|authority|attack|incident|hospital|hospitals|network|centre|centres|unit|units|supplier|suppliers|vendor|provider|providers)\b)/iu;

/** Quotation marks or a verb of saying: the sentence reports someone's words (or a report's advice). */
const QUOTED =
  /[“”"]|[‘’]\s|\b(said|says|added|adds|warned|explained|told|stated|commented|noted|argued|according to|announced|announces|unveiled|pledged|promised|revealed|recommend(?:s|ed)?|recommendations?|urged|urges|proposed|proposes|called for|calls for)\b/i;
/** A term in more than this share of passages says little about which one answers ("NHS", "AI"). */
const COMMON_SHARE = 0.1;

/** The question as weighted index terms: the asker's words plus synonyms found in the library. */
export function queryTerms(library: Library, question: AnalysedQuestion): WeightedTerm[] {
  const out = new Map<string, number>();
  const limit = Math.max(200, library.index.size * 0.05);
  for (const t of question.terms) {
    out.set(t.term, Math.max(out.get(t.term) ?? 0, t.weight));
    if (t.weight < 1) continue; // filler words ("say", "kind") are not worth their synonyms' postings
    // The rarest few synonyms: a synonym in a twentieth of a large library finds little and costs much.
    const related = [...relatedTerms(t.term)]
      .map((term) => ({ term, df: library.index.documentFrequency(term) }))
      .filter((r) => r.df > 0 && r.df <= limit)
      .sort((a, b) => a.df - b.df)
      .slice(0, MAX_EXPANSIONS);
    for (const r of related) out.set(r.term, Math.max(out.get(r.term) ?? 0, t.weight * EXPANSION_WEIGHT));
  }
  return [...out].map(([term, weight]) => ({ term, weight }));
}

/**
 * Candidate answers, best first. The kind of answer asked for ("how much", "when", "who"…) counts
 * in the score but never rules a span out: a question's wording can mislead ("which government
 * programme…" asks for a programme, not a person). Spans that cannot reach `floor` are not finished.
 */
export function rankSpans(
  library: Library,
  question: AnalysedQuestion,
  floor = Number.NEGATIVE_INFINITY,
): RankedSpan[] {
  const hits = library.index.search(queryTerms(library, question), CANDIDATES);
  if (hits.length === 0) return [];
  const maxBm25 = hits[0]?.score ?? 1;
  const bm25 = new Map<number, number>();
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i] as (typeof hits)[number];
    bm25.set(hit.passage, hit.score / maxBm25);
  }
  // Neighbours of the best hits join in: the answer often sits beside the sentence that repeats
  // the question's words ("The £21m investment…" after "…AI funding… lung cancer").
  for (let i = 0; i < Math.min(hits.length, 6); i++) {
    const hit = (hits[i] as (typeof hits)[number]).passage;
    if (hit > 0 && !bm25.has(hit - 1)) bm25.set(hit - 1, 0);
    if (!bm25.has(hit + 1)) bm25.set(hit + 1, 0);
  }
  const stats = termStats(library, question);
  const facts: QuestionFacts = {
    stats,
    unknown: unknownTerms(library, question),
    nameParts: distinctiveNameParts(library, question),
    eventPhrase: eventPhrasePattern(question, stats),
    articleWords: new Map(),
  };
  const drafts: Draft[] = [];
  for (const id of bm25.keys()) {
    const passage = library.passage(id);
    if (!passage) continue;
    for (const span of spansFor(library, passage)) {
      let retrieval = 0;
      for (let i = 0; i < span.passages.length; i++)
        retrieval = Math.max(retrieval, bm25.get((span.passages[i] as Passage).id) ?? 0);
      drafts.push(draft(library, question, facts, span, retrieval));
    }
  }
  // Finish the drafts best first; stop when no bonus could lift the next above the best so far.
  // Picked one at a time rather than sorted: usually only a few are finished (and a sort of ~50
  // objects makes garbage), with ties in candidate order as a stable sort would leave them.
  const ranked: RankedSpan[] = [];
  const taken = new Uint8Array(drafts.length);
  let best = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < drafts.length; i++) {
    const d = takeBest(drafts, taken);
    // Past the twelfth candidate, one that could win is too rare to look for (the model reads the best eight).
    if (d.score + MAX_BONUS < Math.max(best, floor) || i >= MAX_FINISHED) break;
    const r = finish(question, d);
    ranked.push(r);
    best = Math.max(best, r.score);
  }
  ranked.sort((a, b) => b.score - a.score);
  // How far each span falls behind the best: the model compares candidates, not only judges them.
  const top = ranked[0]?.score ?? 0;
  const topCoverage = ranked.reduce((m, r) => Math.max(m, r.coverage), 0);
  for (const r of ranked) r.features.push(r.score - top, r.coverage - topCoverage);
  return ranked;
}

/** The best-scoring draft not yet taken (the first of equals), marked as taken. */
function takeBest(drafts: readonly Draft[], taken: Uint8Array): Draft {
  let at = -1;
  for (let j = 0; j < drafts.length; j++) {
    if (taken[j]) continue;
    if (at < 0 || (drafts[j] as Draft).score > (drafts[at] as Draft).score) at = j;
  }
  taken[at] = 1;
  return drafts[at] as Draft;
}

const EMPTY_SET: ReadonlySet<string> = new Set();
const NOTHING_MISSING: readonly string[] = Object.freeze([]);

const MAX_FINISHED = 12;

/** The most the second pass can add: proximity 0.15, focus 0.12, people 0.1. */
const MAX_BONUS = 0.37;

interface Draft {
  span: CandidateSpan;
  coverage: number;
  retrieval: number;
  missing: readonly string[];
  whole: TermLookup;
  lead: Passage | undefined;
  /** The sentence just before the span, in its paragraph or the one before. */
  before: Passage | undefined;
  /** Share of the question's content words its article never uses, nor their synonyms. */
  absent: number;
  /** The sentence opens by pointing back ("It…", "The company…"). */
  refersBack: boolean;
  /** The question asks about an event ("founded", "set up") and the span states none of its verbs. */
  eventMissing: boolean;
  /** Share of the names the question gives that the span itself does not hold. */
  namesMissing: number;
  /** Everything but the second pass's bonuses and the shape check. */
  score: number;
}

/** First pass: coverage of the question's words, retrieval score and penalties. */
interface TermStat {
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
      event: !t.specific && (t.phrase === true || (t.weight >= 0.5 && isVerbForm(t.term))),
      name: t.specific && !/^\d/.test(t.word) && rare,
      rareSpecific: t.specific && rare,
    };
  });
}

/** The sentence of a pair that is not its main one (the lead), if any. */
function otherPassage(span: CandidateSpan): Passage | undefined {
  for (let i = 0; i < span.passages.length; i++) if (span.passages[i] !== span.main) return span.passages[i];
  return undefined;
}

/** What is worked out once per question rather than for every candidate. */
interface QuestionFacts {
  stats: readonly TermStat[];
  /** Content words nothing in the library says. */
  unknown: number;
  nameParts: readonly (readonly string[])[];
  eventPhrase: RegExp | undefined;
  /** Whether an article uses a question word, by article and word. */
  articleWords: Map<string, boolean>;
}

function draft(library: Library, q: AnalysedQuestion, facts: QuestionFacts, span: CandidateSpan, bm25: number): Draft {
  const { stats, unknown, nameParts, eventPhrase, articleWords } = facts;
  // The passages themselves answer "is this term here?"; a set is made only when a name must be
  // completed into them.
  const ownSource: Passage | CandidateSpan = span.main.heading ? span : span.main;
  let own: TermLookup = ownSource;
  // In a lead + sentence pair the lead's words count a little less than the sentence's own.
  const lead = span.main.heading ? undefined : otherPassage(span);
  const leadTerms: TermLookup = lead ?? NO_TERMS;
  const refersBack = REFERS_BACK.test(span.main.text);
  const context = spanContext(library, span, refersBack);
  const before = leadSentence(library, span.passages[0] ?? span.main);
  let whole: TermLookup = span.passages.length > 1 ? span : own;
  if (q.names.length > 0) {
    own = completeNames(q, nameParts, own, ownSource, context);
    whole = completeNames(q, nameParts, whole, span, context);
  }
  const missingNames = namesNotHeld(q, whole, context);
  let total = 0;
  let matched = 0;
  let missingSpecific = 0;
  let missing: string[] | null = null;
  let contentWeight = 0;
  let notInArticle = 0;
  let events = 0;
  let eventsHeld = 0;
  let names = 0;
  let namesAbsent = 0;
  for (let i = 0; i < q.terms.length; i++) {
    const t = q.terms[i] as AnalysedQuestion["terms"][number];
    const stat = stats[i] as TermStat;
    const { df, weight, name, rareSpecific, verb, event } = stat;
    const strength = missingNames.has(t.term)
      ? 0
      : name
        ? nameStrength(t.term, whole, context)
        : matchStrength(t.term, stat, own, ownSource, leadTerms, context);
    total += weight;
    matched += weight * strength;
    if (event) {
      events++;
      if (strength >= 0.7) eventsHeld++;
    }
    if (name) {
      names++;
      if (strength < 0.8) namesAbsent++;
    }
    // A thing asked about that the article never mentions, in any words: it cannot answer.
    if (t.weight >= 1) {
      contentWeight += weight;
      if (strength === 0) {
        const key = `${span.main.document.id}\u0000${t.term}`;
        let held = articleWords.get(key);
        if (held === undefined) {
          held = inArticle(t.term, stat, context);
          articleWords.set(key, held);
        }
        if (!held) notInArticle += weight;
      }
    }
    if (strength === 0 && t.weight >= 1 && df > 0 && !verb) {
      missing ??= [];
      missing.push(t.term);
    }
    // A name ("England", "Leeds") must be in the span or the article's metadata; a figure may
    // stand in a neighbouring sentence.
    if (rareSpecific) {
      const figure = /^\d/.test(t.word);
      if (figure ? strength < 0.5 : strength < 0.8) missingSpecific += figure ? 0.25 : 0.45;
    }
  }
  const coverage = total > 0 ? matched / total : 0;
  // A name the question gives and the span lacks means the span is about someone else; a word the
  // library knows but not here ("the *first* hospital") means the span answers another question.
  const penalty = 0.1 * unknown + missingSpecific + (missingNames.size > 0 ? 0.3 : 0) + 0.15 * (missing?.length ?? 0);
  let score = coverage + 0.1 * bm25 - penalty;
  const { main } = span;
  if (span.passages.length > 1 && !main.heading) score -= 0.08;
  if (main.heading && span.passages.length === 1) score -= 0.05;
  let termCount = 0;
  for (let i = 0; i < span.passages.length; i++) termCount += (span.passages[i] as Passage).termCount;
  if (termCount < 4) score -= 0.1;
  const absent = contentWeight > 0 ? notInArticle / contentWeight : 0;
  return {
    span,
    coverage,
    retrieval: bm25,
    missing: missing ?? NOTHING_MISSING,
    whole,
    lead,
    before,
    absent,
    refersBack,
    // A date or name for another event ("signed … last week" for "when was it set up?").
    eventMissing:
      (q.kind === "when" || q.kind === "who") && events > 0 && eventsHeld === 0 && !eventPhrase?.test(span.text),
    namesMissing: names > 0 ? namesAbsent / names : 0,
    score,
  };
}

/**
 * The phrasal verbs that tell of the question's event ("was set up", "sets up" for "founded"), as
 * one pattern made once per question; undefined when there are none.
 */
function eventPhrasePattern(q: AnalysedQuestion, stats: readonly TermStat[]): RegExp | undefined {
  const alternatives: string[] = [];
  for (let i = 0; i < q.terms.length; i++) {
    if (!(stats[i] as TermStat).event) continue;
    const term = (q.terms[i] as AnalysedQuestion["terms"][number]).term;
    for (const t of [term, ...relatedList(term)])
      for (const words of phrasesFor(t)) alternatives.push(`${words[0]}\\w*\\s+${words.slice(1).join("\\s+")}`);
  }
  return alternatives.length > 0 ? new RegExp(`\\b(?:${alternatives.join("|")})\\b`, "i") : undefined;
}

/** Second pass: proximity, focus and people bonuses, and whether the span holds the answer's shape. */
function finish(q: AnalysedQuestion, d: Draft): RankedSpan {
  const { span, lead } = d;
  // The answer itself must be in the sentence; a lead only supplies what it refers back to,
  // unless the sentence opens with a pronoun ("It recruits…" after "…the agency was created…").
  const pointsBack = q.kind === "who" && d.refersBack;
  const answerSpan = lead && !pointsBack ? singleSpan(span.main) : span;
  // A sentence introducing a list ("…achieved the following:") answers a list question.
  const speaker = speakerFit(q, span, d.before);
  const clash = tenseClash(q, span.main.text);
  // A date is an answer to "when was it set up?" only in a sentence that tells of the setting up
  // (and "when will…" not by a sentence telling of it as done);
  // X's words are the answer to "what did X say?", not a sentence that only names X.
  const shapeMatch =
    (holdsAnswerShape(q, answerSpan) && !(q.kind === "when" && (d.eventMissing || clash)) && speaker !== "unquoted") ||
    (/:\s*$/.test(span.main.text) && asksForList(q.text));
  const shapeMissing = !shapeMatch && (needsAnswerShape(q) || speaker === "unquoted");
  let near = 0;
  for (let i = 0; i < span.passages.length; i++) {
    const p = span.passages[i] as Passage;
    near = Math.max(near, proximity(q, p.terms, p.positions));
  }
  const score =
    d.score + near + focusBonus(q, d.whole) + personBonus(q, answerSpan) - (shapeMissing ? SHAPE_PENALTY : 0);
  const features = [
    score,
    d.coverage,
    d.retrieval,
    shapeMissing ? 1 : 0,
    shapeMatch && needsAnswerShape(q) ? 1 : 0,
    d.missing.length,
    near,
    // Where in the article: 0 at the top, 1 at the end.
    span.main.paragraph / Math.max(1, span.main.document.paragraphs.length - 1),
    d.refersBack ? 1 : 0,
    span.passages.length > 1 ? 1 : 0,
    speaker === "quoted" ? 1 : 0,
    speaker === "unquoted" ? 1 : 0,
    d.absent,
    d.eventMissing ? 1 : 0,
    d.namesMissing,
    q.kind === "which" && q.focus.length > 0 && !shapeMatch ? 1 : 0,
    clash ? 1 : 0,
  ];
  return { span, coverage: d.coverage, shapeMatch, missing: d.missing, score, features };
}

const FUTURE_MARKS =
  /\b(will|shall|is set to|are set to|is due to|are due to|plans? to|is expected to|are expected to|ahead of|just before|upcoming|forthcoming)\b/i;
const PAST_MARKS = /\b(was|were|had|has|have|did|ago|last (?:week|month|year))\b/i;

/**
 * The span tells of the event at another time than the question asks about: "when will X be
 * appointed?" against "after he was appointed" (another appointment, already made), or "what
 * did X announce at the summit?" against a sentence written before the summit.
 */
function tenseClash(q: AnalysedQuestion, text: string): boolean {
  if (q.tense === "none") return false;
  const future = FUTURE_MARKS.test(text);
  const past = PAST_MARKS.test(text);
  return q.tense === "future" ? past && !future : future && !past;
}

/**
 * For "what did X say…": "quoted" when the span reports words and X is named in it or in the
 * sentence it follows (or it says "he"/"she" after one naming X); "unquoted" when it names X
 * without reporting any words (it introduces the speaker, not what they said).
 */
function speakerFit(
  q: AnalysedQuestion,
  span: CandidateSpan,
  before: Passage | undefined,
): "quoted" | "unquoted" | "none" {
  if (q.speaker.length === 0) return "none";
  const distinctive = q.speaker.filter((t) => !TITLE_TERMS.has(t));
  const names = (p: { has(term: string): boolean } | undefined) => !!p && distinctive.some((t) => p.has(t));
  const quoted = QUOTED.test(span.main.text);
  if (!quoted) return names(span) ? "unquoted" : "none";
  return names(span) || names(before) ? "quoted" : "none";
}

/** What a span of the wrong kind loses ("how much?" answered by a sentence with no sum). */
const SHAPE_PENALTY = 0.35;

/** "Who is on the working group?": a span naming people beats one naming only a body. */
function personBonus(q: AnalysedQuestion, span: CandidateSpan): number {
  if (q.kind !== "who" || (q.focus.length === 1 && TYPE_NOUNS.has(q.focus[0] ?? ""))) return 0;
  const asked = new Set(q.terms.map((t) => t.term));
  const people = nameMentions(span.text).filter((m) => m.person && m.terms.some((t) => !asked.has(t)));
  return people.length > 0 ? 0.1 : 0;
}

const TITLE_TERMS = new Set(["sir", "dr", "lord", "ladi", "dame", "professor", "prof", "mr", "mrs", "ms", "baro"]);

/**
 * A sentence saying only a surname ("Smith said") or a first name ("Priya added") speaks of the
 * "Dr Priya Smith" the question names, when the article names that person in full.
 */
function completeNames(
  q: AnalysedQuestion,
  nameParts: readonly (readonly string[])[],
  terms: TermLookup,
  source: { readonly terms: readonly string[] },
  context: SpanContext,
): TermLookup {
  let out: Set<string> | undefined;
  for (let i = 0; i < q.names.length; i++) {
    const name = q.names[i] as string[];
    const parts = nameParts[i] as readonly string[];
    if (holdsAny(terms, parts) && holdsAll(context.article, name)) {
      out ??= new Set(source.terms);
      for (const part of name) out.add(part);
    }
  }
  return out ?? terms;
}

/** For each name the question gives, its parts that can stand for it alone ("Smith", not "Dr"). */
function distinctiveNameParts(library: Library, q: AnalysedQuestion): string[][] {
  const common = library.index.size * COMMON_SHARE;
  return q.names.map((name) =>
    name.filter((part) => !TITLE_TERMS.has(part) && library.index.documentFrequency(part) <= common),
  );
}

/**
 * A name counts only whole, in the span or its article's metadata: "the Health Foundation" is
 * not "Department of Health" plus a stray "foundation", nor "NHS England" an "NHS" here and an
 * "England" two sentences back. Returns the terms of names the span lacks.
 */
function namesNotHeld(q: AnalysedQuestion, own: TermLookup, context: SpanContext): ReadonlySet<string> {
  if (q.names.length === 0) return EMPTY_SET;
  let out: Set<string> | undefined;
  for (const name of q.names) {
    if (holdsAll(own, name) || holdsAll(context.metadata, name) || holdsAll(context.subject, name)) continue;
    out ??= new Set<string>();
    for (const part of name) out.add(part);
  }
  return out ?? EMPTY_SET;
}

function holdsAny(terms: TermLookup, parts: readonly string[]): boolean {
  for (let i = 0; i < parts.length; i++) if (terms.has(parts[i] as string)) return true;
  return false;
}

/** Whether every part of a name is there (a loop: no closure per call in this hot path). */
function holdsAll(terms: TermLookup, parts: readonly string[]): boolean {
  for (let i = 0; i < parts.length; i++) if (!terms.has(parts[i] as string)) return false;
  return true;
}

/** Content words of the question that nothing in the library says, nor any synonym of them. */
function unknownTerms(library: Library, q: AnalysedQuestion): number {
  const known = (t: string) => library.index.documentFrequency(t) > 0;
  return q.terms.filter((t) => t.weight >= 1 && !known(t.term) && ![...relatedTerms(t.term)].some(known)).length;
}

/** "Which health minister…": the span should hold what the question asks about, not just a name. */
function focusBonus(q: AnalysedQuestion, own: TermLookup): number {
  if (q.focus.length === 0) return 0;
  const held = q.focus.filter((f) => own.has(f) || [...relatedTerms(f)].some((r) => own.has(r))).length;
  return held === q.focus.length ? 0.12 : held > 0 ? 0.04 : -0.05;
}

/**
 * Words of one family the stemmer leaves apart ("diagnose" → diagnos, "diagnosis" → diagnosi,
 * "diagnostics" → diagnost): one stem, six letters or more, starts the other.
 */
export function sameFamily(a: string, b: string): boolean {
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  return short.length >= 6 && long.length - short.length <= 3 && long.startsWith(short);
}

function nameStrength(term: string, span: TermLookup, context: SpanContext): number {
  if (span.has(term)) return 1;
  // "It was founded in 2019" after a sentence naming the company: the name is the sentence's subject.
  if (context.subject.has(term)) return 0.85;
  if (context.metadata.has(term)) return 0.8;
  // Curated equivalents only ("American" for "US", "NHSE" for "NHS England"), never neighbours.
  for (const r of relatedTerms(term)) if (span.has(r)) return 0.9;
  return 0;
}

/** Lookups go by the index's term numbers where they can: no string hashing per candidate. */
function matchStrength(
  term: string,
  stat: TermStat,
  own: TermLookup,
  ownSource: { readonly terms: readonly string[] },
  lead: TermLookup,
  context: SpanContext,
): number {
  const { id, related, relatedIds } = stat;
  if (holds(own, term, id)) return 1;
  if (holds(context.subject, term, id)) return 0.85;
  if (holds(lead, term, id)) return 0.8;
  for (let i = 0; i < related.length; i++) if (holds(own, related[i] as string, relatedIds[i] as number)) return 0.7;
  if (term.length >= 6) {
    // Only then can a word of the sentence be of the same family (sameFamily): read its words.
    const ownList = ownSource.terms;
    for (let i = 0; i < ownList.length; i++) if (sameFamily(term, ownList[i] as string)) return 0.7;
  }
  // Words that name the article itself ("the Health Foundation piece") point at it: nearly a match.
  if (context.metadata.has(term)) return 0.8;
  if (holds(context.nearby, term, id)) return 0.55;
  for (let i = 0; i < related.length; i++)
    if (holds(context.nearby, related[i] as string, relatedIds[i] as number)) return 0.35;
  return 0;
}

function inArticle(term: string, stat: TermStat, context: SpanContext): boolean {
  if (holds(context.article, term, stat.id) || context.metadata.has(term)) return true;
  const { related, relatedIds } = stat;
  for (let i = 0; i < related.length; i++)
    if (holds(context.article, related[i] as string, relatedIds[i] as number)) return true;
  return false;
}

/** Bonus for question words that stand together in the sentence, as they do in the question. */
function proximity(q: AnalysedQuestion, terms: readonly string[], positions: readonly number[]): number {
  const content = q.terms.filter((t) => t.weight >= 1);
  if (content.length < 2) return 0;
  // Where each question word (or a synonym of it) stands in the passage.
  const spots = content.map((t) => {
    const wanted = relatedTerms(t.term);
    const found: number[] = [];
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i] as string;
      if (term === t.term || wanted.has(term)) found.push(positions[i] ?? i);
    }
    return found;
  });
  let pairs = 0;
  for (let i = 0; i + 1 < spots.length; i++) {
    const a = spots[i] as number[];
    const b = spots[i + 1] as number[];
    if (a.some((x) => b.some((y) => y > x && y - x <= 2))) pairs++;
  }
  return Math.min(pairs, 3) * 0.05;
}
