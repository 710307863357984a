/**
 * The embedded store on a bad day: another process holding the write lock, pages damaged on disk,
 * a full disk. Each costs a bounded, explained failure, and health() tells the truth about it.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "libsql";
import { afterEach, describe, expect, it } from "vitest";
import { LOCK_WAIT_MS } from "../../src/store/embedded/embedded-driver.js";
import { openEmbeddedStore } from "../../src/store/embedded/open-embedded-store.js";
import { MIN_FREE_BYTES } from "../../src/store/operations/health.js";
import type { SubscriptionInput } from "../../src/store/store.js";
import { canMountTmpfs, corruptPages, fillDisk, mountTmpfs } from "../helpers/disk-faults.js";
import { makeDocument, paragraphs } from "../helpers/factories.js";
import { T0 } from "./harness.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "nhsai-faults-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const weekly: SubscriptionInput = {
  platform: "slack",
  channelId: "C1",
  topics: [],
  whenNothingNew: "silent",
  review: false,
  schedule: "mondays 9am",
  timeZone: "Europe/London",
};

/** The longest the event loop went without a turn while `work` ran, in ms. */
async function longestStall<T>(work: Promise<T>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    await work.catch(() => undefined);
  } finally {
    clearInterval(ticker);
  }
  return Math.max(longest, performance.now() - last);
}

describe("the embedded store with its lock held by another connection", () => {
  it("fails a write after about LOCK_WAIT_MS, naming the lock, without stalling the event loop", async () => {
    const dataDir = tempDir();
    const store = await openEmbeddedStore({ dataDir, now: T0 });
    cleanups.push(() => void store.close());
    const other = new Database(join(dataDir, "nhsai.db"));
    other.exec("BEGIN EXCLUSIVE");
    cleanups.push(() => other.close());

    const started = performance.now();
    const writes = [1, 2, 3, 4].map((n) => store.saveSubscription({ ...weekly, channelId: `C${n}` }, "cli", T0));
    const stall = await longestStall(Promise.allSettled(writes));
    const elapsed = performance.now() - started;
    for (const write of writes)
      await expect(write).rejects.toMatchObject({ code: expect.stringMatching(/^SQLITE_BUSY/) });
    // Queued writes share the wait: four take as long as one, not four times as long.
    expect(elapsed).toBeGreaterThanOrEqual(LOCK_WAIT_MS - 50);
    expect(elapsed).toBeLessThan(LOCK_WAIT_MS + 500);
    expect(stall).toBeLessThan(100);
    expect(await store.health()).toMatchObject({ state: "unreachable", problem: expect.stringContaining("locked") });

    other.exec("ROLLBACK");
    await store.saveSubscription(weekly, "cli", T0);
    expect((await store.health()).state).toBe("ok");
  });
});

describe("the embedded store with damaged pages", () => {
  it("says damaged at an integrity check, though its header is intact and the probe write succeeds", async () => {
    const dataDir = tempDir();
    const file = join(dataDir, "nhsai.db");
    const store = await openEmbeddedStore({ dataDir, now: T0 });
    for (let i = 0; i < 60; i++) {
      const text = `Trust ${i} reports on its electronic patient record rollout and the lessons learned. `.repeat(20);
      await store.addDocument(makeDocument({ id: `doc-${i}`, paragraphs: paragraphs(text) }), "cli", T0);
    }
    await store.close();
    expect(corruptPages(file)).toBeGreaterThan(10);

    const damaged = await openEmbeddedStore({ dataDir, now: T0 });
    cleanups.push(() => void damaged.close());
    expect((await damaged.health()).state).toBe("ok");
    const checked = await damaged.health({ integrity: true });
    expect(checked.state).toBe("damaged");
    expect(checked.problem).toMatch(/damaged .*restore it from a backup/s);
  });
});

const TMPFS_MB = 48;

describe("the embedded store on a full disk", () => {
  it.skipIf(!canMountTmpfs)(
    "says disk_full in health and fails a write in plain words (skipped where tmpfs cannot be mounted)",
    async () => {
      const disk = mountTmpfs(TMPFS_MB);
      cleanups.push(disk.remove);
      const dataDir = disk.dir;
      const store = await openEmbeddedStore({ dataDir, now: T0 });
      cleanups.push(() => void store.close());
      expect(await store.health()).toMatchObject({ state: "ok", freeBytes: expect.any(Number) });

      const filler = fillDisk(dataDir, TMPFS_MB);
      const health = await store.health();
      expect(health.freeBytes).toBeLessThan(MIN_FREE_BYTES);
      expect(health).toMatchObject({ state: "disk_full", problem: expect.stringMatching(/full/) });
      const big = makeDocument({ id: "big", paragraphs: paragraphs("A long report. ".repeat(20_000)) });
      await expect(store.addDocument(big, "cli", T0)).rejects.toMatchObject({
        code: expect.stringMatching(/^SQLITE_FULL/),
      });

      rmSync(filler);
      expect((await store.health()).state).toBe("ok");
    },
  );
});
