/**
 * Words to index terms: one tokenizer for documents and questions, so both sides agree.
 * Porter stemming (the `stemmer` package), British/American spelling folded, money written
 * "£21m" or "21 million" brought to the same terms, and hyphenated words indexed whole and in parts.
 */

import { stemmer } from "stemmer";
import { MONEY_TERM } from "./money.js";

/**
 * English stop words from the `stopword` package (MIT). Copied rather than imported: that package
 * loads 62 languages' lists on import, 37 ms of the 0.3 s a cold `nhsai ask` may take.
 */
const ENGLISH_STOP = [
  "about",
  "after",
  "all",
  "also",
  "am",
  "an",
  "and",
  "another",
  "any",
  "are",
  "as",
  "at",
  "be",
  "because",
  "been",
  "before",
  "being",
  "between",
  "both",
  "but",
  "by",
  "came",
  "can",
  "come",
  "could",
  "did",
  "do",
  "each",
  "for",
  "from",
  "get",
  "got",
  "has",
  "had",
  "he",
  "have",
  "her",
  "here",
  "him",
  "himself",
  "his",
  "how",
  "if",
  "in",
  "into",
  "is",
  "it",
  "like",
  "make",
  "many",
  "me",
  "might",
  "more",
  "most",
  "much",
  "must",
  "my",
  "never",
  "now",
  "of",
  "on",
  "only",
  "or",
  "other",
  "our",
  "out",
  "over",
  "said",
  "same",
  "should",
  "since",
  "some",
  "still",
  "such",
  "take",
  "than",
  "that",
  "the",
  "their",
  "them",
  "then",
  "there",
  "these",
  "they",
  "this",
  "those",
  "through",
  "to",
  "too",
  "under",
  "up",
  "very",
  "was",
  "way",
  "we",
  "well",
  "were",
  "what",
  "where",
  "which",
  "while",
  "who",
  "with",
  "would",
  "you",
  "your",
  "a",
  "i",
];

const EXTRA_STOP = [
  "mustn't",
  "shouldn't",
  "can't",
  "cannot",
  "won't",
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "hasn't",
  "haven't",
  "hadn't",
  "wouldn't",
  "couldn't",
  "needn't",
  "does",
  "doing",
  "done",
  "will",
  "shall",
  "may",
  "its",
  "it's",
  "per",
  "via",
  "upon",
  "onto",
  "whom",
  "whose",
  "why",
  "also",
  "just",
  "yet",
  "within",
  "without",
  "across",
  "around",
  "among",
  "amongst",
  "towards",
  "toward",
  "which",
  "what",
  "who",
  "when",
  "where",
  "how",
  "is",
  "are",
  "be",
  "been",
  "being",
  "am",
  "was",
  "were",
  "do",
  "did",
  "has",
  "have",
  "had",
  "the",
  "a",
  "an",
  "during",
  "despite",
  "throughout",
  "beyond",
  "besides",
  "unless",
  "until",
  "whilst",
  "although",
  "though",
  "however",
  "therefore",
  "thus",
  "hence",
  "else",
  "ever",
  "even",
  "already",
  "s",
  "t",
  "ll",
  "re",
  "ve",
  "d",
  "m",
  "one's",
  "yes",
  "whether",
  "there's",
  "that's",
  "let",
  // Contractions typed without the apostrophe, as people do in chat.
  "dont",
  "doesnt",
  "didnt",
  "isnt",
  "arent",
  "wasnt",
  "werent",
  "cant",
  "wont",
  "wouldnt",
  "couldnt",
  "shouldnt",
  "havent",
  "hasnt",
  "whats",
  "wheres",
  "whos",
  "hows",
  "thats",
  "theres",
  "im",
  "ive",
  // Chat spellings of function words.
  "wat",
  "wht",
  "r",
  "u",
  "ur",
  "abt",
  "pls",
  "plz",
];

/** Function words: never indexed. */
export const STOP_WORDS: ReadonlySet<string> = new Set([...ENGLISH_STOP, ...EXTRA_STOP]);

export interface Token {
  /** The word as written, lower-cased. */
  word: string;
  /** The index term. */
  term: string;
  /** Position of the word in the text (0-based, in words), for proximity. */
  position: number;
}

const WORD = /[\p{L}\p{N}£$€]+(?:['’][\p{L}]+)*(?:[-–][\p{L}\p{N}]+)*/uy;
/** Whether a surrogate pair (one code point) starts at `at`. */
function startsPair(text: string, at: number): boolean {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}
const SCALE: Record<string, string> = { m: "million", mn: "million", bn: "billion", b: "billion", k: "thousand" };

/** Stems one lower-case word, folding American spellings to British first ("-ize", "-yze", "center"). */
export function stemWord(word: string): string {
  const folded = word
    .replace(/iz(e|es|ed|ing|ation|ations)$/, "is$1")
    .replace(/yz(e|es|ed|ing)$/, "ys$1")
    .replace(/([^aeiou])er(s?)$/, (m, c: string, s: string) =>
      AMERICAN_RE.has(word.replace(/s$/, "")) ? `${c}re${s}` : m,
    )
    .replace(/^program(s?)$/, "programme$1");
  return stemmer(folded);
}

/** American "-er" spellings of British "-re" words. */
const AMERICAN_RE = new Set([
  "center",
  "theater",
  "meter",
  "liter",
  "fiber",
  "caliber",
  "somber",
  "centimeter",
  "kilometer",
]);

/** An abbreviation's plural ("ICSs", "GPs", "EPRs"): the abbreviation. */
const ABBREVIATION_PLURAL = /\b([A-Z]{2,})s\b/g;

/** Splits text into index tokens (stop words dropped). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  const normalised = normaliseText(text.replace(ABBREVIATION_PLURAL, "$1"));
  // Each word found by a sticky test at each character where one may start: the words a global
  // search finds, without a match array per word (this runs for every sentence indexed and every
  // question asked).
  for (let at = 0; at < normalised.length; ) {
    WORD.lastIndex = at;
    if (!WORD.test(normalised)) {
      at += startsPair(normalised, at) ? 2 : 1; // the pattern reads code points
      continue;
    }
    const word = normalised.slice(at, WORD.lastIndex);
    at = WORD.lastIndex;
    // A sum in any currency also gives the money term "£" (topic signals read it; see money.ts).
    if (/^[£$€]\d/.test(word)) pushToken(tokens, MONEY_TERM, position);
    const raw = word.replace(/['’]s$/, "").replace(/^[£$€]+/, "");
    // Most words hold no dash: no parts arrays for them (this runs for every word indexed or asked).
    if (!HAS_DASH.test(raw)) {
      if (raw) pushPart(tokens, raw, position++); // a bare "£" is no word and takes no position
      continue;
    }
    const parts = raw.split(/[-–]/).filter(Boolean);
    for (const part of parts) pushPart(tokens, part, position++);
    if (parts.length > 1) pushToken(tokens, parts.join(""), position - 1);
  }
  return tokens;
}

const HAS_DASH = /[-–]/;

/** One part of a word: "£21m" gives "21" and "million", at the same position. */
function pushPart(tokens: Token[], part: string, position: number): void {
  const money = /^(\d+(?:\.\d+)?)(mn|m|bn|b|k)$/.exec(part);
  if (money?.[1] && money[2]) {
    pushToken(tokens, money[1], position);
    pushToken(tokens, SCALE[money[2]] ?? money[2], position);
  } else {
    pushToken(tokens, part, position);
  }
}

function pushToken(tokens: Token[], word: string, position: number): void {
  if (!word || STOP_WORDS.has(word)) return;
  tokens.push({ word, term: termFor(word), position });
}

/** The index term of one word (numbers are kept as written). */
export function termFor(word: string): string {
  let term = termsByWord.get(word);
  if (term === undefined) {
    term = /^\d/.test(word) ? word.replace(/(st|nd|rd|th)$/, "") : stemWord(word);
    if (termsByWord.size < MAX_REMEMBERED_TERMS) termsByWord.set(word, term);
  }
  return term;
}

/**
 * Words already stemmed: the same few thousand words recur in every question and sentence, and
 * stemming one takes a dozen pattern replacements (remembered, analysing a question takes 29 % less).
 * The first 5,000 words met are kept, and no more (a library's common words are among them): a
 * memo that began afresh when full kept moving words to the old generation while a large library
 * was built, and the 200,000-passage library's RSS grew by 30-50 MB.
 */
const termsByWord = new Map<string, string>();
const MAX_REMEMBERED_TERMS = 5_000;

/** Lower-cases and folds typographic quotes and dashes so "Na’eem" and "Na'eem" meet. */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u00a0/g, " ");
}

/** Distinct terms of a text. */
export function termsOf(text: string): Set<string> {
  return new Set(tokenize(text).map((t) => t.term));
}
