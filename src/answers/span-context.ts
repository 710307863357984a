/**
 * What a sentence inherits from where it stands. A reader of "Success will hinge on…" knows from
 * the article who is speaking, and about what: the article's metadata, its opening
 * sentences, the section heading and the neighbouring sentences all count, though less than the
 * sentence's own words.
 */

import type { Document } from "../knowledge/document.js";
import type { Library, LibraryDocument, Passage } from "../knowledge/library.js";
import type { CandidateSpan } from "./candidate-span.js";
import { AnyOf, NO_TERMS, type TermLookup } from "./term-lookup.js";

export interface SpanContext {
  /** Terms of the article's title, publisher, organisation and authors. */
  metadata: ReadonlySet<string>;
  /** Terms of the lede, the section heading and the neighbouring sentences. */
  nearby: TermLookup;
  /** Every term of the article (read only for questions that name someone). */
  article: TermLookup;
  /**
   * What the article is about: its words that recur in it and are seldom used elsewhere ("Torbay",
   * "Synnovis", "survey"), which its every sentence speaks of without repeating them.
   */
  about: TermLookup;
  /**
   * For a span that opens by pointing back ("It…", "The company…"): what it points at, the
   * sentence before it and the first sentence of its paragraph (or, opening a paragraph, the
   * paragraph before's). Empty for spans that name their own subject.
   */
  subject: TermLookup;
}

// One per article, made when first needed; keyed weakly so a dropped library takes them along.
const articles = new WeakMap<LibraryDocument, TermLookup>();
const subjects = new WeakMap<LibraryDocument, TermLookup>();

/** A word the article is about is in this many of its sentences… */
const ABOUT_MIN_SENTENCES = 2;
/** …and this share of all the library's sentences that use it are the article's. */
const ABOUT_MIN_SHARE = 0.3;

/** The article's recurring, characteristic words (see `SpanContext.about`), by term number. */
function aboutLookup(library: Library, entry: LibraryDocument): TermLookup {
  let lookup = subjects.get(entry);
  if (!lookup) {
    const counts = new Map<string, number>();
    for (const p of entry.passages) for (const term of new Set(p.terms)) counts.set(term, (counts.get(term) ?? 0) + 1);
    const ids = new Set<number>();
    for (const [term, n] of counts)
      if (n >= ABOUT_MIN_SENTENCES && n >= ABOUT_MIN_SHARE * library.index.documentFrequency(term))
        ids.add(library.index.lookupId(term));
    lookup = new TermIds(ids, library);
    subjects.set(entry, lookup);
  }
  return lookup;
}

class TermIds implements TermLookup {
  constructor(
    private readonly ids: ReadonlySet<number>,
    private readonly library: Library,
  ) {}

  has(term: string): boolean {
    return this.ids.has(this.library.index.lookupId(term));
  }

  hasId(id: number): boolean {
    return this.ids.has(id);
  }
}

function articleLookup(entry: LibraryDocument): TermLookup {
  let lookup = articles.get(entry);
  if (!lookup) {
    lookup = new AnyOf(entry.passages);
    articles.set(entry, lookup);
  }
  return lookup;
}

/**
 * A span's context, aimed at each candidate in turn: one object per question rather than two or
 * three per candidate (those were a tenth of the answerer's garbage on the seeds). What it says holds only until it is aimed at the next span: a span's context is read
 * while the span is drafted, never kept.
 */
export class SpanContexts implements SpanContext {
  metadata: ReadonlySet<string> = NO_METADATA;
  nearby: TermLookup = NO_TERMS;
  article: TermLookup = NO_TERMS;
  about: TermLookup = NO_TERMS;
  subject: TermLookup = NO_TERMS;
  private readonly near: Nearby;
  private readonly pointedAt = new Pair();
  private document: Document | undefined;
  private entry: LibraryDocument | undefined;

  constructor(private readonly library: Library) {
    this.near = new Nearby(library);
  }

  /** The context of `span`; `refersBack` when it opens by pointing back ("It…", "The company…"). */
  aim(span: CandidateSpan, refersBack = false): SpanContext {
    // Candidates come a few to an article: what is the article's own is looked up once for them.
    const document = span.main.document;
    if (document !== this.document) {
      this.document = document;
      this.entry = this.library.get(document.id);
      if (this.entry) {
        this.metadata = this.entry.metadataTerms;
        this.article = articleLookup(this.entry);
        this.about = aboutLookup(this.library, this.entry);
      } else {
        this.metadata = NO_METADATA;
        this.article = this.about = NO_TERMS;
      }
    }
    const { entry } = this;
    if (!entry) {
      this.nearby = this.subject = NO_TERMS;
      return this;
    }
    this.nearby = this.near.aim(entry.passages, span);
    this.subject = refersBack ? subjectOf(entry.passages, span, this.pointedAt) : NO_TERMS;
    return this;
  }
}

const NO_METADATA: ReadonlySet<string> = new Set();

/** The sentence before the span and the opening sentence of its paragraph (or of the one before). */
function subjectOf(passages: readonly Passage[], span: CandidateSpan, pair: Pair): TermLookup {
  const base = passages[0]?.id ?? 0;
  const first = (span.passages[0] ?? span.main).id - base;
  const before = passages[first - 1];
  if (!before) return NO_TERMS;
  let opening = before;
  for (let i = first - 2; i >= 0; i--) {
    const p = passages[i] as Passage;
    if (p.paragraph !== before.paragraph || p.heading) break;
    opening = p;
  }
  return opening === before ? before : pair.of(before, opening);
}

/** Two sentences read as one lookup, re-aimed rather than made anew. */
class Pair implements TermLookup {
  private first: Passage | undefined;
  private second: Passage | undefined;

  of(first: Passage, second: Passage): TermLookup {
    this.first = first;
    this.second = second;
    return this;
  }

  has(term: string): boolean {
    return (this.first?.has(term) ?? false) || (this.second?.has(term) ?? false);
  }

  hasId(id: number): boolean {
    return (this.first?.hasId(id) ?? false) || (this.second?.hasId(id) ?? false);
  }
}

/**
 * The lede (the article's first two sentences), the sentences either side of the span when they
 * are in the same or a neighbouring paragraph, and the heading of its section: found once, by
 * position, and read in place (no arrays of passages are built).
 */
class Nearby implements TermLookup {
  private lede1: Passage | undefined;
  private lede2: Passage | undefined;
  private before: Passage | undefined;
  private after: Passage | undefined;
  private heading: Passage | undefined;
  /** The article the ledes are of. */
  private passages: readonly Passage[] | undefined;

  constructor(private readonly library: Library) {}

  aim(passages: readonly Passage[], span: CandidateSpan): TermLookup {
    if (passages !== this.passages) {
      this.passages = passages;
      let lede1: Passage | undefined;
      let lede2: Passage | undefined;
      for (let i = 0; i < passages.length && !lede2; i++) {
        const p = passages[i] as Passage;
        if (p.heading) continue;
        if (lede1) lede2 = p;
        else lede1 = p;
      }
      this.lede1 = lede1;
      this.lede2 = lede2;
    }
    // Passages of one article are numbered consecutively.
    const base = passages[0]?.id ?? 0;
    const first = (span.passages[0] ?? span.main).id - base;
    const last = first + span.passages.length - 1;
    const paragraph = span.main.paragraph;
    const before = passages[first - 1];
    const after = passages[last + 1];
    this.before = before && Math.abs(before.paragraph - paragraph) <= 1 ? before : undefined;
    this.after = after && Math.abs(after.paragraph - paragraph) <= 1 ? after : undefined;
    let heading: Passage | undefined;
    for (let i = first - 1; i >= 0 && !heading; i--) if (passages[i]?.heading) heading = passages[i];
    this.heading = heading;
    return this;
  }

  has(term: string): boolean {
    // The term's number is looked up once for the five sentences.
    return this.hasId(this.library.index.lookupId(term));
  }

  hasId(id: number): boolean {
    if (id < 0) return false;
    return (
      (this.lede1?.hasId(id) ?? false) ||
      (this.lede2?.hasId(id) ?? false) ||
      (this.before?.hasId(id) ?? false) ||
      (this.after?.hasId(id) ?? false) ||
      (this.heading?.hasId(id) ?? false)
    );
  }
}
