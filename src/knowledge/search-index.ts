/**
 * A BM25 index over passages in typed arrays: postings grow in place, so documents ingested at
 * run time are searchable at once, and a query touches only the postings of its own terms.
 * Scores accumulate term by term in query order into one array reused by every search, and a
 * small heap picks the best `limit` without sorting every match.
 * (The README's design notes compare it with MiniSearch and a plain BM25 on the same passages.)
 */

const K1 = 1.2;
const B = 0.75;

/** One query term with its weight (1 for the asker's own words, less for expansions). */
export interface WeightedTerm {
  term: string;
  weight: number;
}

export interface ScoredPassage {
  passage: number;
  score: number;
}

/** What a snapshot saves of an index: the vocabulary, postings end to end, passage lengths. */
export interface SearchIndexState {
  terms: readonly string[];
  /** Term t's postings are `ids`/`tfs` from `offsets[t]` to `offsets[t + 1]`. */
  offsets: Int32Array<ArrayBuffer>;
  ids: Int32Array<ArrayBuffer>;
  tfs: Uint16Array<ArrayBuffer>;
  lengths: Uint16Array<ArrayBuffer>;
  totalLength: number;
}

class Postings {
  ids = new Int32Array(4);
  tfs = new Uint16Array(4);
  length = 0;

  add(id: number, tf: number): void {
    if (this.length === this.ids.length) {
      // At least 4: postings restored from a snapshot may be exactly full, or empty.
      const capacity = Math.max(4, this.ids.length * 2);
      const ids = new Int32Array(capacity);
      ids.set(this.ids);
      this.ids = ids;
      const tfs = new Uint16Array(capacity);
      tfs.set(this.tfs);
      this.tfs = tfs;
    }
    this.ids[this.length] = id;
    this.tfs[this.length] = Math.min(tf, 65535);
    this.length++;
  }
}

export class SearchIndex {
  private readonly vocabulary = new Map<string, number>();
  private readonly termList: string[] = [];
  private readonly postings: Postings[] = [];
  private lengths = new Uint16Array(1024);
  private count = 0;
  private totalLength = 0;
  private scores = new Float64Array(1024);
  private touched = new Int32Array(1024);

  /** Number of passages indexed. */
  get size(): number {
    return this.count;
  }

  /** Adds a passage's terms; returns its number (passages are numbered in the order added). */
  add(terms: readonly string[]): number {
    const ids = new Int32Array(terms.length);
    terms.forEach((t, i) => {
      ids[i] = this.termId(t);
    });
    return this.addTermIds(ids, 0, ids.length);
  }

  /**
   * Adds a passage given as term numbers (from `termId`), `termIds[from..to)`: how the library
   * indexes without a second vocabulary look-up per word. Returns the passage's number.
   */
  addTermIds(termIds: ArrayLike<number>, from: number, to: number): number {
    const id = this.count++;
    this.ensureCapacity(this.count);
    const length = to - from;
    if (length > 64) {
      const counts = new Map<number, number>();
      for (let i = from; i < to; i++) counts.set(termIds[i] as number, (counts.get(termIds[i] as number) ?? 0) + 1);
      for (const [term, tf] of counts) (this.postings[term] as Postings).add(id, tf);
    } else {
      // Short passages: count each distinct term at its first occurrence, no Map per passage.
      outer: for (let i = from; i < to; i++) {
        const term = termIds[i] as number;
        for (let j = from; j < i; j++) if (termIds[j] === term) continue outer;
        let tf = 1;
        for (let j = i + 1; j < to; j++) if (termIds[j] === term) tf++;
        (this.postings[term] as Postings).add(id, tf);
      }
    }
    this.lengths[id] = Math.min(length, 65535);
    this.totalLength += length;
    return id;
  }

  /** The number the index knows a term by, adding the term to its vocabulary if new. */
  termId(term: string): number {
    let n = this.vocabulary.get(term);
    if (n === undefined) {
      n = this.termList.length;
      this.vocabulary.set(term, n);
      this.termList.push(term);
      this.postings.push(new Postings());
    }
    return n;
  }

  /** The number of a term the index knows, or -1 (never adds it). */
  lookupId(term: string): number {
    return this.vocabulary.get(term) ?? -1;
  }

  /** The term a number stands for (the one string the index holds for it). */
  term(termId: number): string {
    const term = this.termList[termId];
    if (term === undefined) throw new RangeError(`no term number ${termId}`);
    return term;
  }

  /** Every term by its number (`termId`): a live view that grows as terms are added. */
  get terms(): readonly string[] {
    return this.termList;
  }

  /** How many passages hold the term. */
  documentFrequency(term: string): number {
    const n = this.vocabulary.get(term);
    return n === undefined ? 0 : (this.postings[n]?.length ?? 0);
  }

  /** Inverse document frequency (BM25's, floored at a small positive value). */
  idf(term: string): number {
    const df = this.documentFrequency(term);
    return Math.log(1 + (this.count - df + 0.5) / (df + 0.5));
  }

  /**
   * The `limit` best passages for the weighted terms, best first. Rarer terms go first; once the
   * most the terms still to come could add to a passage falls below the `limit`-th best score so
   * far, no passage they alone hold can reach the best, and they only add to passages already
   * scored (MaxScore pruning: the same best passages and scores, without scoring every passage
   * a common word such as "NHS" is in).
   */
  search(query: readonly WeightedTerm[], limit: number): ScoredPassage[] {
    if (limit <= 0) return [];
    const avg = this.count ? this.totalLength / this.count : 1;
    const terms: { list: Postings; idf: number }[] = [];
    let rest = 0;
    for (const { term, weight } of query) {
      const n = this.vocabulary.get(term);
      const list = n === undefined ? undefined : this.postings[n];
      if (!list || list.length === 0) continue;
      const idf = Math.log(1 + (this.count - list.length + 0.5) / (list.length + 0.5)) * weight;
      terms.push({ list, idf });
      rest += idf * (K1 + 1);
    }
    // Rarest first, ties in query order (a stable sort; in place: a query has a few dozen terms).
    insertionSort(terms, byIdfDescending);
    const { scores, touched, lengths } = this;
    let touchedCount = 0;
    let floor = 0;
    for (let t = 0; t < terms.length; t++) {
      const { list, idf } = terms[t] as (typeof terms)[number];
      const { ids, tfs, length } = list;
      if (touchedCount >= limit && rest < floor) {
        scoreTouched(list, idf, avg, lengths, scores, touched, touchedCount);
      } else {
        for (let i = 0; i < length; i++) {
          const id = ids[i] as number;
          const tf = tfs[i] as number;
          const norm = K1 * (1 - B + (B * (lengths[id] as number)) / avg);
          if (scores[id] === 0) touched[touchedCount++] = id;
          scores[id] = (scores[id] as number) + (idf * tf * (K1 + 1)) / (tf + norm);
        }
      }
      rest -= idf * (K1 + 1);
      // The floor is worth finding only when it could spare a longer list than it costs to find.
      const next = terms[t + 1];
      if (next && touchedCount >= limit && next.list.length > touchedCount)
        floor = kthBest(touched, touchedCount, scores, limit);
    }
    const best = topK(touched, touchedCount, scores, limit);
    for (let i = 0; i < touchedCount; i++) scores[touched[i] as number] = 0;
    return best;
  }

  /** The index as flat arrays, for a saved snapshot (postings end to end, `offsets` per term). */
  exportState(): SearchIndexState {
    const offsets = new Int32Array(this.postings.length + 1);
    for (let t = 0; t < this.postings.length; t++)
      offsets[t + 1] = (offsets[t] as number) + (this.postings[t] as Postings).length;
    const total = offsets[this.postings.length] as number;
    const ids = new Int32Array(total);
    const tfs = new Uint16Array(total);
    this.postings.forEach((list, t) => {
      ids.set(list.ids.subarray(0, list.length), offsets[t]);
      tfs.set(list.tfs.subarray(0, list.length), offsets[t]);
    });
    return {
      terms: this.termList,
      offsets,
      ids,
      tfs,
      lengths: this.lengths.subarray(0, this.count),
      totalLength: this.totalLength,
    };
  }

  /** An index from `exportState`'s arrays (the caller checks they are whole); postings grow on from there. */
  static fromState(state: SearchIndexState): SearchIndex {
    const index = new SearchIndex();
    state.terms.forEach((term, t) => {
      index.vocabulary.set(term, t);
      index.termList.push(term);
      const list = new Postings();
      const from = state.offsets[t] as number;
      const to = state.offsets[t + 1] as number;
      list.ids = state.ids.subarray(from, to);
      list.tfs = state.tfs.subarray(from, to);
      list.length = to - from;
      index.postings.push(list);
    });
    index.count = state.lengths.length;
    index.ensureCapacity(index.count);
    index.lengths.set(state.lengths);
    index.totalLength = state.totalLength;
    return index;
  }

  private ensureCapacity(size: number): void {
    if (size <= this.lengths.length) return;
    const capacity = Math.max(size, this.lengths.length * 2);
    const lengths = new Uint16Array(capacity);
    lengths.set(this.lengths);
    this.lengths = lengths;
    this.scores = new Float64Array(capacity);
    this.touched = new Int32Array(capacity);
  }
}

/**
 * Adds a term's share to the passages already scored (`touched`, unordered), and to no other:
 * by looking each up in the postings when they are few beside the list, else by one pass over it.
 */
function scoreTouched(
  list: Postings,
  idf: number,
  avg: number,
  lengths: Uint16Array,
  scores: Float64Array,
  touched: Int32Array,
  touchedCount: number,
): void {
  const { ids, tfs, length } = list;
  const add = (i: number, id: number) => {
    const tf = tfs[i] as number;
    const norm = K1 * (1 - B + (B * (lengths[id] as number)) / avg);
    scores[id] = (scores[id] as number) + (idf * tf * (K1 + 1)) / (tf + norm);
  };
  if (touchedCount * 24 < length) {
    // Postings are in passage order: walk the scored passages in order, galloping through the list.
    const sorted = touched.subarray(0, touchedCount).sort();
    let at = 0;
    for (let j = 0; j < touchedCount && at < length; j++) {
      const id = sorted[j] as number;
      let step = 1;
      let hi = at;
      while (hi < length && (ids[hi] as number) < id) {
        at = hi + 1;
        hi += step;
        step *= 2;
      }
      hi = Math.min(hi, length);
      while (at < hi) {
        const mid = (at + hi) >> 1;
        if ((ids[mid] as number) < id) at = mid + 1;
        else hi = mid;
      }
      if (at < length && ids[at] === id) add(at, id);
    }
    return;
  }
  for (let i = 0; i < length; i++) {
    const id = ids[i] as number;
    if (scores[id] !== 0) add(i, id);
  }
}

/** The k-th highest score among the scored passages (k ≤ count): the root of the best k's heap. */
function kthBest(ids: Int32Array, count: number, scores: Float64Array, k: number): number {
  const heap = bestHeap(ids, count, scores, k);
  return heap.size > 0 ? (heap.scores[0] as number) : 0;
}

/** The k highest scores, best first; of equal scores the lower passage number first. */
function topK(ids: Int32Array, count: number, scores: Float64Array, k: number): ScoredPassage[] {
  const { ids: heapIds, scores: heapScores, size } = bestHeap(ids, count, scores, k);
  const out: ScoredPassage[] = [];
  for (let i = 0; i < size; i++) out.push({ passage: heapIds[i] as number, score: heapScores[i] as number });
  return insertionSort(out, bestFirst);
}

const byIdfDescending = (a: { idf: number }, b: { idf: number }) => b.idf - a.idf;
const bestFirst = (a: ScoredPassage, b: ScoredPassage) => b.score - a.score || a.passage - b.passage;

/**
 * Sorts in place, stably (the order Array.prototype.sort gives). A short array (a question's terms,
 * its best 25 hits) by insertion: sort copies the array into a work list first, garbage on every
 * search. A long one (every passage holding a term, for the article finder) by sort itself.
 */
function insertionSort<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > INSERTION_SORT_MAX) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as T;
    let j = i;
    while (j > 0 && compare(items[j - 1] as T, item) > 0) {
      items[j] = items[j - 1] as T;
      j--;
    }
    items[j] = item;
  }
  return items;
}

const INSERTION_SORT_MAX = 64;

/**
 * The heap's arrays, reused by every search for up to their length of best passages (bestHeap's
 * result is read before the next call); a longer list (the article finder asks for every passage
 * holding a term) gets arrays of its own, not kept.
 */
const heapIdsScratch = new Int32Array(64);
const heapScoresScratch = new Float64Array(64);

/**
 * The k highest scores in a small binary min-heap (no full sort of every match), its root the
 * lowest of them; of equal scores the lower passage number wins, whatever order the passages were
 * scored in.
 */
function bestHeap(
  ids: Int32Array,
  count: number,
  scores: Float64Array,
  k: number,
): { ids: Int32Array; scores: Float64Array; size: number } {
  const kept = k <= heapIdsScratch.length;
  const heapIds = kept ? heapIdsScratch : new Int32Array(k);
  const heapScores = kept ? heapScoresScratch : new Float64Array(k);
  let size = 0;
  for (let i = 0; i < count; i++) {
    const id = ids[i] as number;
    const score = scores[id] as number;
    if (size < k) {
      let j = size++;
      while (j > 0) {
        const parent = (j - 1) >> 1;
        const ps = heapScores[parent] as number;
        // Sift up while the new entry ranks below its parent (lower score, or equal and later).
        if (!(score < ps || (score === ps && id > (heapIds[parent] as number)))) break;
        heapIds[j] = heapIds[parent] as number;
        heapScores[j] = ps;
        j = parent;
      }
      heapIds[j] = id;
      heapScores[j] = score;
      continue;
    }
    const rootScore = heapScores[0] as number;
    if (!(score > rootScore || (score === rootScore && id < (heapIds[0] as number)))) continue;
    let j = 0;
    for (;;) {
      const left = 2 * j + 1;
      if (left >= size) break;
      const right = left + 1;
      let child = left;
      if (right < size) {
        const rs = heapScores[right] as number;
        const ls = heapScores[left] as number;
        if (rs < ls || (rs === ls && (heapIds[right] as number) > (heapIds[left] as number))) child = right;
      }
      const cs = heapScores[child] as number;
      if (!(cs < score || (cs === score && (heapIds[child] as number) > id))) break;
      heapIds[j] = heapIds[child] as number;
      heapScores[j] = cs;
      j = child;
    }
    heapIds[j] = id;
    heapScores[j] = score;
  }
  return { ids: heapIds, scores: heapScores, size };
}
