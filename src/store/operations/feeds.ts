/** Feeds the bot follows, with the ETag / Last-Modified each read left for the next conditional GET. */

import { checkText } from "../check-text.js";
import { dateOf, iso, optionalTextOf, type Row, type SqlDriver, textOf } from "../sql.js";
import type { Actor, Change, FeedRead, FeedSource } from "../store.js";
import { appendAudit } from "./audit.js";

export async function saveFeed(db: SqlDriver, url: string, who: Actor, now: Date): Promise<Change> {
  checkText("feed url", url);
  checkText("who", who);
  return db.write(async (sql) => {
    const inserted = await sql("insertFeed", [url, who, iso(now)]);
    if (inserted.length === 0) return "unchanged";
    await appendAudit(sql, { now, who, action: "feed.added", subject: `feed:${url}` });
    return "added";
  });
}

export async function removeFeed(db: SqlDriver, url: string, who: Actor, now: Date): Promise<boolean> {
  checkText("feed url", url);
  checkText("who", who);
  return db.write(async (sql) => {
    const deleted = await sql("deleteFeed", [url]);
    if (deleted.length === 0) return false;
    await appendAudit(sql, { now, who, action: "feed.removed", subject: `feed:${url}` });
    return true;
  });
}

export async function listFeeds(db: SqlDriver): Promise<FeedSource[]> {
  const rows = await db.read((sql) => sql("listFeeds"));
  return rows.map(toFeed);
}

export async function recordFeedRead(
  db: SqlDriver,
  url: string,
  outcome: FeedRead | { error: string },
  now: Date,
): Promise<void> {
  checkText("feed url", url);
  await db.write(async (sql) => {
    if ("error" in outcome) await sql("markFeedFailed", [checkText("feed error", outcome.error), iso(now), url]);
    else await sql("markFeedRead", [outcome.etag, outcome.lastModified, iso(now), iso(now), url]);
  });
}

function toFeed(row: Row): FeedSource {
  const optionalDate = (column: string) => (row[column] === null ? null : dateOf(row, column));
  return {
    url: textOf(row, "url"),
    etag: optionalTextOf(row, "etag"),
    lastModified: optionalTextOf(row, "last_modified"),
    lastReadAt: optionalDate("last_read_at"),
    lastError: optionalTextOf(row, "last_error"),
    checkedAt: optionalDate("checked_at"),
    addedBy: textOf(row, "added_by"),
    addedAt: dateOf(row, "added_at"),
  };
}
