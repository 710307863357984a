/**
 * What the ranking asks of a sentence's (or an article's) terms: only whether one is there.
 * Passages answer it from the library's shared term arrays, so no set is built per candidate:
 * at 200,000 passages most candidates are new to each question, and building sets for them was
 * most of the garbage the answerer made.
 */

export interface TermLookup {
  has(term: string): boolean;
}

/** Several lookups read as one. */
export class AnyOf implements TermLookup {
  constructor(private readonly parts: readonly TermLookup[]) {}

  has(term: string): boolean {
    for (let i = 0; i < this.parts.length; i++) if ((this.parts[i] as TermLookup).has(term)) return true;
    return false;
  }
}

export const NO_TERMS: TermLookup = { has: () => false };
