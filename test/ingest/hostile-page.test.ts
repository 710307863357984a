/**
 * A small hostile page on a followed feed (17 KB of 1,500 nested <div>s: Readability needs tens of
 * seconds for it) must not freeze the bot: it is parsed in the read pool's worker thread, refused
 * when over its time budget while the event loop keeps answering, and remembered, so the next poll
 * does not fetch or parse it again. Feeds are polled a few at a time, so a slow one delays no other.
 */

import { afterEach, describe, expect, it } from "vitest";
import type { IngestOutcome } from "../../src/ingest/ingest-outcome.js";
import { pollDueFeeds } from "../../src/ingest/poll-feeds.js";
import { ReadPool } from "../../src/ingest/read-pool.js";
import { FIRST_RETRY_MS } from "../../src/ingest/retry-after.js";
import type { FeedSource } from "../../src/store/store.js";
import { FIXED_NOW } from "../helpers/factories.js";
import { useIngestHarness } from "./ingest-harness.js";

const h = useIngestHarness();
let pool: ReadPool | undefined;

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

/** The longest the event loop went without running a 10 ms timer, while `work` ran. */
async function worstLag(work: () => Promise<unknown>): Promise<number> {
  let worst = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const at = performance.now();
    worst = Math.max(worst, at - last - 10);
    last = at;
  }, 10);
  try {
    await work();
  } finally {
    clearInterval(probe);
  }
  return worst;
}

const failures = (outcomes: IngestOutcome[]) => outcomes.flatMap((o) => (o.status === "failed" ? [o.reason] : []));

describe("a hostile page on a followed feed", () => {
  it("is refused within its budget off the event loop, and not fetched or parsed again at the next poll", async () => {
    pool = new ReadPool({ budgetMs: 3_000, threads: 1, maxHeapMb: 256 });
    const feedUrl = `${h.site.base}/deep.rss`;
    await h.store.saveFeed(feedUrl, "config", FIXED_NOW);
    const poll = async (now: Date) => {
      const [feed] = await h.store.listFeeds();
      return h.ingester({ reader: pool, now: () => now }).pollFeed(feed as FeedSource);
    };

    let first: IngestOutcome[] = [];
    const lag = await worstLag(async () => {
      first = await poll(FIXED_NOW);
    });
    expect(failures(first)).toEqual([expect.stringMatching(/took too long to read \(more than 3 s\)/)]);
    expect(lag).toBeLessThan(200);
    expect(h.site.hits.get("/deep.html")).toBe(1);

    // The next poll, by a new Ingester (as after a restart): the feed is read, the page is not.
    const second = await poll(new Date(FIXED_NOW.getTime() + 15 * 60_000));
    expect(h.site.hits.get("/deep.rss")).toBe(2);
    expect(h.site.hits.get("/deep.html")).toBe(1);
    expect(second).toEqual([
      {
        source: `${h.site.base}/deep.html`,
        status: "waiting",
        reason: expect.stringMatching(
          /^took too long to read .*failed once, latest .*; next try after 2026-11-23T09:00:00/,
        ),
      },
    ]);

    // Once the back-off has passed it is tried again (a fixed page would then be read).
    await poll(new Date(FIXED_NOW.getTime() + FIRST_RETRY_MS + 1));
    expect(h.site.hits.get("/deep.html")).toBe(2);
    const remembered = await h.store.getReadFailure(`${h.site.base}/deep.html`);
    expect(remembered?.failures).toBe(2);

    // The stopped worker was replaced: the same pool reads an ordinary page.
    const ordinary = await h.ingester({ reader: pool }).ingestUrl(`${h.site.base}/a/digital-nurses.html`);
    expect(ordinary.map((o) => o.status)).toEqual(["added"]);
  });

  it("still reads an ordinary article through the pool, and forgets a page's failures once it reads", async () => {
    pool = new ReadPool({ budgetMs: 10_000, threads: 1, maxHeapMb: 256 });
    const page = `${h.site.base}/a/digital-nurses.html`;
    await h.store.recordReadFailure(
      page,
      "the server answered 503",
      new Date(FIXED_NOW.getTime() - 3 * FIRST_RETRY_MS),
    );
    const outcomes = await h.ingester({ reader: pool }).ingestUrl(`${h.site.base}/a/feed.rss`);
    expect(outcomes.map((o) => o.status)).toEqual(["added", "added"]);
    expect(await h.store.getReadFailure(page)).toBeNull();
  });
});

describe("feed polling", () => {
  it("waits out a back-off before fetching again a feed whose body could not be parsed", async () => {
    const feedUrl = `${h.site.base}/broken.rss`;
    await h.store.saveFeed(feedUrl, "config", FIXED_NOW);
    const poll = async (minutes: number) => {
      const [feed] = await h.store.listFeeds();
      return h.ingester({ now: () => new Date(FIXED_NOW.getTime() + minutes * 60_000) }).pollFeed(feed as FeedSource);
    };
    expect((await poll(0)).map((o) => o.status)).toEqual(["failed"]);
    expect((await poll(15)).map((o) => o.status)).toEqual(["waiting"]);
    expect(h.site.hits.get("/broken.rss")).toBe(1);
    expect((await poll(61)).map((o) => o.status)).toEqual(["failed"]);
    expect(h.site.hits.get("/broken.rss")).toBe(2);
    expect((await h.store.getReadFailure(feedUrl))?.failures).toBe(2);
  });

  it("reads feeds a few at a time, so one that hangs does not hold up the others", async () => {
    const feeds = ["slow", "b", "c", "d", "e", "f"].map(
      (url): FeedSource => ({
        url,
        etag: null,
        lastModified: null,
        lastReadAt: null,
        lastError: null,
        checkedAt: null,
        addedBy: "config",
        addedAt: FIXED_NOW,
      }),
    );
    const polled: string[] = [];
    let releaseSlow = () => {};
    const ingester = {
      pollFeed: async (feed: FeedSource): Promise<IngestOutcome[]> => {
        polled.push(feed.url);
        if (feed.url === "slow") await new Promise<void>((resolve) => (releaseSlow = resolve));
        return [{ source: feed.url, status: "not_modified" }];
      },
    };
    const round = pollDueFeeds(ingester, { listFeeds: async () => feeds }, FIXED_NOW, 60_000, 3);
    // All six start while "slow" still hangs: it takes one of the three places, and the others move on.
    await expect.poll(() => polled, { timeout: 2_000, interval: 5 }).toEqual(["slow", "b", "c", "d", "e", "f"]);
    releaseSlow();
    expect((await round).map((o) => o.source)).toEqual(["slow", "b", "c", "d", "e", "f"]);
  });
});
