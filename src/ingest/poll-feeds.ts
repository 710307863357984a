/**
 * One round of feed polling, as `nhsai serve` runs it on a schedule. Replicas share the feeds
 * table: a feed checked by any replica within most of an interval is skipped, so several replicas
 * do not all read every feed (a rare double read is harmless: documents are stored once).
 */

import type { Feeds } from "../store/store.js";
import type { IngestOutcome } from "./ingest-outcome.js";
import type { Ingester } from "./ingester.js";

export async function pollDueFeeds(
  ingester: Pick<Ingester, "pollFeed">,
  store: Pick<Feeds, "listFeeds">,
  now: Date,
  intervalMs: number,
): Promise<IngestOutcome[]> {
  const due = (await store.listFeeds()).filter(
    (feed) => !feed.checkedAt || now.getTime() - feed.checkedAt.getTime() >= intervalMs * 0.9,
  );
  const outcomes: IngestOutcome[] = [];
  for (const feed of due) outcomes.push(...(await ingester.pollFeed(feed)));
  return outcomes;
}
