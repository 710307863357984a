/**
 * Query expansion for how people ask: "cash" finds "funding", "won" finds "awarded", "CEO" finds
 * "chief executive". Two general resources, both data files under lexicon/ and read once, on the
 * first question (a cold `nhsai ask` that builds the library pays nothing for them until then):
 * - wordnet.txt, synonyms and word families from WordNet 3.1 (built by scripts/build-lexicon.ts);
 * - glossary.json, the NHS and UK-government vocabulary WordNet lacks: groups of words NHS news
 *   uses interchangeably, abbreviations and their expansions, and phrasal verbs.
 * Every word is an index term (stemmed like the library), so "funded" and "funding" meet.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findPackageRoot } from "../package-root.js";
import { termFor } from "./text-terms.js";

export interface Glossary {
  abbreviations: Record<string, string[]>;
  groups: string[][];
  phrases: Record<string, string>;
}

const NUMBER_WORDS: Record<string, string> = {
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
  ten: "10",
  eleven: "11",
  twelve: "12",
  twenty: "20",
  thirty: "30",
  forty: "40",
  fifty: "50",
  hundred: "100",
};

export const LEXICON_DIR = join(findPackageRoot(import.meta.url), "lexicon");

let glossaryData: Glossary | undefined;

/** The domain glossary (read once). */
export function glossary(): Glossary {
  glossaryData ??= JSON.parse(readFileSync(join(LEXICON_DIR, "glossary.json"), "utf8")) as Glossary;
  return glossaryData;
}

interface Tables {
  /** Related terms per term, as arrays: sixteen thousand small arrays weigh far less than Sets. */
  lists: Map<string, readonly string[]>;
  /** Sets made for the terms questions ask about, on demand. */
  sets: Map<string, ReadonlySet<string>>;
}

let tables: Tables | undefined;

function load(): Tables {
  const lists = new Map<string, string[]>();
  const relate = (a: string, b: string) => {
    if (a === b) return;
    const list = lists.get(a);
    if (!list) lists.set(a, [b]);
    else if (!list.includes(b)) list.push(b);
  };
  // The glossary first: its words are the ones NHS readers mean, so they lead each list.
  for (const group of glossary().groups) {
    const terms = group.map((w) => termFor(w.toLowerCase()));
    for (const a of terms) for (const b of terms) relate(a, b);
  }
  for (const line of readFileSync(join(LEXICON_DIR, "wordnet.txt"), "utf8").split("\n")) {
    const [term, ...rest] = line.split(" ");
    if (!term) continue;
    for (const r of rest) relate(term, r);
  }
  for (const [word, digits] of Object.entries(NUMBER_WORDS)) {
    relate(termFor(word), digits);
    relate(digits, termFor(word));
  }
  return { lists, sets: new Map() };
}

/** Sets kept for at most this many terms (those questions use), then begun afresh. */
const MAX_SETS = 5000;

/** Terms that mean much the same as `term` (not including it). */
export function relatedTerms(term: string): ReadonlySet<string> {
  tables ??= load();
  let set = tables.sets.get(term);
  if (!set) {
    const list = tables.lists.get(term);
    if (!list) return EMPTY;
    if (tables.sets.size >= MAX_SETS) tables.sets.clear();
    set = new Set(list);
    tables.sets.set(term, set);
  }
  return set;
}

/** The same as an array, for hot loops (no iterator per call). */
export function relatedList(term: string): readonly string[] {
  tables ??= load();
  return tables.lists.get(term) ?? NONE;
}

let verbs: ReadonlySet<string> | undefined;

/** Whether a term is of a word used mostly as a verb (lexicon/verbs.txt, from WordNet's counts). */
export function isVerbTerm(term: string): boolean {
  verbs ??= new Set(readFileSync(join(LEXICON_DIR, "verbs.txt"), "utf8").split("\n").filter(Boolean));
  return verbs.has(term);
}

let phrasesByFirstWord: Map<string, { words: string[]; term: string }[]> | undefined;

/**
 * Phrasal verbs and set phrases in a text, read as the one word the glossary gives ("set up" →
 * establish): each phrase's words and the index term of its one word.
 */
export function phrasesIn(text: string): { words: string[]; term: string }[] {
  if (!phrasesByFirstWord) {
    phrasesByFirstWord = new Map();
    for (const [phrase, word] of Object.entries(glossary().phrases)) {
      const words = phrase.split(" ");
      const list = phrasesByFirstWord.get(words[0] as string) ?? [];
      list.push({ words, term: termFor(word) });
      phrasesByFirstWord.set(words[0] as string, list);
    }
  }
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  const out: { words: string[]; term: string }[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const phrase of phrasesByFirstWord.get(words[i] as string) ?? NO_PHRASES) {
      if (!out.includes(phrase) && phrase.words.every((w, j) => words[i + j] === w)) out.push(phrase);
    }
  }
  return out;
}

const NONE: readonly string[] = [];
const NO_PHRASES: { words: string[]; term: string }[] = [];
const EMPTY: ReadonlySet<string> = new Set();
