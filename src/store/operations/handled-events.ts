/** Handled-event ids: a replay or a retry of the same event is answered once, across restarts. */

import { checkText } from "../check-text.js";
import { iso, type SqlDriver } from "../sql.js";

/** How long an id is remembered. Slack retries within minutes; a day leaves a wide margin. */
export const EVENT_MEMORY_MS = 24 * 60 * 60 * 1000;

/**
 * True the first time `eventId` is seen within a day. Expired ids are deleted in the same
 * transaction (an index range, usually empty), so the table stays small with no cleaning job.
 * Not audited: it is a replay filter, one row per inbound message, not a change anyone made.
 */
export async function markEventHandled(db: SqlDriver, eventId: string, now: Date): Promise<boolean> {
  checkText("eventId", eventId);
  const handledAt = iso(now);
  const expired = iso(new Date(now.getTime() - EVENT_MEMORY_MS));
  return db.write(async (sql) => {
    await sql("deleteExpiredEvents", [expired]);
    const inserted = await sql("insertHandledEvent", [eventId, handledAt]);
    return inserted.length > 0;
  });
}
