/**
 * Words of one family that the stemmer leaves apart ("diagnose" → diagnos, "diagnosis" →
 * diagnosi, "diagnostics" → diagnost): a sentence holding one answers to a question holding
 * another. Found once per question from the library's vocabulary, so that each candidate is asked
 * for them by number.
 */

import type { SearchIndex } from "../knowledge/search-index.js";

/** One family: one stem, six letters or more, starts the other, at most three letters longer. */
function sameFamily(a: string, b: string): boolean {
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  return short.length >= FAMILY_MIN && long.length - short.length <= 3 && long.startsWith(short);
}

/**
 * The numbers of the library's terms of the same family as `term` (sameFamily), found once per
 * question: a sentence is then asked for them by number, where reading its words as strings built
 * two arrays for every candidate not read lately (at 200,000 passages, most of them).
 */
export function familyIds(index: SearchIndex, term: string): number[] {
  const out: number[] = [];
  if (term.length < FAMILY_MIN) return out;
  // Longer words (or the same): they start with the term, so they sort together from it.
  const sorted = sortedVocabulary(index);
  for (let i = firstAtOrAfter(sorted, term); i < sorted.length; i++) {
    const word = sorted[i] as string;
    if (!word.startsWith(term)) break;
    if (sameFamily(term, word)) out.push(index.lookupId(word));
  }
  // Shorter words: the term starts with them.
  for (let length = FAMILY_MIN; length < term.length; length++) {
    const word = term.slice(0, length);
    const id = index.lookupId(word);
    if (id >= 0 && sameFamily(term, word)) out.push(id);
  }
  return out;
}

/** The shortest word of a family (see sameFamily). */
const FAMILY_MIN = 6;

/**
 * Each index's vocabulary in code-unit order, kept up to date as terms are added (the vocabulary
 * only grows: new terms are sorted and merged in).
 */
const sortedVocabularies = new WeakMap<SearchIndex, { count: number; sorted: string[] }>();

function sortedVocabulary(index: SearchIndex): readonly string[] {
  let v = sortedVocabularies.get(index);
  if (!v) {
    v = { count: 0, sorted: [] };
    sortedVocabularies.set(index, v);
  }
  const terms = index.terms;
  if (v.count < terms.length) {
    const added = terms.slice(v.count).sort();
    const merged: string[] = [];
    let i = 0;
    let j = 0;
    while (i < v.sorted.length || j < added.length) {
      const a = v.sorted[i];
      const b = added[j];
      if (b === undefined || (a !== undefined && a < b)) {
        merged.push(a as string);
        i++;
      } else {
        merged.push(b);
        j++;
      }
    }
    v.sorted = merged;
    v.count = terms.length;
  }
  return v.sorted;
}

/** The first place in `sorted` whose word is not before `word`. */
function firstAtOrAfter(sorted: readonly string[], word: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as string) < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
