/**
 * How far a typed word is from a command: the Damerau-Levenshtein distance from
 * `damerau-levenshtein` (a small, well-kept implementation), so that swapped letters — the
 * commonest typing slip, "hlep", "abuot", "secuirty" — cost one edit, not two.
 */
import damerauLevenshtein from "damerau-levenshtein";

export function editDistance(a: string, b: string): number {
  return damerauLevenshtein(a, b).steps;
}

/** How far a word of this length may be from a command and still be a typo of it. */
export function typoTolerance(length: number): number {
  return length <= 3 ? 0 : length <= 5 ? 1 : 2;
}
