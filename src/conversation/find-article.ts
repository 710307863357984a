/**
 * Finds the article someone means from the words they used for it ("the charter article", "the
 * National Health Executive piece on lung cancer"): each word is weighed by how rare it is in the
 * library, and counts fully when the headline, publisher or authors use it, less when the story is
 * about it, little for a passing mention. The articles that account for most of the words, and
 * nearly as well as the best, fit.
 */

import type { Library, LibraryDocument } from "../knowledge/library.js";
import { termsOf } from "../knowledge/text-terms.js";

/** Words that say "an article" rather than which one. */
const ARTICLE_WORDS = termsOf(
  "article articles piece pieces story stories report reports post blog item news write-up writeup coverage one thing announcement",
);

/**
 * Share of the words' weight an article must account for to fit at all: more than passing
 * mentions can give, so the words name the article's headline, publisher, authors or subject.
 */
const MIN_FIT = 0.6;
/** A story's subject is in its opening sentences, or keeps coming back. */
const LEAD_PASSAGES = 3;
const CENTRAL_MENTIONS = 3;
/** Articles within this share of the best fit are as likely: the user must say which. */
const TIE = 0.85;

export type ArticleMatch =
  | { kind: "found"; entry: LibraryDocument }
  | { kind: "several"; entries: LibraryDocument[] }
  | { kind: "none" }
  /** The words name no article at all ("the article"). */
  | { kind: "unspecified" };

export function findArticle(library: Library, words: string): ArticleMatch {
  const terms = [...termsOf(words)].filter((t) => !ARTICLE_WORDS.has(t));
  if (terms.length === 0) return { kind: "unspecified" };
  const entries = library.all();
  const hits = entries.map((entry) => terms.map((term) => hitOf(entry, term)));
  // Rare words decide: one every article uses ("NHS") weighs almost nothing. A word no article
  // uses weighs as much as the rarest and counts against every one: "the quantum piece" fits none.
  const weights = terms.map((_, i) => {
    const holding = hits.filter((h) => (h[i] ?? 0) > 0).length;
    return Math.log((entries.length + 1) / Math.max(1, holding));
  });
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total === 0) return { kind: "none" };
  const fits = entries
    .map((entry, e) => ({
      entry,
      fit: terms.reduce((sum, _, i) => sum + (weights[i] ?? 0) * (hits[e]?.[i] ?? 0), 0) / total,
    }))
    .filter((f) => f.fit >= MIN_FIT)
    .sort((a, b) => b.fit - a.fit);
  const best = fits[0];
  if (!best) return { kind: "none" };
  const close = fits.filter((f) => f.fit >= best.fit * TIE);
  return close.length === 1
    ? { kind: "found", entry: best.entry }
    : { kind: "several", entries: close.map((f) => f.entry) };
}

/**
 * 1 when the headline, publisher or authors use the term; 0.8 when the article is about it (its
 * opening sentences, or several of its sentences, use it); 0.4 for a passing mention.
 */
function hitOf(entry: LibraryDocument, term: string): number {
  if (entry.metadataTerms.has(term)) return 1;
  let mentions = 0;
  for (const [i, p] of entry.passages.entries()) {
    if (!p.has(term)) continue;
    mentions += 1;
    if (i < LEAD_PASSAGES || mentions >= CENTRAL_MENTIONS) return 0.8;
  }
  return mentions > 0 ? 0.4 : 0;
}
