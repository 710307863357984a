/**
 * The article's headline as context for its sentences. A question often names the story by its
 * headline's words ("which hospitals were hit by the ransomware attack?") while the sentence that
 * answers names none of them ("Guy's and St Thomas' … were affected"): a search of sentences alone
 * never finds it. So the question is also matched against headlines, and the articles whose
 * headline holds much of it offer their sentences that best hold the rest.
 */

import type { Library, LibraryDocument, Passage } from "../knowledge/library.js";
import { SearchIndex, type WeightedTerm } from "../knowledge/search-index.js";
import { tokenize } from "../knowledge/text-terms.js";

/** Articles whose headline is searched for sentences, at most. */
const ARTICLES = 2;
/** Sentences each such article offers. */
const SENTENCES_PER_ARTICLE = 4;
/** The share of the question's weight (by headline idf) a headline must hold. */
const MIN_HELD = 0.4;
/** What a headline word held again by a sentence counts for, beside a word the headline lacks. */
const TITLE_SHARE = 0.2;

interface Headlines {
  revision: number;
  index: SearchIndex;
  /** By headline number (the index's passage number). */
  articles: LibraryDocument[];
  /** Each headline's index terms, by headline number. */
  titles: ReadonlySet<string>[];
  ids: Set<string>;
}

/** Each library's headline index, grown when the library changes. */
const byLibrary = new WeakMap<Library, Headlines>();

function headlines(library: Library): Headlines {
  let h = byLibrary.get(library);
  if (!h) {
    h = { revision: -1, index: new SearchIndex(), articles: [], titles: [], ids: new Set() };
    byLibrary.set(library, h);
  }
  if (h.revision !== library.revision) {
    // Added articles join; a headline changed by a refresh keeps its first wording (rare, and harmless).
    for (const entry of library.all()) {
      if (h.ids.has(entry.document.id)) continue;
      h.ids.add(entry.document.id);
      const terms = tokenize(entry.document.title).map((t) => t.term);
      h.index.add(terms);
      h.articles.push(entry);
      h.titles.push(new Set(terms));
    }
    h.revision = library.revision;
  }
  return h;
}

/** A sentence found through its headline, and how well headline and sentence hold the question. */
export interface HeadlineHit {
  passage: Passage;
  /** The idf-weighted share of the question held by the headline and the sentence together, 0-1. */
  held: number;
}

/**
 * Sentences of the articles whose headline holds at least `MIN_HELD` of the question: in each,
 * those holding most of the rest (the opening ones when the headline holds it all).
 */
export function headlineHits(library: Library, query: readonly WeightedTerm[]): HeadlineHit[] {
  const h = headlines(library);
  if (h.index.size === 0) return [];
  // The asker's own content words only (synonyms and filler weigh less than 1), and of those the
  // ones some sentence holds: a word the library lacks is found through no headline.
  const own = query.filter((q) => q.weight >= 1 && library.index.documentFrequency(q.term) > 0);
  if (own.length < 2) return [];
  const out: HeadlineHit[] = [];
  for (const { passage: number } of h.index.search(own, ARTICLES)) {
    const entry = h.articles[number];
    const title = h.titles[number];
    if (!entry || !title) continue;
    let total = 0;
    let inTitle = 0;
    let titleTerms = 0;
    for (const { term } of own) {
      const w = library.index.idf(term);
      total += w;
      if (title.has(term)) {
        inTitle += w;
        titleTerms++;
      }
    }
    if (total === 0 || inTitle < MIN_HELD * total || titleTerms < 2) continue;
    for (const { passage, score } of bestSentences(library, entry, query, title))
      out.push({ passage, held: Math.min(1, (inTitle + score) / total) / 2 });
  }
  return out;
}

/**
 * The article's sentences holding the most of the question: the words its headline lacks count
 * fully, those it holds a little (of two sentences with none of the rest, the one repeating the
 * subject is likelier about it); the opening sentences when none holds any.
 */
function bestSentences(
  library: Library,
  entry: LibraryDocument,
  query: readonly WeightedTerm[],
  title: ReadonlySet<string>,
): { passage: Passage; score: number }[] {
  const weights = query.map((q) => q.weight * library.index.idf(q.term) * (title.has(q.term) ? TITLE_SHARE : 1));
  const best: { passage: Passage; score: number }[] = [];
  for (const passage of entry.passages) {
    if (passage.heading) continue;
    let score = 0;
    for (let i = 0; i < query.length; i++)
      if (passage.has((query[i] as WeightedTerm).term)) score += weights[i] as number;
    if (score === 0 && best.length >= SENTENCES_PER_ARTICLE) continue;
    // Into its place among the few kept (best score first, then the earlier sentence): no sort per sentence.
    let at = best.length;
    while (at > 0 && ranksBefore(score, passage.id, best[at - 1] as { passage: Passage; score: number })) at--;
    const entry = { passage, score };
    best.push(entry);
    for (let j = best.length - 1; j > at; j--) best[j] = best[j - 1] as typeof entry;
    best[at] = entry;
    if (best.length > SENTENCES_PER_ARTICLE) best.pop();
  }
  return best;
}

function ranksBefore(score: number, id: number, other: { passage: Passage; score: number }): boolean {
  return score > other.score || (score === other.score && id < other.passage.id);
}
