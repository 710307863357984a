/**
 * Judges one candidate span, the way a careful researcher would, in two passes. The first, for
 * every candidate: how much of the question's words it holds (or their synonyms, or has them in
 * its paragraph, section or article metadata), with penalties for names and words it lacks. The
 * second, only for those that could still win: whether the words stand close together, whether
 * it holds the kind of answer asked for, and the figures the fitted answer model reads.
 */

import type { Library, Passage } from "../knowledge/library.js";
import { relatedTerms } from "../knowledge/synonyms.js";
import type { AnalysedQuestion } from "./analyse-question.js";
import { askedTerms, holdsAnswerShape, needsAnswerShape } from "./answer-shape.js";
import { type CandidateSpan, leadSentence, singleSpan } from "./candidate-span.js";
import { nameMentions } from "./mentions.js";
import { type QuestionFacts, type TermStat, TITLE_TERMS } from "./question-facts.js";
import { TYPE_NOUNS } from "./question-kind.js";
import type { QuestionTerm } from "./question-terms.js";
import { asksForList } from "./shape-quote.js";
import { NO_TERMS, type TermLookup } from "./term-lookup.js";
import { completeNames, inArticle, LEAD_STRENGTH, matchStrength, nameStrength, namesNotHeld } from "./term-match.js";

/**
 * A sentence that opens by pointing back at what came before: a pronoun ("It…", "They…"), or a
 * definite common noun ("The company…", "These tools…", "This funding…"), so it does not name
 * its subject itself.
 */
const REFERS_BACK =
  /^[“"‘']?(?:(?:it|its|they|their|he|his|she|her|this|these|those|such)\b|(?:the|this|these|those|that|its|their) (?:\p{Ll}[\p{L}-]* ){0,2}?(?:company|companies|firm|organisation|organization|agency|body|trust|trusts|tool|tools|platform|system|systems|app|programme|program|scheme|project|government|department|report|study|trial|pilot|technology|technologies|service|minister|group|charity|team|contract|deal|funding|investment|money|plan|strategy|partnership|initiative|software|model|models|product|products|survey|research|review|guidance|framework|fund|council|board|regulator|authority|attack|incident|hospital|hospitals|network|centre|centres|unit|units|supplier|suppliers|vendor|provider|providers)\b)/iu;

/** Quotation marks or a verb of saying: the sentence reports someone's words (or a report's advice). */
const QUOTED =
  /[“”"]|[‘’]\s|:\s*[‘']|\b(said|says|saying|quoted|added|adds|warned|explained|told|stated|commented|noted|argued|according to|announced|announces|unveiled|pledged|promised|revealed|recommend(?:s|ed)?|recommendations?|urged|urges|proposed|proposes|called for|calls for)\b/i;

const NOTHING_MISSING: readonly string[] = Object.freeze([]);

/** The most the second pass can add: proximity 0.15, focus 0.12, people 0.1. */
export const MAX_BONUS = 0.37;

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
  /** What the fitted answer model reads (see answer-model.ts), in FEATURES order (rank-passages.ts). */
  features: number[];
}

export interface Draft {
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
  /** The noun the answer is a value of ("what is X's *budget*") is in neither the span nor its context. */
  askedMissing: boolean;
  /** Everything but the second pass's bonuses and the shape check. */
  score: number;
}

/** The sentence of a pair that is not its main one (the lead), if any. */
function otherPassage(span: CandidateSpan): Passage | undefined {
  for (let i = 0; i < span.passages.length; i++) if (span.passages[i] !== span.main) return span.passages[i];
  return undefined;
}

/**
 * First pass: coverage of the question's words, retrieval score and penalties. A span that no
 * bonus of the second pass could lift to `floor` is never finished: it is left at its score
 * (undefined), and nothing more is worked out or kept for it. The draft is written `into` a
 * given one when there is one (it holds nothing of the span it was filled for before).
 */
export function draft(
  library: Library,
  q: AnalysedQuestion,
  facts: QuestionFacts,
  span: CandidateSpan,
  bm25: number,
  floor = Number.NEGATIVE_INFINITY,
  into?: Draft,
): Draft | undefined {
  const { stats, unknown, nameParts, eventPhrase, articleWords, contexts, strengths } = facts;
  // The passages themselves answer "is this term here?"; a set is made only when a name must be
  // completed into them.
  const ownSource: Passage | CandidateSpan = span.main.heading ? span : span.main;
  let own: TermLookup = ownSource;
  // In a lead + sentence pair the lead's words count a little less than the sentence's own.
  const lead = span.main.heading ? undefined : otherPassage(span);
  const leadTerms: TermLookup = lead ?? NO_TERMS;
  const refersBack = REFERS_BACK.test(span.main.text);
  const context = contexts.aim(span, refersBack);
  let whole: TermLookup = span.passages.length > 1 ? span : own;
  if (q.names.length > 0) {
    own = completeNames(q, nameParts, own, ownSource, context);
    whole = completeNames(q, nameParts, whole, span, context);
  }
  const missingNames = namesNotHeld(q, whole, context);
  let total = 0;
  let matched = 0;
  let missingSpecific = 0;
  let missingCount = 0;
  let events = 0;
  let eventsHeld = 0;
  let names = 0;
  let namesAbsent = 0;
  let askedMissing = false;
  for (let i = 0; i < q.terms.length; i++) {
    const t = q.terms[i] as AnalysedQuestion["terms"][number];
    const stat = stats[i] as TermStat;
    const { weight, name, rareSpecific, event } = stat;
    const strength = missingNames.has(t.term)
      ? 0
      : name
        ? nameStrength(t.term, whole, context)
        : matchStrength(t.term, stat, own, ownSource, leadTerms, context);
    strengths[i] = strength;
    total += weight;
    matched += weight * strength;
    if (event) {
      events++;
      // Told of in the answering sentence itself (or what it points back to), not in a lead
      // sentence beside it, which may tell of another event than the one the answer dates.
      if (strength >= 0.7 && strength !== LEAD_STRENGTH) eventsHeld++;
    }
    if (name) {
      names++;
      if (strength < 0.8) namesAbsent++;
    }
    if (isMissingWord(t, stat, strength)) missingCount++;
    if (strength === 0 && t.term === q.asked) askedMissing = true;
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
  const penalty = 0.1 * unknown + missingSpecific + (missingNames.size > 0 ? 0.3 : 0) + 0.15 * missingCount;
  let score = coverage + 0.1 * bm25 - penalty;
  const { main } = span;
  if (span.passages.length > 1 && !main.heading) score -= 0.08;
  if (main.heading && span.passages.length === 1) score -= 0.05;
  let termCount = 0;
  for (let i = 0; i < span.passages.length; i++) termCount += (span.passages[i] as Passage).termCount;
  if (termCount < 4) score -= 0.1;
  if (score + MAX_BONUS < floor) return undefined;
  let missing: string[] | null = null;
  let contentWeight = 0;
  let notInArticle = 0;
  let inThisArticle: Int8Array | undefined;
  for (let i = 0; i < q.terms.length; i++) {
    const t = q.terms[i] as AnalysedQuestion["terms"][number];
    const stat = stats[i] as TermStat;
    const strength = strengths[i] as number;
    if (isMissingWord(t, stat, strength)) {
      missing ??= [];
      missing.push(t.term);
    }
    // A thing asked about that the article never mentions, in any words: it cannot answer.
    if (t.weight < 1) continue;
    contentWeight += stat.weight;
    if (strength !== 0) continue;
    if (!inThisArticle) {
      const id = main.document.id;
      inThisArticle = articleWords.get(id);
      if (!inThisArticle) {
        inThisArticle = new Int8Array(q.terms.length);
        articleWords.set(id, inThisArticle);
      }
    }
    if (inThisArticle[i] === 0) inThisArticle[i] = inArticle(t.term, stat, context) ? 1 : 2;
    if (inThisArticle[i] === 2) notInArticle += stat.weight;
  }
  const absent = contentWeight > 0 ? notInArticle / contentWeight : 0;
  const d = into ?? blankDraft(span);
  d.span = span;
  d.coverage = coverage;
  d.retrieval = bm25;
  d.missing = missing ?? NOTHING_MISSING;
  d.whole = whole;
  d.lead = lead;
  d.before = leadSentence(library, span.passages[0] ?? main);
  d.absent = absent;
  d.refersBack = refersBack;
  // A date or name for another event ("signed … last week" for "when was it set up?").
  d.eventMissing =
    (q.kind === "when" || q.kind === "who") && events > 0 && eventsHeld === 0 && !eventPhrase?.test(main.text);
  d.namesMissing = names > 0 ? namesAbsent / names : 0;
  d.askedMissing = askedMissing;
  d.score = score;
  return d;
}

/**
 * A draft to fill: the ranking reuses its drafts from question to question (`draft`'s `into`): a
 * question drafts some forty spans and finishes a few, and the drafts were the largest share of
 * the answerer's garbage. Numbers start as NaN: the fields hold fractions from the first draft
 * on, so V8 never has to change their representation in reused drafts.
 */
function blankDraft(span: CandidateSpan): Draft {
  return {
    span,
    coverage: Number.NaN,
    retrieval: Number.NaN,
    missing: NOTHING_MISSING,
    whole: NO_TERMS,
    lead: undefined,
    before: undefined,
    absent: Number.NaN,
    refersBack: false,
    eventMissing: false,
    namesMissing: Number.NaN,
    askedMissing: false,
    score: Number.NaN,
  };
}

/** A content word the library knows that the span lacks (verbs are put in other words too often to count). */
function isMissingWord(t: AnalysedQuestion["terms"][number], stat: TermStat, strength: number): boolean {
  return strength === 0 && t.weight >= 1 && stat.df > 0 && !stat.verb;
}

/** Second pass: proximity, focus and people bonuses, and whether the span holds the answer's shape. */
export function finish(q: AnalysedQuestion, d: Draft): RankedSpan {
  const { span, lead } = d;
  // The answer itself must be in the sentence; a lead only supplies what it refers back to,
  // unless the sentence opens with a pronoun ("It recruits…" after "…the agency was created…").
  const pointsBack = q.kind === "who" && d.refersBack;
  const alone = lead ? singleSpan(span.main) : undefined;
  const answerSpan = alone && !pointsBack ? alone : span;
  // A sentence introducing a list ("…achieved the following:") answers a list question.
  const speaker = speakerFit(q, span, d.before);
  const clash = tenseClash(q, span.main.text);
  // A date is an answer to "when was it set up?" only in a sentence that tells of the setting up
  // (and "when will…" not by a sentence telling of it as done);
  // X's words are the answer to "what did X say?", not a sentence that only names X.
  const shapeMatch =
    (holdsAnswerShape(q, answerSpan) &&
      !(q.kind === "when" && (d.eventMissing || clash)) &&
      !(speaker === "unquoted" && namedSpeaker(q))) ||
    (/:\s*$/.test(span.main.text) && asksForList(q.text));
  const shapeMissing = !shapeMatch && (needsAnswerShape(q) || (speaker === "unquoted" && namedSpeaker(q)));
  // Words standing together count in the answering sentence (or a heading's section), not in a
  // lead that only supplies the subject: its closeness says nothing of the answer.
  let near = 0;
  const nearSpan = alone ?? span;
  for (let i = 0; i < nearSpan.passages.length; i++) {
    const p = nearSpan.passages[i] as Passage;
    near = Math.max(near, proximity(q, p.terms, p.positions));
  }
  // "What did X say…" is answered by X's words: the bonus a who-question gives a person's name.
  const quotedBonus = speaker === "quoted" && namedSpeaker(q) ? PERSON_BONUS : 0;
  const score =
    d.score +
    near +
    focusBonus(q, d.whole) +
    personBonus(q, answerSpan) +
    quotedBonus -
    (shapeMissing ? SHAPE_PENALTY : 0);
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
    d.askedMissing ? 1 : 0,
    // behind_best_score and behind_best_coverage, set once every span is ranked (slots made
    // now: pushing them later copied the whole array).
    0,
    0,
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

/**
 * The speaker is named ("what did Dr Smith say…"), so a sentence naming them without their words
 * is no answer; "what did leaders tell…" is often answered in reported speech.
 */
function namedSpeaker(q: AnalysedQuestion): boolean {
  return q.speaker.some((s) => q.terms.some((t) => t.term === s && t.specific));
}

/** What a span of the wrong kind loses ("how much?" answered by a sentence with no sum). */
const SHAPE_PENALTY = 0.35;

/** What a person's name adds to a who-question's span, or their own words to a what-did-X-say's (never both). */
const PERSON_BONUS = 0.1;

/** "Who is on the working group?": a span naming people beats one naming only a body. */
function personBonus(q: AnalysedQuestion, span: CandidateSpan): number {
  if (q.kind !== "who" || (q.focus.length === 1 && TYPE_NOUNS.has(q.focus[0] ?? ""))) return 0;
  const asked = askedTerms(q);
  const people = nameMentions(span.text).filter((m) => m.person && m.terms.some((t) => !asked.has(t)));
  return people.length > 0 ? PERSON_BONUS : 0;
}

/** "Which health minister…": the span should hold what the question asks about, not just a name. */
function focusBonus(q: AnalysedQuestion, own: TermLookup): number {
  if (q.focus.length === 0) return 0;
  let held = 0;
  for (const f of q.focus) if (own.has(f) || holdsAnyOf(own, relatedTerms(f))) held++;
  return held === q.focus.length ? 0.12 : held > 0 ? 0.04 : -0.05;
}

function holdsAnyOf(own: TermLookup, terms: ReadonlySet<string>): boolean {
  for (const term of terms) if (own.has(term)) return true;
  return false;
}

/** Bonus for question words that stand together in the sentence, as they do in the question. */
function proximity(q: AnalysedQuestion, terms: readonly string[], positions: readonly number[]): number {
  // Consecutive content words of the question (weight 1), each with its synonyms; no arrays are
  // built (this runs for every finished span's every sentence).
  let pairs = 0;
  let previous: QuestionTerm | undefined;
  let contentWords = 0;
  for (let k = 0; k < q.terms.length; k++) {
    const t = q.terms[k] as QuestionTerm;
    if (t.weight < 1) continue;
    contentWords++;
    if (previous && standTogether(previous, t, terms, positions)) pairs++;
    previous = t;
  }
  if (contentWords < 2) return 0;
  return Math.min(pairs, 3) * 0.05;
}

/** Whether `b` (or a synonym) stands one or two words after `a` (or a synonym) in the sentence. */
function standTogether(
  a: QuestionTerm,
  b: QuestionTerm,
  terms: readonly string[],
  positions: readonly number[],
): boolean {
  const wantedA = relatedTerms(a.term);
  const wantedB = relatedTerms(b.term);
  for (let i = 0; i < terms.length; i++) {
    const x = terms[i] as string;
    if (x !== a.term && !wantedA.has(x)) continue;
    const at = positions[i] ?? i;
    for (let j = 0; j < terms.length; j++) {
      const y = terms[j] as string;
      if (y !== b.term && !wantedB.has(y)) continue;
      const gap = (positions[j] ?? j) - at;
      if (gap > 0 && gap <= 2) return true;
    }
  }
  return false;
}
