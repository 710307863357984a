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
  const [first] = await markEventsHandled(db, [eventId], now);
  return first === true;
}

/**
 * The same for several ids in one transaction (one durable commit for a burst of requests): for
 * each id, in order, whether this was its first time. An id twice in the list is first once.
 */
export async function markEventsHandled(db: SqlDriver, eventIds: readonly string[], now: Date): Promise<boolean[]> {
  for (const eventId of eventIds) checkText("eventId", eventId);
  if (eventIds.length === 0) return [];
  const handledAt = iso(now);
  const expired = iso(new Date(now.getTime() - EVENT_MEMORY_MS));
  return db.write(async (sql) => {
    await sql("deleteExpiredEvents", [expired]);
    const firsts: boolean[] = [];
    for (const eventId of eventIds) firsts.push((await sql("insertHandledEvent", [eventId, handledAt])).length > 0);
    return firsts;
  });
}
