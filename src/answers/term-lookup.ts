/**
 * What the ranking asks of a sentence's (or an article's) terms: only whether one is there.
 * Passages answer it from the library's shared term arrays, so no set is built per candidate:
 * at 200,000 passages most candidates are new to each question, and building sets for them was
 * most of the garbage the answerer made.
 */

export interface TermLookup {
  has(term: string): boolean;
  /** The same by the index's number for the term, where the lookup can (no string hashing). */
  hasId?(termId: number): boolean;
}

/** Whether the lookup holds the term, by its number when it can (`termId` is -1 for a term the index lacks). */
export function holds(lookup: TermLookup, term: string, termId: number): boolean {
  if (lookup.hasId) return termId >= 0 && lookup.hasId(termId);
  return lookup.has(term);
}

/** Several lookups read as one. */
export class AnyOf implements TermLookup {
  constructor(private readonly parts: readonly TermLookup[]) {}

  has(term: string): boolean {
    for (let i = 0; i < this.parts.length; i++) if ((this.parts[i] as TermLookup).has(term)) return true;
    return false;
  }

  hasId(termId: number): boolean {
    for (let i = 0; i < this.parts.length; i++) {
      const part = this.parts[i] as TermLookup;
      if (part.hasId ? part.hasId(termId) : false) return true;
    }
    return false;
  }
}

export const NO_TERMS: TermLookup = { has: () => false, hasId: () => false };
