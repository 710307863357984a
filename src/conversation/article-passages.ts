/**
 * Passages of one article for a conversation: its key sentences (the digest's picker), the
 * next-best ones after what was already shown, and quotes that stay verbatim (sentences that do
 * not follow each other in the text are joined with "…").
 */

import { isPageChrome } from "../briefings/page-chrome.js";
import { pickKeySentences, standsAlone, tidy, wordCount } from "../briefings/pick-key-sentences.js";
import type { LibraryDocument, Passage } from "../knowledge/library.js";
import { normaliseText, termsOf } from "../knowledge/text-terms.js";

/** Passages a "tell me more" shows at once. */
const MORE_PASSAGES = 3;
/** A summary may run longer than a digest line: it is the one thing asked for. */
const SUMMARY_MAX_WORDS = 90;
const MIN_WORDS = 6;
const MAX_WORDS = 80;

/** Where a passage sits in its article: stable across replicas, unlike index-wide passage ids. */
const passageKey = (p: Pick<Passage, "paragraph" | "sentence">) => `${p.paragraph}.${p.sentence}`;

/** The article's key sentences, in reading order. */
export function keyPassages(entry: LibraryDocument): Passage[] {
  return pickKeySentences(entry, SUMMARY_MAX_WORDS).passages;
}

/**
 * The best passages not yet shown: those sharing most words with what was asked, early in the
 * article and readable on their own; returned in reading order.
 */
export function nextPassages(
  entry: LibraryDocument,
  question: string,
  shown: ReadonlySet<string>,
  count = MORE_PASSAGES,
): Passage[] {
  const asked = termsOf(question);
  const candidates = entry.passages.filter(
    (p) =>
      !shown.has(passageKey(p)) &&
      !p.heading &&
      wordCount(p.text) >= MIN_WORDS &&
      wordCount(p.text) <= MAX_WORDS &&
      !isPageChrome(p.text, entry.document),
  );
  const scored = candidates.map((p, rank) => {
    const overlap = asked.size ? [...asked].filter((t) => p.has(t)).length / asked.size : 0;
    const position = 1 / (1 + 0.15 * rank);
    return { p, score: (0.6 * overlap + 0.4 * position) * standsAlone(p.text) };
  });
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map((s) => s.p)
    .sort((a, b) => a.id - b.id);
}

/** The passages as one verbatim quote: neighbours joined by a space, gaps marked "…". */
export function verbatimQuote(passages: readonly Passage[]): string {
  const ordered = [...passages].sort((a, b) => a.id - b.id);
  return ordered
    .map((p, i) => {
      const previous = ordered[i - 1];
      const follows = previous && previous.paragraph === p.paragraph && previous.sentence + 1 === p.sentence;
      return `${i === 0 ? "" : follows ? " " : " … "}${tidy(p.text)}`;
    })
    .join("");
}

/** The keys of the article's passages that a quote shows (a quote may elide with "…"). */
export function passagesQuoted(entry: LibraryDocument, quotes: readonly string[]): string[] {
  const fragments = quotes
    .flatMap((q) => normaliseText(tidy(q)).split(/\s*(?:\.\.\.|…)\s*/))
    .map((f) => f.trim())
    .filter((f) => f.length >= 12);
  return entry.passages
    .filter((p) => {
      const text = normaliseText(tidy(p.text));
      return fragments.some((f) => f.includes(text) || text.includes(f));
    })
    .map(passageKey);
}
