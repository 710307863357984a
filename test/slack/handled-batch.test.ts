/** The replay record's group commit: keys that arrive together share one durable commit. */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HandledBatch } from "../../adapters/slack/handled-batch.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { FIXED_NOW } from "../helpers/factories.js";

let store: Store;
let dataDir: string;
let commits = 0;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "nhsai-batch-"));
  store = await openStore({ databaseUrl: undefined, dataDir }, FIXED_NOW);
});
afterAll(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const counted = () => ({
  markEventHandled: store.markEventHandled.bind(store),
  markEventsHandled: (ids: readonly string[], now: Date) => {
    commits += 1;
    return store.markEventsHandled(ids, now);
  },
});

describe("HandledBatch", () => {
  it("commits a burst of keys once, answering each: first time or replay", async () => {
    const batch = new HandledBatch(counted(), () => FIXED_NOW);
    commits = 0;
    const answers = await Promise.all(["k1", "k2", "k1", "k3"].map((k) => batch.mark(k)));
    expect(answers).toEqual([true, true, false, true]);
    expect(commits).toBe(1);
    expect(await batch.mark("k2")).toBe(false);
    expect(commits).toBe(2);
  });

  it("fails every key of a batch the store refuses, and recovers for the next", async () => {
    const batch = new HandledBatch(counted(), () => FIXED_NOW);
    await expect(Promise.all([batch.mark("fine"), batch.mark("\u0000")])).rejects.toThrow();
    expect(await batch.mark("fine")).toBe(true);
  });
});
