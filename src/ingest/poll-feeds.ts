/**
 * One round of feed polling, as `nhsai serve` runs it on a schedule. Replicas share the feeds
 * table: a feed checked by any replica within most of an interval is skipped, so several replicas
 * do not all read every feed (a rare double read is harmless: documents are stored once). Feeds
 * are read a few at a time, so one slow feed (pages that trickle until the fetch deadline) holds
 * up only its own lane, not every other feed behind it.
 */

import type { Feeds } from "../store/store.js";
import type { IngestOutcome } from "./ingest-outcome.js";
import type { Ingester } from "./ingester.js";

/** Feeds read at the same time in one round. */
const FEEDS_AT_ONCE = 4;

export async function pollDueFeeds(
  ingester: Pick<Ingester, "pollFeed">,
  store: Pick<Feeds, "listFeeds">,
  now: Date,
  intervalMs: number,
  atOnce = FEEDS_AT_ONCE,
): Promise<IngestOutcome[]> {
  const due = (await store.listFeeds()).filter(
    (feed) => !feed.checkedAt || now.getTime() - feed.checkedAt.getTime() >= intervalMs * 0.9,
  );
  const results: IngestOutcome[][] = [];
  let next = 0;
  const lane = async () => {
    while (next < due.length) {
      const at = next++;
      const feed = due[at];
      if (feed) results[at] = await ingester.pollFeed(feed);
    }
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, due.length) }, lane));
  // In the feeds' own order, whichever finished first.
  return results.flat();
}
