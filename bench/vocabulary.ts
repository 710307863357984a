/**
 * Word lists for synthetic text: the seed articles' own words with their frequencies (so the
 * common words of NHS news stay common), plus made-up words drawn with a Zipf law for the long
 * tail a real news archive has, and off-topic words for questions the library cannot answer.
 */

import type { Document } from "../src/knowledge/document.js";
import { createRng, type Rng, WeightedSampler, zipfWeights } from "./prng.js";

export interface SeedVocabulary {
  words: string[];
  counts: number[];
}

const EDGE_PUNCTUATION = /^[("“‘'"[]+|[)"”’'"\],.;:!?]+$/g;

/** Words of the seed paragraphs as written, with how often each occurs. */
export function seedVocabulary(documents: readonly Document[]): SeedVocabulary {
  const counts = new Map<string, number>();
  const lowerForms = new Set<string>();
  const raw: string[] = [];
  for (const doc of documents) {
    for (const paragraph of doc.paragraphs) {
      paragraph.text.split(/\s+/).forEach((token) => {
        const word = token.replace(EDGE_PUNCTUATION, "");
        if (!/[\p{L}\p{N}]/u.test(word) || word.length > 30) return;
        raw.push(word);
        if (word === word.toLowerCase()) lowerForms.add(word);
      });
    }
  }
  for (const word of raw) {
    // "The" at a sentence start is the word "the".
    const form = lowerForms.has(word.toLowerCase()) ? word.toLowerCase() : word;
    counts.set(form, (counts.get(form) ?? 0) + 1);
  }
  const words = [...counts.keys()].sort();
  return { words, counts: words.map((w) => counts.get(w) ?? 0) };
}

const ONSETS = [
  "b",
  "br",
  "c",
  "ch",
  "cl",
  "d",
  "dr",
  "f",
  "fl",
  "g",
  "gr",
  "h",
  "j",
  "k",
  "l",
  "m",
  "n",
  "p",
  "pl",
  "pr",
  "r",
  "s",
  "sh",
  "st",
  "t",
  "th",
  "tr",
  "v",
  "w",
  "z",
];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io", "y"];
const CODAS = ["", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ck", "x"];

/** A pronounceable made-up word of 1-4 syllables. */
function pseudoWord(rng: Rng): string {
  const syllables = rng.int(1, 4);
  let word = "";
  for (let i = 0; i < syllables; i++)
    word += rng.pick(ONSETS) + rng.pick(VOWELS) + (i === syllables - 1 ? rng.pick(CODAS) : "");
  return word;
}

/** `size` distinct made-up words, most common first. */
export function pseudoLexicon(size: number, seed: number, avoid: ReadonlySet<string>): string[] {
  const rng = createRng(seed);
  const words = new Set<string>();
  while (words.size < size) {
    const w = pseudoWord(rng);
    if (w.length >= 3 && !avoid.has(w)) words.add(w);
  }
  return [...words];
}

export function zipfSampler(words: readonly string[]): WeightedSampler<string> {
  return new WeightedSampler(words, zipfWeights(words.length));
}

export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Words no NHS AI news article in the seeds is about: questions built from them should be declined. */
export const OFF_TOPIC_WORDS = [
  "volcano",
  "cricket",
  "mortgage",
  "penguin",
  "bitcoin",
  "football",
  "ballet",
  "submarine",
  "asteroid",
  "lasagne",
  "skateboard",
  "tornado",
  "violin",
  "glacier",
  "marathon",
  "opera",
  "yacht",
  "wrestling",
  "chess",
  "espresso",
  "tariff",
  "lottery",
  "mining",
  "railway",
  "pension",
  "eclipse",
];

export const OFF_TOPIC_NAMES = [
  "OpenAI",
  "Tesla",
  "Eurovision",
  "Glastonbury",
  "Wimbledon",
  "Mars",
  "Premier League",
  "Elon Musk",
  "Taylor Swift",
  "Bank of England",
  "Ofcom",
  "Network Rail",
  "Manchester United",
  "Sam Altman",
];
