/**
 * A digest summary in the article's own words: one or two of its key sentences, at most 60 words,
 * never page furniture. A sentence is key when it shares the headline's words, carries the
 * article's recurring terms, comes early (news puts the story first) and stands on its own (it
 * does not open with "But", "This" or "It", which lean on a sentence the reader has not seen).
 */

import type { LibraryDocument, Passage } from "../knowledge/library.js";
import { tokenize } from "../knowledge/text-terms.js";
import { isPageChrome } from "./page-chrome.js";

export const SUMMARY_MAX_WORDS = 60;
const MIN_WORDS = 6;

/** Openings that point back to an earlier sentence. */
const LEANS_ON_CONTEXT =
  /^(but|and|or|so|yes|no|it|its|it’s|it's|this|these|those|that|they|their|he|she|his|her|such|however|also|then|there|here|which|meanwhile|instead|in addition|additionally|as well|among other things|for example|for instance|similarly|likewise|furthermore|moreover|on the other hand|on the flip side)\b/i;
const FIGURE = /£\s?\d|\b\d[\d,.]*\s?(?:m|bn|million|billion)\b|\b\d{2,}\b/i;

export interface KeySentences {
  /** The sentences in document order, joined by a space. */
  text: string;
  passages: Passage[];
}

/** Counts words as a reader would: runs of non-space. */
export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/).length : 0;
}

const ENDS_SENTENCE = /[.!?"”’)]$/;

/** Picks the one or two sentences that best say what `entry` is about, within `maxWords`. */
export function pickKeySentences(entry: LibraryDocument, maxWords = SUMMARY_MAX_WORDS): KeySentences {
  const candidates = entry.passages.filter(
    (p) => !p.heading && !isPageChrome(p.text, entry.document) && wordCount(p.text) >= MIN_WORDS,
  );
  const fitting = candidates.filter((p) => wordCount(p.text) <= maxWords);
  if (fitting.length === 0) return fallback(candidates[0] ?? entry.passages[0], maxWords);

  const scores = scorePassages(entry, fitting);
  const ranked = fitting.map((p, i) => ({ p, score: scores[i] ?? 0 })).sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best) return fallback(undefined, maxWords);
  const room = maxWords - wordCount(best.p.text);
  const second = ranked
    .slice(1)
    .filter((r) => wordCount(r.p.text) <= room && r.score >= best.score * 0.55)
    // One that leans on context may only follow the sentence it leans on.
    .filter((r) => standsAlone(r.p.text) === 1 || r.p.id === best.p.id + 1)
    .map((r) => ({ ...r, score: r.score + (adjacent(r.p, best.p) ? 0.1 : 0) }))
    .sort((a, b) => b.score - a.score)[0];
  const pair = [best.p, ...(second ? [second.p] : [])].sort((a, b) => a.id - b.id);
  // A standfirst without a full stop would run into the next sentence: it stands alone then.
  const chosen = pair.length === 2 && !ENDS_SENTENCE.test(pair[0]?.text.trim() ?? "") ? [best.p] : pair;
  return { text: chosen.map((p) => tidy(p.text)).join(" "), passages: chosen };
}

function scorePassages(entry: LibraryDocument, passages: Passage[]): number[] {
  const titleTerms = new Set(tokenize(entry.document.title).map((t) => t.term));
  const frequency = new Map<string, number>();
  for (const p of entry.passages) for (const t of new Set(p.terms)) frequency.set(t, (frequency.get(t) ?? 0) + 1);
  const centrality = passages.map((p) => {
    const unique = [...new Set(p.terms)];
    const recurring = unique.reduce((sum, t) => sum + Math.min(3, (frequency.get(t) ?? 1) - 1), 0);
    return recurring / Math.sqrt(Math.max(1, unique.length));
  });
  const maxCentrality = Math.max(1e-9, ...centrality);
  const paragraphs = [...new Set(passages.map((p) => p.paragraph))];
  return passages.map((p, i) => {
    const unique = new Set(p.terms);
    const titleOverlap = titleTerms.size ? [...titleTerms].filter((t) => unique.has(t)).length / titleTerms.size : 0;
    const rank = paragraphs.indexOf(p.paragraph) + p.sentence * 0.5;
    const position = 1 / (1 + 0.4 * rank);
    const base =
      0.45 * titleOverlap +
      0.25 * ((centrality[i] ?? 0) / maxCentrality) +
      0.3 * position +
      (FIGURE.test(p.text) ? 0.1 : 0);
    return base * standsAlone(p.text);
  });
}

/** 1 for a sentence that makes sense on its own, less for one that leans on context or trails off. */
export function standsAlone(text: string): number {
  let factor = 1;
  if (LEANS_ON_CONTEXT.test(text)) factor *= 0.55;
  if (/^[“"‘']/.test(text)) factor *= 0.7;
  if (/:\s*$/.test(text) || /\n\s*[-•*–]\s/.test(text)) factor *= 0.5;
  if (text.includes("?")) factor *= 0.7;
  return factor;
}

function adjacent(a: Passage, b: Passage): boolean {
  return Math.abs(a.id - b.id) === 1;
}

/**
 * White space as one space: list lines and hard breaks read as one summary line. A list glyph a
 * document stored before lists became structure still carries ("• • Many…") is dropped.
 */
export function tidy(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(?:[-•*–·▪►◦]\s*)+(?=\S)/, "");
}

/** No sentence fits: the first one, cut at a word boundary with an ellipsis. */
function fallback(passage: Passage | undefined, maxWords: number): KeySentences {
  if (!passage) return { text: "", passages: [] };
  const words = tidy(passage.text).split(" ");
  const text = words.length <= maxWords ? words.join(" ") : `${words.slice(0, maxWords).join(" ")}…`;
  return { text, passages: [passage] };
}
