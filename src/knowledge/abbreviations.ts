/**
 * Abbreviations and what they stand for, so "ICB" finds "integrated care board" and "Federated Data
 * Platform" finds "FDP". Two sources: the domain glossary (NHS and UK-government abbreviations),
 * and the definitions articles write themselves ("… Federated Data Platform (FDP) …"), learned as
 * each document is added. Both sides are brought to the abbreviation: a passage or question that
 * spells a phrase out also gets the abbreviation's term.
 */

import { glossary } from "./synonyms.js";
import { STOP_WORDS, type Token, termFor, tokenize } from "./text-terms.js";

interface Expansion {
  /** The phrase's index terms, in order. */
  terms: string[];
  /** The abbreviation's index term. */
  abbreviation: string;
}

/** Up to this many words may be passed over between initials ("Department *for* Science…"). */
const MAX_LETTERS = 10;

export class Abbreviations {
  /** Expansions by their first term, for a single pass over a passage's tokens. */
  private readonly byFirst = new Map<string, Expansion[]>();
  private readonly known = new Set<string>();

  constructor(withGlossary = true) {
    if (!withGlossary) return;
    for (const [abbreviation, phrases] of Object.entries(glossary().abbreviations))
      for (const phrase of phrases) this.define(abbreviation, phrase);
  }

  /** Adds "phrase" as a spelling-out of "abbreviation". */
  define(abbreviation: string, phrase: string): void {
    const terms = tokenize(phrase).map((t) => t.term);
    const abbreviationTerm = termFor(abbreviation.toLowerCase().replace(/s$/, ""));
    if (terms.length < 2 || !abbreviationTerm) return;
    const key = `${abbreviationTerm} ${terms.join(" ")}`;
    if (this.known.has(key)) return;
    this.known.add(key);
    const first = terms[0] as string;
    const list = this.byFirst.get(first) ?? [];
    list.push({ terms, abbreviation: abbreviationTerm });
    this.byFirst.set(first, list);
  }

  /** Learns the definitions a text writes out: "Federated Data Platform (FDP)". */
  learn(text: string): void {
    for (const m of text.matchAll(/\(([A-Z][A-Za-z&]{1,9})\)/g)) {
      const abbreviation = m[1] as string;
      const phrase = spelledOut(text.slice(Math.max(0, (m.index ?? 0) - 120), m.index), abbreviation);
      if (phrase) this.define(abbreviation, phrase);
    }
  }

  /** The abbreviation terms of the phrases spelled out in these tokens, at the phrase's position. */
  abbreviationTokens(tokens: readonly Token[]): Token[] {
    let out: Token[] | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirst.get((tokens[i] as Token).term);
      if (!candidates) continue;
      for (const e of candidates) {
        if (i + e.terms.length > tokens.length) continue;
        let all = true;
        for (let j = 1; j < e.terms.length && all; j++) all = tokens[i + j]?.term === e.terms[j];
        if (!all) continue;
        const at = tokens[i] as Token;
        out ??= [];
        if (!out.some((t) => t.term === e.abbreviation) && !tokens.some((t) => t.term === e.abbreviation))
          out.push({ word: e.abbreviation, term: e.abbreviation, position: at.position });
      }
    }
    return out ?? NONE;
  }
}

const NONE: Token[] = [];

/**
 * The words before "(FDP)" whose initials spell it: read backwards, each capital of the
 * abbreviation matched to the initial of a word, function words passed over.
 */
function spelledOut(before: string, abbreviation: string): string | null {
  const letters = abbreviation.replace(/[^A-Z]/g, "").toLowerCase();
  if (letters.length < 2 || letters.length > MAX_LETTERS) return null;
  const words = before.trimEnd().split(/\s+/);
  let need = letters.length - 1;
  let start = words.length;
  for (let i = words.length - 1; i >= 0 && need >= 0; i--) {
    const word = (words[i] as string).replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "").toLowerCase();
    if (!word) return null;
    if (word[0] === letters[need]) {
      need--;
      start = i;
    } else if (!STOP_WORDS.has(word) && word !== "&") return null;
  }
  return need < 0 ? words.slice(start).join(" ") : null;
}
