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
  /** `closest`: the best share of the words' weight any article accounts for (0 to 1). */
  | { kind: "none"; closest: number }
  /** The words name no article at all ("the article"). */
  | { kind: "unspecified" };

export function findArticle(library: Library, words: string): ArticleMatch {
  const terms = [...termsOf(words)].filter((t) => !ARTICLE_WORDS.has(t));
  if (terms.length === 0) return { kind: "unspecified" };
  const entries = library.all();
  // A word in more sentences than there are articles is everywhere: it weighs next to nothing,
  // and is looked for only in the articles the other words (or the headlines) point to.
  const common = terms.map((term) => library.index.documentFrequency(term) > entries.length);
  const hits = terms.map((term, i) => (common[i] ? headlineHits(entries, term) : hitsOf(library, entries, term)));
  const candidates = new Set(hits.flatMap((byArticle) => [...byArticle.keys()]));
  terms.forEach((term, i) => {
    if (!common[i]) return;
    for (const entry of candidates) if (!hits[i]?.has(entry)) setHit(hits[i], entry, textHit(entry, term));
  });
  // Rare words decide: one every article uses ("NHS") weighs almost nothing. A word no article
  // uses weighs as much as the rarest and counts against every one: "the quantum piece" fits none.
  const holding = hits.map((byArticle, i) => (common[i] ? entries.length : byArticle.size));
  const weights = holding.map((n) => Math.log((entries.length + 1) / Math.max(1, n)));
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total === 0) return { kind: "none", closest: 0 };
  const fits = [...candidates]
    .map((entry) => ({
      entry,
      fit: hits.reduce((sum, byArticle, i) => sum + (weights[i] ?? 0) * (byArticle?.get(entry) ?? 0), 0) / total,
    }))
    // Best first; equal fits newest first, then in the library's order.
    .sort((a, b) => b.fit - a.fit || newest(a.entry, b.entry) || firstPassage(a.entry) - firstPassage(b.entry));
  const best = fits[0];
  if (!best || best.fit < MIN_FIT) return { kind: "none", closest: best?.fit ?? 0 };
  const close = fits.filter((f) => f.fit >= Math.max(MIN_FIT, best.fit * TIE));
  return close.length === 1
    ? { kind: "found", entry: best.entry }
    : { kind: "several", entries: close.map((f) => f.entry) };
}

type Hits = Map<LibraryDocument, number>;

/**
 * How each article that uses the term uses it: 1 when its headline, publisher or authors do; 0.8
 * when the story is about it (its opening sentences, or several of its sentences, use it); 0.4
 * for a passing mention. Read from the search index's postings: only articles using it are visited.
 */
function hitsOf(library: Library, entries: readonly LibraryDocument[], term: string): Hits {
  const hits: Hits = new Map();
  const mentions = new Map<LibraryDocument, number>();
  const holding = library.index.documentFrequency(term);
  for (const { passage: id } of holding ? library.index.search([{ term, weight: 1 }], holding) : []) {
    const passage = library.passage(id);
    const entry = passage && library.get(passage.document.id);
    if (!passage || !entry) continue;
    const count = (mentions.get(entry) ?? 0) + 1;
    mentions.set(entry, count);
    const opening = passage.id - firstPassage(entry) < LEAD_PASSAGES;
    setHit(hits, entry, opening || count >= CENTRAL_MENTIONS ? 0.8 : 0.4);
  }
  for (const [entry, hit] of headlineHits(entries, term)) hits.set(entry, hit);
  return hits;
}

/** Articles whose headline, publisher or authors use the term. */
function headlineHits(entries: readonly LibraryDocument[], term: string): Hits {
  const hits: Hits = new Map();
  for (const entry of entries) if (entry.metadataTerms.has(term)) hits.set(entry, 1);
  return hits;
}

/** How one article's text uses the term (0.8, 0.4 or 0, as in `hitsOf`). */
function textHit(entry: LibraryDocument, term: string): number {
  let mentions = 0;
  for (const [i, p] of entry.passages.entries()) {
    if (!p.has(term)) continue;
    mentions += 1;
    if (i < LEAD_PASSAGES || mentions >= CENTRAL_MENTIONS) return 0.8;
  }
  return mentions > 0 ? 0.4 : 0;
}

function setHit(hits: Hits | undefined, entry: LibraryDocument, hit: number): void {
  if (hits && hit > (hits.get(entry) ?? 0)) hits.set(entry, hit);
}

/** Where the article starts in the library: articles are added, and numbered, in order. */
const firstPassage = (entry: LibraryDocument) => entry.passages[0]?.id ?? 0;

/** Negative when `a` was published after `b`; undated articles count as oldest. */
function newest(a: LibraryDocument, b: LibraryDocument): number {
  return (b.document.published?.value ?? "").localeCompare(a.document.published?.value ?? "");
}
