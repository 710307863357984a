/**
 * What is already in the library, for telling a new document from one held: the same canonical
 * URL, or near-identical text (a syndicated copy, a page re-read under another address).
 */

import type { Document } from "../knowledge/document.js";
import type { Library } from "../knowledge/library.js";
import { resemblance, sketchOf } from "./fingerprint.js";

/** Estimated resemblance from which two texts count as one (syndicated copies score 0.9+). */
export const NEAR_IDENTICAL = 0.8;

export type DuplicateMatch =
  | { kind: "same_url"; documentId: string }
  | { kind: "same_text"; documentId: string; resemblance: number };

export class DuplicateIndex {
  private readonly byUrl = new Map<string, string>();
  private readonly sketches: { id: string; sketch: Uint32Array }[] = [];
  private readonly seen = new Set<string>();

  /** Indexes the library's documents not indexed yet (the library only grows). */
  syncWith(library: Library): void {
    const all = library.all();
    if (all.length === this.seen.size) return;
    for (const { document } of all) this.add(document);
  }

  add(doc: Document): void {
    if (this.seen.has(doc.id)) return;
    this.seen.add(doc.id);
    if (doc.url) this.byUrl.set(doc.url, doc.id);
    this.sketches.push({ id: doc.id, sketch: sketchOf(bodyOf(doc)) });
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
    let best: { id: string; score: number } | null = null;
    for (const held of this.sketches) {
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
