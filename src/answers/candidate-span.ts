/**
 * A candidate answer: one sentence, or two that read as one — a section heading with the sentence
 * under it ("2. Fund the change, not just the tech" + its first sentence), or a sentence with the
 * one before it when that one holds the subject ("…AI funding… lung cancer." + "The £21m…").
 */

import type { Library, Passage } from "../knowledge/library.js";

export interface CandidateSpan {
  /** The sentence the candidate is built on. */
  readonly main: Passage;
  /** Its sentences in reading order (one or two). */
  readonly passages: Passage[];
  /** Every index term of the span. */
  readonly terms: string[];
  readonly text: string;
  /** Whether any of its sentences holds the term. */
  has(term: string): boolean;
  hasId(termId: number): boolean;
}

/** One sentence. A class, so a candidate costs one small object and no closures. */
class SingleSpan implements CandidateSpan {
  readonly passages: Passage[];

  constructor(readonly main: Passage) {
    this.passages = [main];
  }

  get terms(): string[] {
    return this.main.terms;
  }

  get text(): string {
    return this.main.text;
  }

  has(term: string): boolean {
    return this.main.has(term);
  }

  hasId(termId: number): boolean {
    return this.main.hasId(termId);
  }
}

/** Two sentences as one span; their joined terms and text are made only if asked for. */
class PairSpan implements CandidateSpan {
  readonly passages: Passage[];
  private joinedTerms: string[] | undefined;
  private joinedText: string | undefined;

  constructor(
    private readonly first: Passage,
    private readonly second: Passage,
    readonly main: Passage,
  ) {
    this.passages = [first, second];
  }

  get terms(): string[] {
    this.joinedTerms ??= [...this.first.terms, ...this.second.terms];
    return this.joinedTerms;
  }

  get text(): string {
    this.joinedText ??= `${this.first.text} ${this.second.text}`;
    return this.joinedText;
  }

  has(term: string): boolean {
    return this.first.has(term) || this.second.has(term);
  }

  hasId(termId: number): boolean {
    return this.first.hasId(termId) || this.second.hasId(termId);
  }
}

export function singleSpan(passage: Passage): CandidateSpan {
  return new SingleSpan(passage);
}

function pairSpan(first: Passage, second: Passage, main: Passage): CandidateSpan {
  return new PairSpan(first, second, main);
}

/** The sentence that opens the section a heading introduces. */
function sectionBody(library: Library, heading: Passage): Passage | undefined {
  const next = library.passage(heading.id + 1);
  return next && next.document === heading.document && !next.heading ? next : undefined;
}

/** The sentence just before, when it is in the same article and paragraph or the one before. */
export function leadSentence(library: Library, passage: Passage): Passage | undefined {
  const previous = library.passage(passage.id - 1);
  if (!previous || previous.document !== passage.document || previous.heading) return undefined;
  return passage.paragraph - previous.paragraph <= 1 ? previous : undefined;
}

/**
 * The spans a sentence can answer in: alone, or with its body (headings) or lead sentence. A
 * library of up to KEPT_SPANS_MAX_PASSAGES keeps each passage's spans once made (passages are only
 * ever appended, so they never change): a question drafts some forty spans, most of them asked
 * for again by the next questions. A larger library makes them afresh for each question: there
 * most candidates are new to each question, and remembered spans outlived young-generation
 * collections, whose cost grows with what survives them.
 */
export function spansFor(library: Library, passage: Passage): readonly CandidateSpan[] {
  if (library.passageCount > KEPT_SPANS_MAX_PASSAGES) return makeSpans(library, passage);
  let kept = keptSpans.get(library);
  if (!kept) {
    kept = new Array(library.passageCount);
    keptSpans.set(library, kept);
  }
  let spans = kept[passage.id];
  if (!spans) {
    spans = makeSpans(library, passage);
    kept[passage.id] = spans;
  }
  return spans;
}

/** At most ~200 bytes a passage: 4 MB for the largest library that keeps them. */
const KEPT_SPANS_MAX_PASSAGES = 20_000;
const keptSpans = new WeakMap<Library, (readonly CandidateSpan[] | undefined)[]>();

function makeSpans(library: Library, passage: Passage): CandidateSpan[] {
  if (passage.heading) {
    const body = sectionBody(library, passage);
    return body ? [pairSpan(passage, body, passage)] : [singleSpan(passage)];
  }
  const lead = leadSentence(library, passage);
  return lead ? [singleSpan(passage), pairSpan(lead, passage, passage)] : [singleSpan(passage)];
}
