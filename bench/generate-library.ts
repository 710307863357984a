/**
 * Synthetic NHS-news-like documents for the scale benchmark: sentences of 15-30 words, 10-20
 * sentences (and the odd section heading) per article, 1-3 sentences per paragraph. Words come
 * from the seed articles' vocabulary at its own frequencies, a Zipf-distributed made-up long tail,
 * and names, figures and sums of money. Deterministic for a given seed.
 */

import type { Document, Paragraph } from "../src/knowledge/document.js";
import { createRng, type Rng, WeightedSampler } from "./prng.js";
import { capitalise, pseudoLexicon, seedVocabulary, zipfSampler } from "./vocabulary.js";

export interface GenerateOptions {
  /** How many passages (sentences and headings) to generate in all. */
  passages: number;
  seed?: number;
  /** Share of words drawn from the made-up long tail rather than the seed vocabulary. */
  tailShare?: number;
  /** Size of the made-up vocabulary. */
  tailWords?: number;
}

/** A sentence must not end in a word the sentence splitter reads as an abbreviation ("No.", "Dr."). */
const ABBREVIATION = /^(dr|mr|mrs|ms|prof|st|sr|jr|vs|no|etc|approx|inc|ltd|co|e\.g|i\.e)$/i;

const PUBLISHERS = [
  "National Health Executive",
  "Digital Health",
  "Health Service Journal",
  "NHS England",
  "The Health Foundation",
  "Nuffield Trust",
  "The King's Fund",
  "NHS Confederation",
  "UKAuthority",
  "Healthcare IT News",
];

export function generateDocuments(seedDocuments: readonly Document[], options: GenerateOptions): Document[] {
  const rng = createRng(options.seed ?? 20231101);
  const vocabulary = seedVocabulary(seedDocuments);
  const seedWords = new WeightedSampler(vocabulary.words, vocabulary.counts);
  const tail = zipfSampler(pseudoLexicon(options.tailWords ?? 40_000, 7, new Set(vocabulary.words)));
  const names = pseudoLexicon(3_000, 11, new Set(vocabulary.words)).map(capitalise);
  const publishers = [...PUBLISHERS, ...names.slice(0, 40).map((n) => `${n} Health News`)];
  const words: WordSource = { rng, seedWords, tail, names, tailShare: options.tailShare ?? 0.2 };
  const documents: Document[] = [];
  let remaining = options.passages;
  for (let n = 0; remaining > 0; n++) {
    const sentences = Math.min(remaining, rng.int(10, 20));
    remaining -= sentences;
    documents.push(generateDocument(words, n, sentences, rng.pick(publishers)));
  }
  return documents;
}

interface WordSource {
  rng: Rng;
  seedWords: WeightedSampler<string>;
  tail: WeightedSampler<string>;
  names: string[];
  tailShare: number;
}

function generateDocument(src: WordSource, n: number, passages: number, publisher: string): Document {
  const { rng } = src;
  const paragraphs: Paragraph[] = [];
  let left = passages;
  while (left > 0) {
    if (paragraphs.length > 1 && left > 2 && rng.chance(0.08)) {
      paragraphs.push({ text: heading(src), heading: true });
      left--;
      continue;
    }
    const count = Math.min(left, rng.int(1, 3));
    const sentences = Array.from({ length: count }, () => sentence(src));
    paragraphs.push({ text: sentences.join(" "), heading: false });
    left -= count;
  }
  const year = rng.int(2019, 2025);
  const month = String(rng.int(1, 12)).padStart(2, "0");
  return {
    id: `gen-${String(n).padStart(6, "0")}`,
    title: heading(src),
    titleEditorial: false,
    publisher,
    organisation: null,
    authors: rng.chance(0.6) ? [`${rng.pick(src.names)} ${rng.pick(src.names)}`] : [],
    published: { value: `${year}-${month}`, precision: "month" },
    dateNote: null,
    url: null,
    paragraphs,
    addedAt: "2026-01-01T00:00:00.000Z",
  };
}

function word(src: WordSource): string {
  const { rng } = src;
  const roll = rng.next();
  if (roll < 0.015) return rng.pick(src.names);
  if (roll < 0.025) return rng.chance(0.5) ? `£${rng.int(1, 500)}m` : String(rng.int(2, 900));
  return roll < 0.025 + src.tailShare ? src.tail.sample(rng) : src.seedWords.sample(rng);
}

/** One sentence of 15-30 words, starting with a capitalised word and ending with a full stop. */
function sentence(src: WordSource): string {
  const { rng } = src;
  const length = rng.int(15, 30);
  const out: string[] = [];
  let first = word(src);
  while (!/^\p{L}/u.test(first)) first = word(src);
  out.push(capitalise(first));
  while (out.length < length) {
    let w = word(src);
    if (out.length === length - 1) while (ABBREVIATION.test(w) || !/[\p{L}\p{N}]$/u.test(w)) w = word(src);
    out.push(rng.chance(0.08) && out.length < length - 1 ? `${w},` : w);
  }
  return `${out.join(" ")}.`;
}

/** A short section heading (no full stop): 4-8 capitalised-at-start words. */
function heading(src: WordSource): string {
  const n = src.rng.int(4, 8);
  const out: string[] = [];
  while (out.length < n) {
    const w = word(src);
    if (/^\p{L}/u.test(w) || out.length > 0) out.push(w);
  }
  return capitalise(out.join(" "));
}
