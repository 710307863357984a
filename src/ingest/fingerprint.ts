/**
 * Near-identical text, found cheaply: a bottom-k MinHash sketch of each document's five-word
 * shingles (the 64 smallest distinct shingle hashes). Two sketches estimate the Jaccard
 * resemblance of the shingle sets (Broder 1997); one hash per shingle, so sketching 10,000
 * articles takes a fraction of a second, and a comparison is a merge of two sorted 64-entry arrays.
 */

const SKETCH_SIZE = 64;
const SHINGLE_WORDS = 5;

/** The sketch of `text`: ascending, at most SKETCH_SIZE distinct hashes. */
export function sketchOf(text: string): Uint32Array {
  const words = text.toLowerCase().match(/[\p{L}\p{N}£$€%]+/gu) ?? [];
  const hashes = new Set<number>();
  const last = Math.max(1, words.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < last; i++) hashes.add(hash(words.slice(i, i + SHINGLE_WORDS).join(" ")));
  const sorted = Uint32Array.from(hashes).sort();
  return sorted.slice(0, SKETCH_SIZE);
}

/** Estimated Jaccard resemblance of the two texts' shingle sets, 0 to 1. */
export function resemblance(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let taken = 0;
  let shared = 0;
  while (taken < SKETCH_SIZE && (i < a.length || j < b.length)) {
    const x = i < a.length ? (a[i] as number) : Number.POSITIVE_INFINITY;
    const y = j < b.length ? (b[j] as number) : Number.POSITIVE_INFINITY;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    taken++;
  }
  return taken === 0 ? 0 : shared / taken;
}

/** FNV-1a with a murmur3 finaliser: fast, and well spread for the bottom-k selection. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
