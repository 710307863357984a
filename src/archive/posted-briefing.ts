/**
 * A Coffee Time briefing as it was posted, kept for the web archive: the digest's own data (date,
 * intro, items with their outlets, dates and links), never the channel it went to or who asked.
 * Two channels sent the same briefing on the same day share one entry: the id is the day plus a
 * short hash of the content.
 */

import { createHash } from "node:crypto";
import type { Digest, DigestItem } from "../briefings/digest.js";
import type { TopicId } from "../knowledge/topics.js";
import { type DigestReply, link, paragraph } from "../reply.js";

export interface ArchivedBriefing {
  /** "2026-11-23-3f9a1c2b": the briefing's day and a hash of what it said. */
  id: string;
  /** The briefing's day in Europe/London, `YYYY-MM-DD`. */
  date: string;
  title: string;
  intro: string;
  /** The topic the briefing was narrowed to, if any. */
  topic: TopicId | null;
  items: DigestItem[];
}

export interface PostedBriefing extends ArchivedBriefing {
  /** When it was first posted anywhere. */
  firstPostedAt: Date;
}

/** An archive id as the pages accept it: a day, a dash and eight hex digits. */
export const ARCHIVE_ID = /^\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/;

/** The digest as the archive keeps it, with its content-derived id. */
export function archivedBriefingOf(digest: Digest): ArchivedBriefing {
  const content = {
    date: digest.date,
    title: digest.title,
    intro: digest.intro,
    topic: digest.topic,
    items: digest.items,
  };
  const hash = createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 8);
  return { id: `${digest.date}-${hash}`, ...content };
}

/** Every topic the briefing's items carry, in first-seen order. */
export function topicsOf(briefing: Pick<ArchivedBriefing, "items">): TopicId[] {
  return [...new Set(briefing.items.flatMap((item) => item.topics))];
}

/** The archive page of briefing `id` under the public base URL (PUBLIC_URL). */
export function archivePageUrl(publicUrl: string, id: string): string {
  return new URL(`briefings/${encodeURIComponent(id)}`, publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`).href;
}

/**
 * The posted reply with a last paragraph linking to its archive page: a plain link run, so every
 * renderer (Slack, Teams, the terminal) shows it without knowing about the archive.
 */
export function withViewInBrowser(reply: DigestReply, pageUrl: string): DigestReply {
  return {
    ...reply,
    sections: [...reply.sections, { heading: null, blocks: [paragraph(link("View in browser", pageUrl))] }],
  };
}
