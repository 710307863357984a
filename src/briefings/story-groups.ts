/**
 * The same story from several outlets: two articles published within a few days of each other
 * whose headline and opening share most of their content words (names, places, sums, what was
 * done). Rewrites of one press release share far more than two stories on one topic do, which
 * share the topic's vocabulary but not its particulars. Their headlines share words too (a
 * fifth at least), and they give the same sums: openings whose figures share none are kept apart.
 */

import type { LibraryDocument } from "../knowledge/library.js";
import { termsOf } from "../knowledge/text-terms.js";
import { DAY_IN_MS, publishedSpan } from "./dates.js";

type DateSpan = ReturnType<typeof publishedSpan>;

/** Share of content words two openings have in common (Jaccard) from which they are one story. */
export const SAME_STORY = 0.3;
/** Stories this many days apart are different news, however alike. */
const WINDOW_DAYS = 4;
/** The headline and the first sentences carry the story's particulars; later text drifts. */
const OPENING_PASSAGES = 6;

/** Share of headline words two tellings have in common at least: headlines name the story's particulars. */
const SAME_HEADLINE = 0.2;

const openings = new WeakMap<LibraryDocument, Set<string>>();
const headlines = new WeakMap<LibraryDocument, Set<string>>();
const figures = new WeakMap<LibraryDocument, Set<string>>();
/** Sums of money in any currency and percentages: "£3.2m", "$412.66 Mn", "€21 million", "21%". */
const FIGURE = /[£$€]\s?\d[\d,.]*\s?(?:bn|mn|m|k|billion|million)?\b|\b\d[\d,.]*\s?(?:%|per ?cent)/gi;

/** Terms of the headline and opening sentences, made once per library entry. */
function openingTerms(entry: LibraryDocument): Set<string> {
  let terms = openings.get(entry);
  if (!terms) {
    const text = [entry.document.title, ...entry.passages.slice(0, OPENING_PASSAGES).map((p) => p.text)].join(" ");
    terms = termsOf(text);
    openings.set(entry, terms);
  }
  return terms;
}

/** The sums and percentages in the headline and opening, written one way ("£3.2m", "21%"). */
function openingFigures(entry: LibraryDocument): Set<string> {
  let found = figures.get(entry);
  if (!found) {
    const text = [entry.document.title, ...entry.passages.slice(0, OPENING_PASSAGES).map((p) => p.text)].join(" ");
    found = new Set(
      (text.match(FIGURE) ?? []).map((f) =>
        f
          .toLowerCase()
          .replace(/[\s,]/g, "")
          .replace(/(million|mn)$/, "m")
          .replace(/billion$/, "bn")
          .replace(/percent$/, "%"),
      ),
    );
    figures.set(entry, found);
  }
  return found;
}

/**
 * Two reports of one story give the same sums: openings that both state figures and share none
 * ("£1m for AI" and "£10m for AI") are different stories, however alike their words.
 */
function figuresDisagree(a: LibraryDocument, b: LibraryDocument): boolean {
  const x = openingFigures(a);
  const y = openingFigures(b);
  if (x.size === 0 || y.size === 0) return false;
  for (const figure of x) if (y.has(figure)) return false;
  return true;
}

/** Both dated, within the window: undated articles cannot be placed in the same news moment. */
function closeInTime(x: DateSpan | null, y: DateSpan | null): boolean {
  if (!x || !y) return false;
  return x.start - y.end <= WINDOW_DAYS * DAY_IN_MS && y.start - x.end <= WINDOW_DAYS * DAY_IN_MS;
}

export function storySimilarity(a: LibraryDocument, b: LibraryDocument): number {
  return jaccard(openingTerms(a), openingTerms(b));
}

/** Share of headline words in common: two tellings of a story name the same trust, sum or tool. */
export function headlineSimilarity(a: LibraryDocument, b: LibraryDocument): number {
  const terms = (entry: LibraryDocument) => {
    let found = headlines.get(entry);
    if (!found) {
      found = termsOf(entry.document.title);
      headlines.set(entry, found);
    }
    return found;
  };
  return jaccard(terms(a), terms(b));
}

function jaccard(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  let shared = 0;
  for (const term of x) if (y.has(term)) shared++;
  const union = x.size + y.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * The first `limit` stories in rank order, each with the other outlets' articles on it: a later
 * article of the same story joins the item of its highest-ranked telling instead of taking a slot.
 * A story the channel was already sent (from any outlet: `sent`) is left out, and counted. Dates
 * are compared first (numbers, worked out once per article), words only within the window.
 */
export function groupStories(
  ranked: readonly LibraryDocument[],
  limit: number,
  sent: readonly LibraryDocument[] = [],
): { stories: LibraryDocument[][]; alreadySent: number } {
  const spans = ranked.map((entry) => publishedSpan(entry.document.published));
  const sentSpans = sent.map((entry) => publishedSpan(entry.document.published));
  const alike = (a: LibraryDocument, b: LibraryDocument) =>
    storySimilarity(a, b) >= SAME_STORY && headlineSimilarity(a, b) >= SAME_HEADLINE && !figuresDisagree(a, b);
  const taken = new Set<number>();
  const stories: LibraryDocument[][] = [];
  let alreadySent = 0;
  for (let i = 0; i < ranked.length && stories.length < limit; i++) {
    const lead = ranked[i] as LibraryDocument;
    const span = spans[i] ?? null;
    if (taken.has(i)) continue;
    if (sent.some((s, k) => closeInTime(span, sentSpans[k] ?? null) && alike(lead, s))) {
      alreadySent++;
      continue;
    }
    const story = [lead];
    for (let j = i + 1; j < ranked.length; j++) {
      const other = ranked[j] as LibraryDocument;
      if (taken.has(j) || !closeInTime(span, spans[j] ?? null) || !alike(lead, other)) continue;
      taken.add(j);
      story.push(other);
    }
    stories.push(story);
  }
  return { stories, alreadySent };
}
