/**
 * What is already in the library, for telling a new document from one held: the same canonical
 * URL, or near-identical text (a syndicated copy, a page re-read under another address).
 */

import type { Document } from "../knowledge/document.js";
import { resemblance, sketchOf } from "./fingerprint.js";
import type { HeldDocuments } from "./held-documents.js";

/** Estimated resemblance from which two texts count as one (syndicated copies score 0.9+). */
const NEAR_IDENTICAL = 0.8;
/**
 * Candidates are the documents sharing one of the new text's few smallest shingle hashes: at
 * resemblance J each is shared with probability about J, so a near-identical text (J >= 0.8)
 * escapes all four with probability about 0.2^4 = 0.16%. Only candidates are compared in full,
 * so a check costs the same against 10 documents as against 10,000.
 */
const BUCKET_HASHES = 4;

export type DuplicateMatch =
  | { kind: "same_url"; documentId: string }
  | { kind: "same_text"; documentId: string; resemblance: number };

export class DuplicateIndex {
  private readonly byUrl = new Map<string, string>();
  private readonly sketches: { id: string; sketch: Uint32Array }[] = [];
  /** Smallest shingle hash → positions in `sketches`. */
  private readonly buckets = new Map<number, number[]>();
  private readonly seen = new Set<string>();

  /** Indexes the library's documents not indexed yet (the library only grows). */
  syncWith(library: HeldDocuments): void {
    const all = library.all();
    if (all.length === this.seen.size) return;
    for (const { document } of all) this.add(document);
  }

  add(doc: Document): void {
    if (this.seen.has(doc.id)) return;
    this.seen.add(doc.id);
    if (doc.url) this.byUrl.set(doc.url, doc.id);
    const sketch = sketchOf(bodyOf(doc));
    const position = this.sketches.push({ id: doc.id, sketch }) - 1;
    for (const hash of sketch.subarray(0, BUCKET_HASHES)) {
      const bucket = this.buckets.get(hash);
      if (bucket) bucket.push(position);
      else this.buckets.set(hash, [position]);
    }
  }

  /** Remembers another URL for a held document (a feed's link that redirects or carries tracking). */
  addAlias(url: string, documentId: string): void {
    if (!this.byUrl.has(url)) this.byUrl.set(url, documentId);
  }

  /** The document id already held for this canonical URL, if any. */
  idForUrl(url: string): string | null {
    return this.byUrl.get(url) ?? null;
  }

  find(doc: Document): DuplicateMatch | null {
    // Ids hash the canonical URL, or the text when there is none.
    if (this.seen.has(doc.id))
      return doc.url
        ? { kind: "same_url", documentId: doc.id }
        : { kind: "same_text", documentId: doc.id, resemblance: 1 };
    const byUrl = doc.url ? this.byUrl.get(doc.url) : undefined;
    if (byUrl) return { kind: "same_url", documentId: byUrl };
    const sketch = sketchOf(bodyOf(doc));
    const candidates = new Set<number>();
    for (const hash of sketch.subarray(0, BUCKET_HASHES))
      for (const at of this.buckets.get(hash) ?? []) candidates.add(at);
    let best: { id: string; score: number } | null = null;
    for (const at of candidates) {
      const held = this.sketches[at];
      if (!held) continue;
      const score = resemblance(sketch, held.sketch);
      if (score >= NEAR_IDENTICAL && (!best || score > best.score)) best = { id: held.id, score };
    }
    return best ? { kind: "same_text", documentId: best.id, resemblance: best.score } : null;
  }
}

function bodyOf(doc: Document): string {
  return doc.paragraphs
    .filter((p) => !p.heading)
    .map((p) => p.text)
    .join("\n");
}
