/** Handled-event ids: a replay or a retry of the same event is answered once, across restarts. */

import { checkText } from "../check-text.js";
import { iso, type SqlDriver } from "../sql.js";

/** How long an id is remembered. Slack retries within minutes; a day leaves a wide margin. */
const EVENT_MEMORY_MS = 24 * 60 * 60 * 1000;

/** Expired ids are deleted at most this often per connection; between deletions they only wait. */
const EXPIRY_SWEEP_MS = 60_000;

/**
 * True the first time `eventId` is seen within a day. An id whose record has expired counts as
 * new even before it is deleted (the insert overwrites an expired record), so expiry is exact
 * whenever the deletion runs; expired ids are deleted in a write's transaction (an index range)
 * at most once a minute per connection, so the table stays small with no cleaning job, and the
 * commits in between (a burst of requests) skip the DELETE.
 * Not audited: it is a replay filter, one row per inbound message, not a change anyone made.
 */
export async function markEventHandled(db: SqlDriver, eventId: string, now: Date): Promise<boolean> {
  const [first] = await markEventsHandled(db, [eventId], now);
  return first === true;
}

/** When each connection last deleted expired ids (in the callers' time). */
const sweptAt = new WeakMap<SqlDriver, number>();

function sweepDue(db: SqlDriver, now: Date): boolean {
  const last = sweptAt.get(db);
  // A clock set back counts as due: the sweep is only cleaning, never what decides a replay.
  return last === undefined || now.getTime() - last >= EXPIRY_SWEEP_MS || now.getTime() < last;
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
  const sweep = sweepDue(db, now);
  // Committed without waiting for the disk (it waits for the OS): the record outlives a crash or
  // restart of nhsai, and only a crash of the machine itself in the moments after could lose it,
  // costing at most one repeated answer. An fsync per burst would halve Slack's throughput.
  const firsts = await db.write(
    async (sql, changes) => {
      if (sweep) await sql("deleteExpiredEvents", [expired]);
      const firsts: boolean[] = [];
      // A plain insert counted by its changed rows: libSQL's RETURNING costs ~2.5× as much.
      for (const eventId of eventIds)
        firsts.push((await changes("insertHandledEvent", [eventId, handledAt, expired])) > 0);
      return firsts;
    },
    { survives: "process_crash" },
  );
  if (sweep) sweptAt.set(db, now.getTime());
  return firsts;
}
