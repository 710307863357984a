/**
 * Query expansion for how people ask: "cash" finds "funding", "won" finds "awarded", "CEO" finds
 * "chief executive". Two general resources, both data files under lexicon/ and read once, on the
 * first question (a cold `nhsai ask` that builds the library pays nothing for them until then):
 * - wordnet.txt, synonyms and word families from WordNet 3.1 (built by scripts/build-lexicon.ts);
 * - glossary.json, the NHS and UK-government vocabulary WordNet lacks: groups of words NHS news
 *   uses interchangeably, abbreviations and their expansions, phrasal verbs and chat shorthand;
 * - irregular-verbs.txt, "won" for win, "wrote" for write.
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
  shorthand: Record<string, string>;
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
  /** lexicon/wordnet.txt as read: one sorted line per term, searched rather than parsed. */
  wordnet: string;
  /** The glossary's groups and the number words, parsed: a few hundred entries. */
  glossary: Map<string, string[]>;
  /** Lists looked up so far, and the Sets made from them for the terms questions ask about. */
  lists: Map<string, readonly string[]>;
  sets: Map<string, ReadonlySet<string>>;
}

let tables: Tables | undefined;

/**
 * Reading sixteen thousand lines into Maps cost 25-80 ms of a cold `nhsai ask`; finding a line
 * by binary search in the file's text costs microseconds, and a question needs a few dozen.
 */
function load(): Tables {
  const wordnet = readFileSync(join(LEXICON_DIR, "wordnet.txt"), "utf8");
  const local = new Map<string, string[]>();
  const relate = (a: string, b: string) => {
    if (a === b) return;
    const list = local.get(a);
    if (!list) local.set(a, [b]);
    else if (!list.includes(b)) list.push(b);
  };
  for (const group of glossary().groups) {
    const terms = group.map((w) => termFor(w.toLowerCase()));
    for (const a of terms) for (const b of terms) relate(a, b);
  }
  for (const [word, digits] of Object.entries(NUMBER_WORDS)) {
    relate(termFor(word), digits);
    relate(digits, termFor(word));
  }
  // Irregular verb forms ("won" ~ win) and chat shorthand ("govt" ~ government) read as the word
  // they stand for. Related rather than one index term: the tokenizer, which topics and headline
  // picking share, stays plain stemming.
  const forms: [string, string][] = readFileSync(join(LEXICON_DIR, "irregular-verbs.txt"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [form = "", base = ""] = line.split(" ");
      return [termFor(form), base];
    });
  for (const [short, word] of Object.entries(glossary().shorthand)) forms.push([termFor(short), termFor(word)]);
  for (const [form, base] of forms) {
    relate(form, base);
    relate(base, form);
  }
  return { wordnet, glossary: local, lists: new Map(), sets: new Map() };
}

/**
 * The WordNet line for a term, by binary search over the text itself (lines sorted in code-unit
 * order): each probe moves to the start of the line it lands in.
 */
function wordnetLine(t: Tables, term: string): string[] {
  const text = t.wordnet;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const start = text.lastIndexOf("\n", mid - 1) + 1;
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    const space = text.indexOf(" ", start);
    const key = text.slice(start, space < 0 || space > end ? end : space);
    if (key === term) return space < 0 || space > end ? [] : text.slice(space + 1, end).split(" ");
    if (key < term) lo = end + 1;
    else hi = start;
  }
  return [];
}

/** Lists and Sets kept for at most this many terms, then begun afresh. */
const MAX_CACHED = 20_000;

/** The same as relatedTerms, as an array, for hot loops (no iterator per call). */
export function relatedList(term: string): readonly string[] {
  tables ??= load();
  let list = tables.lists.get(term);
  if (!list) {
    // The glossary's words first: they are the ones NHS readers mean.
    const merged = [...(tables.glossary.get(term) ?? [])];
    for (const r of wordnetLine(tables, term)) if (r !== term && !merged.includes(r)) merged.push(r);
    list = merged.length > 0 ? merged : NONE;
    if (tables.lists.size >= MAX_CACHED) tables.lists.clear();
    tables.lists.set(term, list);
  }
  return list;
}

/** Terms that mean much the same as `term` (not including it). */
export function relatedTerms(term: string): ReadonlySet<string> {
  tables ??= load();
  let set = tables.sets.get(term);
  if (!set) {
    const list = relatedList(term);
    if (list.length === 0) return EMPTY;
    if (tables.sets.size >= MAX_CACHED) tables.sets.clear();
    set = new Set(list);
    tables.sets.set(term, set);
  }
  return set;
}

let verbs: ReadonlySet<string> | undefined;
let verbForms: ReadonlySet<string> | undefined;

/** Whether a term is of a word used mostly as a verb (lexicon/verbs.txt, from WordNet's counts). */
export function isVerbTerm(term: string): boolean {
  verbs ??= new Set(readFileSync(join(LEXICON_DIR, "verbs.txt"), "utf8").split("\n").filter(Boolean));
  return verbs.has(term);
}

/** isVerbTerm, or an irregular form of a verb ("built", "wrote"), which the stemmer leaves as it is. */
export function isVerbForm(term: string): boolean {
  if (isVerbTerm(term)) return true;
  verbForms ??= new Set(
    readFileSync(join(LEXICON_DIR, "irregular-verbs.txt"), "utf8")
      .split("\n")
      .map((line) => line.split(" "))
      .filter(([form, base]) => form && base && isVerbTerm(base))
      .map(([form]) => termFor(form as string)),
  );
  return verbForms.has(term);
}

let phrasesByFirstWord: Map<string, { words: string[]; term: string }[]> | undefined;
let phrasesByTerm: Map<string, string[][]> | undefined;

/** The phrases the glossary reads as this one word's term ("establish" → set up, …), as their words. */
export function phrasesFor(term: string): readonly string[][] {
  if (!phrasesByTerm) {
    phrasesByTerm = new Map();
    for (const [phrase, word] of Object.entries(glossary().phrases)) {
      const key = termFor(word);
      const list = phrasesByTerm.get(key) ?? [];
      list.push(phrase.split(" "));
      phrasesByTerm.set(key, list);
    }
  }
  return phrasesByTerm.get(term) ?? NO_WORDS;
}

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
const NO_WORDS: string[][] = [];
const EMPTY: ReadonlySet<string> = new Set();
