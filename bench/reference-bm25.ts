/**
 * A textbook BM25 (k1 = 1.2, b = 0.75, Lucene's idf) to measure our index against: Map-based
 * postings, a Map of scores per query, a full sort of every match. No query expansion, no typed
 * arrays, no top-k heap — the plain implementation anyone would write first.
 */

const K1 = 1.2;
const B = 0.75;

interface Posting {
  doc: number;
  tf: number;
}

export interface ReferenceHit {
  passage: number;
  score: number;
}

export class ReferenceBm25 {
  private readonly postings = new Map<string, Posting[]>();
  private readonly lengths: number[] = [];
  private totalLength = 0;

  /** Adds a passage's terms; passages are numbered in the order added, as in our index. */
  add(terms: readonly string[]): number {
    const doc = this.lengths.length;
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let list = this.postings.get(term);
      if (!list) {
        list = [];
        this.postings.set(term, list);
      }
      list.push({ doc, tf });
    }
    this.lengths.push(terms.length);
    this.totalLength += terms.length;
    return doc;
  }

  search(terms: readonly string[], limit: number): ReferenceHit[] {
    const n = this.lengths.length;
    const avg = n ? this.totalLength / n : 1;
    const scores = new Map<number, number>();
    for (const term of new Set(terms)) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        const norm = K1 * (1 - B + (B * (this.lengths[doc] ?? 0)) / avg);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (K1 + 1)) / (tf + norm));
      }
    }
    return [...scores]
      .map(([passage, score]) => ({ passage, score }))
      .sort((a, b) => b.score - a.score || a.passage - b.passage)
      .slice(0, limit);
  }
}
