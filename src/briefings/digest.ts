/**
 * The Coffee Time briefing as data: what `nhsai digest --json` prints (docs/commands.md) and what
 * the scheduled posts are rendered from.
 */

import type { TopicId } from "../knowledge/topics.js";

/** One outlet's telling of a story; the item's own fields are the first source's. */
interface DigestSource {
  documentId: string;
  headline: string;
  publisher: string;
  published: string | null;
  publishedLabel: string;
  url: string | null;
}

export interface DigestItem {
  documentId: string;
  headline: string;
  /** One or two of the article's own sentences, at most 60 words. */
  summary: string;
  publisher: string;
  /** The date at its precision: "2024-07-02", "2023-10", "2023", or null when unknown. */
  published: string | null;
  /** The same date as people read it: "2 July 2024", "October 2023", "2023", or for an undated story "added 3 December 2026". */
  publishedLabel: string;
  url: string | null;
  /** The article's main topics, most covered first (at most three). */
  topics: TopicId[];
  /**
   * Every outlet that ran this story, the item's own article first: the same story from several
   * outlets is one item. A story from one outlet has one source.
   */
  sources: DigestSource[];
}

export interface Digest {
  /** "☕ Coffee Time Briefing — Monday 23 November 2026" (the day in Europe/London). */
  title: string;
  /** The briefing's day in Europe/London, `YYYY-MM-DD`. */
  date: string;
  /** One line naming the main stories, or saying plainly that there is nothing new. */
  intro: string;
  items: DigestItem[];
  /** The topic the briefing was narrowed to, if any. */
  topic: TopicId | null;
  /** Only articles published on or after this day (`YYYY-MM-DD`), if set. */
  since: string | null;
}

export interface DigestOptions {
  topic?: TopicId | null;
  /** Only articles on any of these topics (a channel's subscription); empty or unset: all. */
  topics?: readonly TopicId[];
  /** `YYYY-MM-DD`. */
  since?: string | null;
  /** Default 5. */
  maxItems?: number;
}
