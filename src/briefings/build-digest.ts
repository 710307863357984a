/**
 * The Coffee Time briefing: the newest, weightiest stories a channel has not been sent yet, each
 * with its headline, one or two of its own key sentences, its source and date (at the precision
 * the source gives), a link when known, and its topics.
 *
 * Ranking: newest first, with weight (a sum of money in the lead, breadth of topics) worth up to
 * a week of freshness, so a substantial story can lead a slighter one from a few days later.
 * Undated stories come last. Only the chosen few are summarised, so a library of 10,000 articles
 * costs one pass over their metadata.
 */

import { sourceName } from "../knowledge/document.js";
import { formatPublished } from "../knowledge/format-date.js";
import type { Library, LibraryDocument } from "../knowledge/library.js";
import { findTopic, type TopicId } from "../knowledge/topics.js";
import { DAY_IN_MS, dayLabel, londonDayLabel, londonIsoDay, parseIsoDay, publishedSpan } from "./dates.js";
import type { Digest, DigestItem, DigestOptions } from "./digest.js";
import { pickKeySentences } from "./pick-key-sentences.js";
import { groupStories } from "./story-groups.js";

export const DEFAULT_DIGEST_ITEMS = 5;
/** What the weightiest story is worth, in days of freshness. */
const WEIGHT_DAYS = 7;
const MONEY = /£\s?\d/;

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
    intro: introFor(items, candidates.length - merged - sentElsewhere, topic, since),
    items,
    topic,
    since,
  };
}

/** Published on or after `sinceMs` (any day its date may mean counts); undated: added since then. */
function isSince(entry: LibraryDocument, sinceMs: number): boolean {
  const span = publishedSpan(entry.document.published);
  if (span) return span.end >= sinceMs;
  const added = Date.parse(entry.document.addedAt);
  return Number.isFinite(added) && added >= sinceMs;
}

/** Newest and weightiest first, undated stories last (weightiest first among them); ties keep library order. */
export function rankStories(entries: readonly LibraryDocument[]): LibraryDocument[] {
  const scored = entries.map((entry, i) => {
    const start = publishedSpan(entry.document.published)?.start;
    const weight = WEIGHT_DAYS * weightOf(entry);
    return { entry, i, dated: start !== undefined, score: (start ?? 0) / DAY_IN_MS + weight };
  });
  return scored.sort((a, b) => Number(b.dated) - Number(a.dated) || b.score - a.score || a.i - b.i).map((s) => s.entry);
}

/** 0 to 1: a sum of money in the lead, and how many topics the story touches. */
function weightOf(entry: LibraryDocument): number {
  const lead = entry.passages.slice(0, 3).some((p) => MONEY.test(p.text)) || MONEY.test(entry.document.title);
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
    publishedLabel: formatPublished(doc.published),
    url: doc.url,
    topics: mainTopics(entry, topic),
    sources: [entry, ...others].map(({ document: d }) => ({
      documentId: d.id,
      headline: d.title,
      publisher: sourceName(d),
      published: d.published?.value ?? null,
      publishedLabel: formatPublished(d.published),
      url: d.url,
    })),
  };
}

/** The document's topics, most passages first, at most three; the topic asked for leads. */
function mainTopics(entry: LibraryDocument, asked: TopicId | null): TopicId[] {
  const counts = new Map<TopicId, number>();
  for (const p of entry.passages) for (const t of p.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
  const ranked = [...entry.topics].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
  return (asked ? [asked, ...ranked.filter((t) => t !== asked)] : ranked).slice(0, 3);
}

function introFor(items: DigestItem[], available: number, topic: TopicId | null, since: string | null): string {
  const about = topic ? ` on ${topicLabel(topic).toLowerCase()}` : "";
  const when = since ? ` since ${dayLabel(since)}` : "";
  const names = items.slice(0, 2).map((i) => `“${shortHeadline(i.headline)}”`);
  if (available === 0) return `No new stories${about}${when}.`;
  if (available === 1 && names[0]) return `1 new story${about}${when}: ${names[0]}.`;
  const led = names.length > 0 ? `, led by ${names.join(" and ")}` : "";
  const shown = items.length === 1 ? " The top story is below." : ` The top ${items.length} are below.`;
  const top = items.length < available && items.length > 0 ? shown : "";
  return `${available} new stories${about}${when}${led}.${top}`;
}

/** A headline without its attribution tail ("…, NHS leaders say"), to keep the intro to one line. */
export function shortHeadline(headline: string): string {
  return headline.replace(/,\s+[^,]{3,40}\s(?:say|says|said|warn|warns|claim|claims|argue|argues)$/i, "").trim();
}

function topicLabel(topic: TopicId): string {
  return findTopic(topic)?.label ?? topic;
}
