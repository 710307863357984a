/**
 * The Coffee Time briefing: the newest, weightiest stories a channel has not been sent yet, each
 * with its headline, one or two of its own key sentences, its source and date (at the precision
 * the source gives), a link when known, and its topics.
 *
 * Ranking: newest first, with weight (a sum of money in the lead, breadth of topics) worth up to
 * a week of freshness, so a substantial story can lead a slighter one from a few days later. An
 * undated story counts from the day it was added, and says so ("added 3 December 2026"). Only the
 * chosen few are summarised, so a library of 10,000 articles costs one pass over their metadata.
 *
 * Honesty: the items are what the channel has not been sent yet, which is not the same as new;
 * the intro says how many there are and how recent the newest is, never "new" for old news.
 */

import { type Document, hostOf, sourceName } from "../knowledge/document.js";
import { formatPublished } from "../knowledge/format-date.js";
import type { Library, LibraryDocument } from "../knowledge/library.js";
import { mentionsMoney } from "../knowledge/money.js";
import { findTopic, type TopicId } from "../knowledge/topics.js";
import { DAY_IN_MS, dayLabel, londonDayLabel, londonIsoDay, parseIsoDay, publishedSpan } from "./dates.js";
import type { Digest, DigestItem, DigestOptions } from "./digest.js";
import { pickKeySentences } from "./pick-key-sentences.js";
import { groupStories } from "./story-groups.js";

export const DEFAULT_DIGEST_ITEMS = 5;
/** What the weightiest story is worth, in days of freshness. */
const WEIGHT_DAYS = 7;

/** Builds the briefing for `now`, leaving out documents in `alreadySent`. */
export function buildDigest(
  library: Library,
  now: Date,
  alreadySent: ReadonlySet<string> = new Set(),
  options: DigestOptions = {},
): Digest {
  const topic = options.topic ?? null;
  const anyOf = options.topics?.length ? options.topics : null;
  const since = options.since ?? null;
  const sinceMs = since === null ? null : parseIsoDay(since);
  if (since !== null && sinceMs === null)
    throw new RangeError(`since must be a real day as YYYY-MM-DD, not "${since}"`);
  const maxItems = Math.max(0, Math.floor(options.maxItems ?? DEFAULT_DIGEST_ITEMS));

  const candidates = library
    .all()
    .filter((entry) => !alreadySent.has(entry.document.id))
    .filter((entry) => topic === null || entry.topics.includes(topic))
    .filter((entry) => anyOf === null || anyOf.some((t) => entry.topics.includes(t)))
    .filter((entry) => sinceMs === null || isSince(entry, sinceMs));
  const ranked = rankStories(candidates);
  const sent = [...alreadySent].flatMap((id) => library.get(id) ?? []);
  const { stories, alreadySent: sentElsewhere } = groupStories(ranked, maxItems, sent);
  const items = stories.map((story) => toItem(story, topic));
  const merged = stories.reduce((n, story) => n + story.length - 1, 0);
  return {
    title: `☕ Coffee Time Briefing${topic ? `: ${topicLabel(topic)}` : ""} — ${londonDayLabel(now)}`,
    date: londonIsoDay(now),
    intro: introFor(items, candidates.length - merged - sentElsewhere, newestOf(candidates), topic, since),
    items,
    topic,
    since,
  };
}

/** Published on or after `sinceMs` (any day its date may mean counts); undated: added since then. */
function isSince(entry: LibraryDocument, sinceMs: number): boolean {
  const span = storySpan(entry.document);
  return span !== null && span.end >= sinceMs;
}

/**
 * The days a story stands for: its publication date at its precision, or for an undated story the
 * day it was added (the only date we know it by). Null only for a document with neither.
 */
function storySpan(doc: Pick<Document, "published" | "addedAt">): { start: number; end: number } | null {
  const span = publishedSpan(doc.published);
  if (span) return span;
  const added = Date.parse(doc.addedAt);
  if (!Number.isFinite(added)) return null;
  const day = parseIsoDay(londonIsoDay(new Date(added))) ?? added;
  return { start: day, end: day };
}

/** "2 July 2024" for a dated story, "added 3 December 2026" for an undated one. */
export function storyDateLabel(doc: Pick<Document, "published" | "addedAt">): string {
  if (doc.published) return formatPublished(doc.published);
  const added = Date.parse(doc.addedAt);
  return Number.isFinite(added) ? `added ${dayLabel(londonIsoDay(new Date(added)))}` : formatPublished(null);
}

/** Newest and weightiest first, an undated story by the day it was added; ties keep library order. */
function rankStories(entries: readonly LibraryDocument[]): LibraryDocument[] {
  const scored = entries.map((entry, i) => {
    const start = storySpan(entry.document)?.start;
    const weight = WEIGHT_DAYS * weightOf(entry);
    return { entry, i, dated: start !== undefined, score: (start ?? 0) / DAY_IN_MS + weight };
  });
  return scored.sort((a, b) => Number(b.dated) - Number(a.dated) || b.score - a.score || a.i - b.i).map((s) => s.entry);
}

/** The most recent of the stories on offer, by the same rule as the ranking. */
function newestOf(entries: readonly LibraryDocument[]): LibraryDocument | null {
  let newest: { entry: LibraryDocument; end: number } | null = null;
  for (const entry of entries) {
    const end = storySpan(entry.document)?.end ?? Number.NEGATIVE_INFINITY;
    if (!newest || end > newest.end) newest = { entry, end };
  }
  return newest?.entry ?? null;
}

/** 0 to 1: a sum of money in the lead, and how many topics the story touches. */
function weightOf(entry: LibraryDocument): number {
  const lead = entry.passages.slice(0, 3).some((p) => mentionsMoney(p.text)) || mentionsMoney(entry.document.title);
  return (lead ? 0.5 : 0) + 0.5 * Math.min(1, entry.topics.length / 6);
}

function toItem([entry, ...others]: LibraryDocument[], topic: TopicId | null): DigestItem {
  if (!entry) throw new Error("a story has at least one article");
  const doc = entry.document;
  return {
    documentId: doc.id,
    headline: doc.title,
    summary: pickKeySentences(entry).text,
    publisher: sourceName(doc),
    published: doc.published?.value ?? null,
    publishedLabel: storyDateLabel(doc),
    url: doc.url,
    topics: mainTopics(entry, topic),
    sources: [entry, ...others].flatMap(({ document: d }) => [
      {
        documentId: d.id,
        headline: d.title,
        publisher: sourceName(d),
        published: d.published?.value ?? null,
        publishedLabel: storyDateLabel(d),
        url: d.url,
      },
      // Syndicated copies of this very text, each with its outlet's own link and date.
      ...(d.appearances ?? []).map((a) => ({
        documentId: d.id,
        headline: d.title,
        publisher: a.publisher ?? hostOf(a.url) ?? "another outlet",
        published: a.published?.value ?? null,
        publishedLabel: storyDateLabel({ published: a.published, addedAt: a.addedAt }),
        url: a.url,
      })),
    ]),
  };
}

/** The document's topics, most passages first, at most three; the topic asked for leads. */
function mainTopics(entry: LibraryDocument, asked: TopicId | null): TopicId[] {
  const counts = new Map<TopicId, number>();
  for (const p of entry.passages) for (const t of p.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
  const ranked = [...entry.topics].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
  return (asked ? [asked, ...ranked.filter((t) => t !== asked)] : ranked).slice(0, 3);
}

/**
 * "5 stories you haven't had here, the newest from 18 August 2025, led by …": how many and how
 * recent, so old news is never called new.
 */
function introFor(
  items: DigestItem[],
  available: number,
  newest: LibraryDocument | null,
  topic: TopicId | null,
  since: string | null,
): string {
  const about = topic ? ` on ${topicLabel(topic).toLowerCase()}` : "";
  const when = since ? ` since ${dayLabel(since)}` : "";
  const names = items.slice(0, 2).map((i) => `“${shortHeadline(i.headline)}”`);
  if (available === 0 || !newest) return `No stories${about}${when} that you haven't had here.`;
  const label = storyDateLabel(newest.document);
  const recency = label.startsWith("added") ? label : `from ${label}`;
  if (available === 1 && names[0]) return `1 story${about}${when} you haven't had here, ${recency}: ${names[0]}.`;
  const led = names.length > 0 ? `, led by ${names.join(" and ")}` : "";
  const shown = items.length === 1 ? " The top story is below." : ` The top ${items.length} are below.`;
  const top = items.length < available && items.length > 0 ? shown : "";
  return `${available} stories${about}${when} you haven't had here, the newest ${recency}${led}.${top}`;
}

/** A headline without its attribution tail ("…, NHS leaders say"), to keep the intro to one line. */
export function shortHeadline(headline: string): string {
  return headline.replace(/,\s+[^,]{3,40}\s(?:say|says|said|warn|warns|claim|claims|argue|argues)$/i, "").trim();
}

function topicLabel(topic: TopicId): string {
  return findTopic(topic)?.label ?? topic;
}
