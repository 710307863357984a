/** Briefings as posted, for the web archive: one row per distinct briefing, written once. */

import type { ArchivedBriefing, PostedBriefing } from "../../archive/posted-briefing.js";
import { checkLimit, checkText } from "../check-text.js";
import { dateOf, iso, numberOf, type Row, type SqlDriver, textOf } from "../sql.js";
import type { Actor, Change } from "../store.js";
import { StoreInputError } from "../store-errors.js";
import { appendAudit } from "./audit.js";
import { toJsonText } from "./json-text.js";

export async function recordPostedBriefing(
  db: SqlDriver,
  briefing: ArchivedBriefing,
  who: Actor,
  now: Date,
): Promise<Change> {
  checkText("briefing id", briefing.id);
  checkText("who", who);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(briefing.date)) throw new StoreInputError("briefing date must be YYYY-MM-DD");
  const { id, ...content } = briefing;
  const body = toJsonText("briefing", content);
  return db.write(async (sql) => {
    const inserted = await sql("insertPostedBriefing", [id, briefing.date, body, iso(now)]);
    if (inserted.length === 0) return "unchanged";
    await appendAudit(sql, { now, who, action: "briefing.archived", subject: `briefing:${id}` });
    return "added";
  });
}

export async function getPostedBriefing(db: SqlDriver, id: string): Promise<PostedBriefing | null> {
  checkText("briefing id", id);
  const [row] = await db.read((sql) => sql("getPostedBriefing", [id]));
  return row ? toPostedBriefing(row) : null;
}

export async function listPostedBriefings(
  db: SqlDriver,
  options: { limit?: number; offset?: number } = {},
): Promise<{ briefings: PostedBriefing[]; total: number }> {
  const limit = checkLimit(options.limit, 20, 100);
  const offset = options.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) throw new StoreInputError("offset must be a whole number of at least 0");
  return db.read(async (sql) => {
    const rows = await sql("listPostedBriefings", [limit, offset]);
    const [count] = await sql("countPostedBriefings");
    return { briefings: rows.map(toPostedBriefing), total: count ? numberOf(count, "n") : 0 };
  });
}

function toPostedBriefing(row: Row): PostedBriefing {
  const content = JSON.parse(textOf(row, "body")) as Omit<ArchivedBriefing, "id">;
  return { id: textOf(row, "id"), ...content, firstPostedAt: dateOf(row, "first_posted_at") };
}
