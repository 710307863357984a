/** Group commit, as the replay record and the conversation memory use it: what arrives together shares one commit. */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedMemory } from "../../src/conversation/memory.js";
import { GroupCommit } from "../../src/store/group-commit.js";
import { openStore } from "../../src/store/open-store.js";
import type { HandledEvents, Store } from "../../src/store/store.js";
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

/** What the Slack replay guard does with the store: a key's first time, or a copy. */
function replayMarks(events: HandledEvents) {
  const group = new GroupCommit((keys: string[]) => events.markEventsHandled(keys, FIXED_NOW));
  return { mark: (key: string) => group.add(key) };
}

describe("GroupCommit of replay keys", () => {
  it("commits a burst of keys once, answering each: first time or replay", async () => {
    const batch = replayMarks(counted());
    commits = 0;
    const answers = await Promise.all(["k1", "k2", "k1", "k3"].map((k) => batch.mark(k)));
    expect(answers).toEqual([true, true, false, true]);
    expect(commits).toBe(1);
    expect(await batch.mark("k2")).toBe(false);
    expect(commits).toBe(2);
  });

  it("while one batch is being written, gathers the keys of later turns into the next, each answered once committed", async () => {
    const batches: string[][] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = {
      markEventHandled: store.markEventHandled.bind(store),
      markEventsHandled: async (ids: readonly string[], now: Date) => {
        batches.push([...ids]);
        if (batches.length === 1) await held;
        return store.markEventsHandled(ids, now);
      },
    };
    const batch = replayMarks(slow);
    const first = batch.mark("w1");
    const answered: string[] = [];
    const later = ["w2", "w3", "w1"].map(async (key, i) => {
      // Each in its own turn of the event loop, as requests on separate connections arrive.
      for (let turn = 0; turn <= i; turn++) await new Promise((r) => setImmediate(r));
      const outcome = await batch.mark(key);
      answered.push(key);
      return outcome;
    });
    for (let turn = 0; turn < 5; turn++) await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([["w1"]]);
    expect(answered).toEqual([]);
    release();
    expect(await first).toBe(true);
    expect(await Promise.all(later)).toEqual([true, true, false]);
    expect(batches).toEqual([["w1"], ["w2", "w3", "w1"]]);
  });

  it("fails every key of a batch the store refuses, and recovers for the next", async () => {
    const batch = replayMarks(counted());
    await expect(Promise.all([batch.mark("fine"), batch.mark("\u0000")])).rejects.toThrow();
    expect(await batch.mark("fine")).toBe(true);
  });
});

describe("GroupCommit of conversation memories", () => {
  it("saves the memories of replies given together in one transaction, each readable once its save resolves", async () => {
    let saves = 0;
    const counting = {
      ...store,
      saveConversationMemories: (entries: Parameters<Store["saveConversationMemories"]>[0], now: Date) => {
        saves += 1;
        return store.saveConversationMemories(entries, now);
      },
    };
    const memory = storedMemory(counting);
    await Promise.all(
      ["slack:D1", "slack:D2", "slack:D1"].map((key, i) =>
        memory.remember(key, { kind: "briefing", topic: "funding", all: i === 2 }, FIXED_NOW),
      ),
    );
    expect(saves).toBe(1);
    expect(await memory.recall("slack:D1", FIXED_NOW)).toEqual({ kind: "briefing", topic: "funding", all: true });
    expect(await memory.recall("slack:D2", FIXED_NOW)).toEqual({ kind: "briefing", topic: "funding", all: false });
  });
});
