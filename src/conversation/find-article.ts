/**
 * Finds the article someone means from the words they used for it ("the charter article", "the
 * National Health Executive piece on lung cancer"), as typed (a capitalised word is a name, looked
 * for as it is): each word is weighed by how rare it is in the
 * library, and counts fully when the headline, publisher or authors use it, less when the story is
 * about it, little for a passing mention. A word also counts, a little less, through the words the
 * answer engine takes for it (synonyms, word families, glossary abbreviations) and, for a short
 * one such as "BBH", through a name the article spells out with those initials. Outlet words ("the
 * Nuffield Trust blog on…") are hints: they count when an article holds them and cost little when
 * none does, since captures often leave the outlet out. The articles that account for most of the
 * words, and nearly as well as the best, fit.
 */

import { familyIds } from "../answers/word-family.js";
import type { Library, LibraryDocument, Passage } from "../knowledge/library.js";
import { isVerbForm, isVerbTerm, relatedList } from "../knowledge/synonyms.js";
import { type ArticleTerm, articleTerms } from "./article-words.js";

/**
 * Share of the words' weight an article must account for to fit at all: more than passing
 * mentions can give, so the words name the article's headline, publisher, authors or subject.
 */
const MIN_FIT = 0.6;
/** A story's subject is in its opening sentences (headings aside), or keeps coming back. */
const LEAD_PASSAGES = 3;
const CENTRAL_MENTIONS = 3;
/** Articles within this share of the best fit are as likely: the user must say which. */
const TIE = 0.85;
/** A word found only through a word meaning much the same counts this much of a match. */
const RELATED = 0.6;
/** Related words looked up per word: the glossary's first, then WordNet's closest. */
const MAX_RELATED = 8;
/**
 * A hint an article lacks costs this share of its weight (at most the heaviest subject word's):
 * more when the article names its publisher (so it is known not to be that outlet's), little when
 * it does not, as most captures do not.
 */
const MISSING_HINT = { published: 0.5, unknown: 0.1 };
/** Best-fitting articles checked for names spelled out by a short word's initials. */
const INITIALS_CHECKED = 30;

export type ArticleMatch =
  | { kind: "found"; entry: LibraryDocument }
  | { kind: "several"; entries: LibraryDocument[] }
  /** `closest`: the best share of the words' weight any article accounts for (0 to 1). */
  | { kind: "none"; closest: number }
  /** The words name no article at all ("the article"). */
  | { kind: "unspecified" };

type Hits = Map<LibraryDocument, number>;

export function findArticle(library: Library, words: string): ArticleMatch {
  const terms = articleTerms(words);
  if (terms.length === 0) return { kind: "unspecified" };
  const entries = library.all();
  // A word in more sentences than there are articles is everywhere: it weighs next to nothing,
  // and is looked for only in the articles the other words (or the headlines) point to.
  const common = terms.map(({ term }) => library.index.documentFrequency(term) > entries.length);
  const hits = terms.map(({ term, name }, i) =>
    common[i]
      ? headlineHits(library, entries, term)
      : name
        ? hitsOf(library, entries, term)
        : withRelated(library, entries, term),
  );
  const candidates = new Set(hits.flatMap((byArticle) => [...byArticle.keys()]));
  terms.forEach(({ term }, i) => {
    if (!common[i]) return;
    for (const entry of candidates) if (!hits[i]?.has(entry)) setHit(hits[i], entry, textHit(entry, term));
  });
  // Rare words decide: one every article uses ("NHS") weighs almost nothing. A word no article
  // uses weighs as much as the rarest and counts against every one: "the quantum piece" fits none.
  const weights = hits.map((byArticle, i) =>
    Math.log((entries.length + 1) / Math.max(1, common[i] ? entries.length : byArticle.size)),
  );
  const fitOf = fitter(terms, weights, hits);
  let fits = [...candidates].map((entry) => ({ entry, fit: fitOf(entry) })).sort(byFit);
  // "BBH" may be the "Building Better Healthcare" an article names: checked on the likeliest only.
  const short = terms.flatMap(({ term }, i) => (/^[a-z]{2,5}$/.test(term) && hits[i] ? [{ term, i }] : []));
  if (short.length > 0 && fits.length > 0) {
    for (const { entry } of fits.slice(0, INITIALS_CHECKED))
      for (const { term, i } of short) if (!hits[i]?.has(entry)) setHit(hits[i], entry, initialsHit(entry, term));
    fits = fits.map(({ entry }) => ({ entry, fit: fitOf(entry) })).sort(byFit);
  }
  const best = fits[0];
  if (!best || best.fit < MIN_FIT) return { kind: "none", closest: best?.fit ?? 0 };
  const close = withHints(
    fits.filter((f) => f.fit >= Math.max(MIN_FIT, best.fit * TIE)).map((f) => f.entry),
    terms,
    weights,
    hits,
  );
  return close.length === 1
    ? { kind: "found", entry: close[0] as LibraryDocument }
    : { kind: "several", entries: close };
}

/**
 * Of articles that fit the subject as well, those the hints point at: "the NCR story on EPRs"
 * is the EPR story that names Northern Clinical Review. All of them when no hint is held.
 */
function withHints(
  entries: LibraryDocument[],
  terms: readonly ArticleTerm[],
  weights: readonly number[],
  hits: readonly Hits[],
): LibraryDocument[] {
  if (entries.length < 2) return entries;
  const hinted = entries.map((entry) =>
    terms.reduce((sum, { hint }, i) => sum + (hint ? (weights[i] ?? 0) * (hits[i]?.get(entry) ?? 0) : 0), 0),
  );
  const most = Math.max(...hinted);
  return most > 0 ? entries.filter((_, i) => (hinted[i] ?? 0) >= most * TIE) : entries;
}

/**
 * The share of the words' weight an article accounts for. A hint it holds counts like any word;
 * one it lacks costs a quarter of its weight, and no more than the heaviest subject word: an
 * outlet no capture names says nothing about which article is meant.
 */
function fitter(terms: readonly ArticleTerm[], weights: readonly number[], hits: readonly Hits[]) {
  const heaviest = Math.max(0, ...weights.filter((_, i) => !terms[i]?.hint));
  return (entry: LibraryDocument): number => {
    const { publisher, organisation } = entry.document;
    const missing = publisher || organisation ? MISSING_HINT.published : MISSING_HINT.unknown;
    let held = 0;
    let total = 0;
    terms.forEach(({ hint }, i) => {
      const weight = weights[i] ?? 0;
      const hit = hits[i]?.get(entry) ?? 0;
      held += weight * hit;
      // A hint held only adds: it never lowers the share the subject's words account for.
      total += !hint ? weight : hit > 0 ? weight * hit : missing * Math.min(weight, heaviest);
    });
    return total === 0 ? 0 : held / total;
  };
}

/** Best first; equal fits newest first, then in the library's order. */
function byFit(a: { entry: LibraryDocument; fit: number }, b: { entry: LibraryDocument; fit: number }): number {
  return b.fit - a.fit || newest(a.entry, b.entry) || firstPassage(a.entry) - firstPassage(b.entry);
}

/**
 * The term's hits, and those of the words the answer engine takes for it ("theft" for "stolen",
 * "FOI" for "Freedom of Information"), at RELATED strength where the term itself is missing.
 * Related words in more sentences than a quarter of the articles are too loose to name one (and
 * their postings cost most of the time at 200,000 passages).
 */
function withRelated(library: Library, entries: readonly LibraryDocument[], term: string): Hits {
  const hits = hitsOf(library, entries, term);
  for (const related of relatedWords(library, term)) {
    if (library.index.documentFrequency(related) > entries.length / 4) continue;
    for (const [entry, hit] of hitsOf(library, entries, related)) setHit(hits, entry, hit * RELATED);
  }
  return hits;
}

/**
 * Words that mean much the same as the term: the glossary's and WordNet's closest, the irregular
 * forms of those ("theft" → steal → stolen), its word family ("diagnosis", "diagnostics") and the
 * word it repeats ("reprioritising" → prioritising).
 */
function relatedWords(library: Library, term: string): Set<string> {
  const index = library.index;
  const words = new Set<string>();
  for (const related of relatedList(term).slice(0, MAX_RELATED)) {
    words.add(related);
    for (const form of relatedList(related)) if (isVerbForm(form) && !isVerbTerm(form)) words.add(form);
  }
  for (const id of familyIds(index, term)) words.add(index.term(id));
  const repeated = /^re(\p{L}{6,})$/u.exec(term)?.[1];
  if (repeated && index.documentFrequency(repeated) > 0) words.add(repeated);
  words.delete(term);
  return words;
}

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
    setHit(hits, entry, passage.id <= leadEnd(entry) || count >= CENTRAL_MENTIONS ? 0.8 : 0.4);
  }
  for (const [entry, hit] of headlineHits(library, entries, term)) hits.set(entry, hit);
  return hits;
}

/** Articles whose headline, publisher or authors use the term. */
function headlineHits(library: Library, entries: readonly LibraryDocument[], term: string): Hits {
  const hits: Hits = new Map();
  if (!library.isMetadataTerm(term)) return hits;
  for (const entry of entries) if (entry.metadataTerms.has(term)) hits.set(entry, 1);
  return hits;
}

/** How one article's text uses the term (0.8, 0.4 or 0, as in `hitsOf`). */
function textHit(entry: LibraryDocument, term: string): number {
  return usage(entry, (p) => p.has(term));
}

/** 0.8 when the article's opening, or three of its sentences, say it; 0.4 for one mention later; else 0. */
function usage(entry: LibraryDocument, says: (p: Passage) => boolean): number {
  let mentions = 0;
  for (const p of entry.passages) {
    if (!says(p)) continue;
    mentions += 1;
    if (p.id <= leadEnd(entry) || mentions >= CENTRAL_MENTIONS) return 0.8;
  }
  return mentions > 0 ? 0.4 : 0;
}

/**
 * How the article uses a name whose initials a short word gives ("BBH": "… told Building Better
 * Healthcare …"; "FT": "the Financial Times"), small words between allowed; as `textHit`.
 */
function initialsHit(entry: LibraryDocument, term: string): number {
  const word = "[\\p{L}\\p{N}'’-]*";
  const between = "\\s+(?:(?:of|and|for|the|in|on|&)\\s+)?";
  const name = new RegExp(
    `(?<![\\p{L}\\p{N}])${[...term].map((letter) => `${letter.toUpperCase()}${word}`).join(between)}(?![\\p{L}\\p{N}])`,
    "u",
  );
  const { title, publisher, organisation } = entry.document;
  if (name.test([title, publisher ?? "", organisation ?? ""].join(" | "))) return 1;
  return usage(entry, (p) => name.test(p.text));
}

/** The last passage of the article's opening: its first LEAD_PASSAGES that are not headings. */
const leadEnds = new WeakMap<LibraryDocument, number>();
function leadEnd(entry: LibraryDocument): number {
  let end = leadEnds.get(entry);
  if (end === undefined) {
    const body = entry.passages.filter((p) => !p.heading);
    end = (body[LEAD_PASSAGES - 1] ?? body.at(-1) ?? entry.passages.at(-1))?.id ?? -1;
    leadEnds.set(entry, end);
  }
  return end;
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
