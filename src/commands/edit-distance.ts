/**
 * How far a typed word is from a command: Levenshtein distance from `leven` (a small, well-kept
 * implementation) rather than our own.
 */
import leven from "leven";

export function editDistance(a: string, b: string): number {
  return leven(a, b);
}

/** How far a word of this length may be from a command and still be a typo of it. */
export function typoTolerance(length: number): number {
  return length <= 3 ? 0 : length <= 5 ? 1 : 2;
}
