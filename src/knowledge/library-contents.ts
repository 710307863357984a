/**
 * What the library holds: documents, their passages (one sentence each, with paragraph and
 * position, topic tags and index terms) and the names a document may be called by.
 *
 * Memory layout (200,000 passages must fit in 300 MB): a passage's terms and word positions live
 * in two library-wide typed arrays, the `TermStore` (term numbers from the index's vocabulary, so
 * each distinct term is one string in memory, not one per occurrence), and `passage.terms` and
 * `passage.positions` read them back as arrays on demand; a passage's text is a slice of its
 * paragraph's string, not a copy; passages with the same topics share one frozen array.
 */

import type { Document } from "./document.js";
import type { SearchIndex } from "./search-index.js";
import { tokenize } from "./text-terms.js";
import type { TopicId } from "./topics.js";

export interface Passage {
  /** Index-wide passage number. */
  id: number;
  document: Document;
  paragraph: number;
  /** Sentence number within the paragraph. */
  sentence: number;
  text: string;
  heading: boolean;
  /** Index terms in word order (stop words dropped). */
  terms: string[];
  /** Word positions of `terms`, for proximity. */
  positions: number[];
  topics: TopicId[];
  /** How many index terms it has (`terms.length`, without building the array). */
  readonly termCount: number;
  /** Whether the passage holds this index term: read from the shared arrays, nothing allocated. */
  has(term: string): boolean;
  /** The same for a term already looked up by its number (`index.lookupId`): no Map look-up. */
  hasId(termId: number): boolean;
}

export interface LibraryDocument {
  document: Document;
  topics: TopicId[];
  passages: Passage[];
  /** Terms of the title, publisher, organisation and authors: what a question may call it by. */
  metadataTerms: Set<string>;
}

/** Recently read passages' term and position arrays are kept, in slots chosen by passage number. */
const CACHE_SLOTS = 4096;

/**
 * Every passage's term numbers and word positions, end to end; a passage knows its slice. The
 * arrays a passage hands out are cached for the passages read lately, so a question's ranking,
 * which reads its candidates' terms several times, builds each array once.
 */
export class TermStore {
  termIds = new Int32Array(4096);
  /** Word positions fit 16 bits in any real sentence; the store widens itself if one does not. */
  positions: Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer> = new Uint16Array(4096);
  length = 0;
  private readonly cachedFor = new Int32Array(CACHE_SLOTS).fill(-1);
  private readonly cachedTerms: string[][] = new Array(CACHE_SLOTS);
  private readonly cachedPositions: number[][] = new Array(CACHE_SLOTS);

  constructor(readonly index: SearchIndex) {}

  /** Appends a passage's terms; returns where they start. */
  append(terms: readonly string[], positions: readonly number[]): number {
    const start = this.length;
    const end = start + terms.length;
    if (end > this.termIds.length) this.grow(end);
    for (let i = 0; i < terms.length; i++) {
      this.termIds[start + i] = this.index.termId(terms[i] as string);
      const position = positions[i] as number;
      if (position > 0xffff && this.positions instanceof Uint16Array) this.positions = Uint32Array.from(this.positions);
      this.positions[start + i] = position;
    }
    this.length = end;
    return start;
  }

  terms(passage: number, start: number, count: number): string[] {
    this.load(passage, start, count);
    return this.cachedTerms[passage % CACHE_SLOTS] as string[];
  }

  positionsOf(passage: number, start: number, count: number): number[] {
    this.load(passage, start, count);
    return this.cachedPositions[passage % CACHE_SLOTS] as number[];
  }

  /** Whether `termIds[start..start+count)` holds the term: a scan of a sentence's twenty-odd numbers. */
  holds(start: number, count: number, term: string): boolean {
    return this.holdsId(start, count, this.index.lookupId(term));
  }

  holdsId(start: number, count: number, id: number): boolean {
    if (id < 0) return false;
    const { termIds } = this;
    for (let i = start, end = start + count; i < end; i++) if (termIds[i] === id) return true;
    return false;
  }

  private load(passage: number, start: number, count: number): void {
    const slot = passage % CACHE_SLOTS;
    if (this.cachedFor[slot] === passage) return;
    const vocabulary = this.index.terms;
    const { termIds, positions: at } = this;
    const terms: string[] = [];
    const positions: number[] = [];
    for (let i = start; i < start + count; i++) {
      terms.push(vocabulary[termIds[i] as number] as string);
      positions.push(at[i] as number);
    }
    this.cachedFor[slot] = passage;
    this.cachedTerms[slot] = terms;
    this.cachedPositions[slot] = positions;
  }

  private grow(size: number): void {
    const capacity = Math.max(size, this.termIds.length * 2);
    const termIds = new Int32Array(capacity);
    termIds.set(this.termIds.subarray(0, this.length));
    this.termIds = termIds;
    const positions = this.positions instanceof Uint16Array ? new Uint16Array(capacity) : new Uint32Array(capacity);
    positions.set(this.positions.subarray(0, this.length));
    this.positions = positions;
  }
}

/** A passage whose terms and positions are a slice of the term store. */
export class StoredPassage implements Passage {
  id = -1;

  constructor(
    readonly document: Document,
    readonly paragraph: number,
    readonly sentence: number,
    readonly text: string,
    readonly heading: boolean,
    readonly topics: TopicId[],
    private readonly store: TermStore,
    private readonly start: number,
    private readonly count: number,
  ) {}

  get terms(): string[] {
    return this.store.terms(this.id, this.start, this.count);
  }

  get positions(): number[] {
    return this.store.positionsOf(this.id, this.start, this.count);
  }

  get termCount(): number {
    return this.count;
  }

  has(term: string): boolean {
    return this.store.holds(this.start, this.count, term);
  }

  hasId(termId: number): boolean {
    return this.store.holdsId(this.start, this.count, termId);
  }
}

/** The terms a question may call a document by: its title, publisher, organisation, authors, and initials. */
export function metadataTerms(doc: Document): Set<string> {
  const names = [doc.title, doc.publisher ?? "", doc.organisation ?? "", ...doc.authors];
  const terms = new Set(names.flatMap((n) => tokenize(n).map((t) => t.term)));
  for (const name of [doc.publisher, doc.organisation]) {
    const initials = acronym(name);
    if (initials) terms.add(initials);
  }
  return terms;
}

/** "National Health Executive" → "nhe": sites are often called by their initials. */
function acronym(name: string | null): string | null {
  if (!name) return null;
  // "The Health Foundation" → "hf": a leading "The" is not part of the initials.
  const words = name.split(/\s+/).filter((w, i) => /^[A-Z]/.test(w) && !(i === 0 && w === "The"));
  return words.length >= 2
    ? words
        .map((w) => w[0])
        .join("")
        .toLowerCase()
    : null;
}
