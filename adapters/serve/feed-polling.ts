/**
 * `nhsai serve`'s ingestion loop: FEEDS followed at start, every followed feed polled each
 * FEEDS_POLL_MINUTES (the first poll at once), and the library refreshed from the store every
 * minute, so documents stored by other replicas reach the next briefing here even with no message.
 */

import {
  type BriefingService,
  type Config,
  describeOutcome,
  type IngestOutcome,
  type Logger,
  loadIngester,
  pollDueFeeds,
  ReadPool,
  type Store,
} from "../../src/index.js";
import { ingestDeps } from "../cli/ingest-deps.js";

const REFRESH_MS = 60_000;

export interface FeedPolling {
  stop(): Promise<void>;
}

export async function startFeedPolling(
  config: Config,
  store: Store,
  service: BriefingService,
  log: Logger,
  /** Told after each poll round: every feed's outcome, or null when the round itself failed. */
  onPoll: (outcomes: readonly IngestOutcome[] | null) => void = () => {},
): Promise<FeedPolling> {
  const now = () => new Date();
  for (const url of config.FEEDS) await store.saveFeed(url, "config", now());
  const added = await service.refreshLibrary(now());
  log.info("library_loaded", { stored: added, documents: service.library.all().length });

  const intervalMs = config.FEEDS_POLL_MINUTES * 60_000;
  const reader = new ReadPool();
  const ingester = new (await loadIngester())(ingestDeps(config, store, service.library, "feeds", reader));
  let polling: Promise<void> | null = null;
  const poll = () => {
    if (polling) return; // a slow round is still going: skip this tick rather than overlap
    polling = pollDueFeeds(ingester, store, now(), intervalMs)
      .then((outcomes) => {
        for (const outcome of outcomes) {
          if (outcome.status === "failed")
            log.warn("ingest_failed", { source: outcome.source, reason: outcome.reason });
          else if (outcome.status === "added") log.info("ingest_added", { line: describeOutcome(outcome) });
          else if (outcome.status === "waiting")
            log.debug("ingest_waiting", { source: outcome.source, reason: outcome.reason });
        }
        onPoll(outcomes);
      })
      .catch((error: unknown) => {
        log.error("feed_poll_failed", { error: String(error) });
        onPoll(null);
      })
      .finally(() => {
        polling = null;
      });
  };
  const refresh = () => {
    service
      .refreshLibrary(now())
      .catch((error: unknown) => log.warn("library_refresh_failed", { error: String(error) }));
  };
  const timers = [setInterval(poll, intervalMs), setInterval(refresh, REFRESH_MS)];
  for (const timer of timers) timer.unref();
  poll();
  return {
    stop: async () => {
      for (const timer of timers) clearInterval(timer);
      await polling;
      await reader.close();
    },
  };
}
