/** What only the embedded store does: a file under DATA_DIR, created on first use, no server. */

import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDatabase, EmbeddedDriver } from "../../src/store/embedded/embedded-driver.js";
import { openEmbeddedStore, openMemoryStore } from "../../src/store/embedded/open-embedded-store.js";
import { openStore } from "../../src/store/open-store.js";
import { StoreUnavailableError } from "../../src/store/store-errors.js";
import { T0 } from "./harness.js";

let dir: string;
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  dir = mkdtempSync(join(tmpdir(), "nhsai-embedded-"));
  return dir;
};

describe("the embedded store", () => {
  it("is the default: created with its folders under DATA_DIR on first use", async () => {
    const dataDir = join(tempDir(), "nested", "data");
    const store = await openStore({ dataDir }, T0);
    expect(store.backend).toBe("embedded");
    expect(store.location).toBe(join(dataDir, "nhsai.db"));
    expect(existsSync(join(dataDir, "nhsai.db"))).toBe(true);
    await store.close();
  });

  it("says in plain words when DATA_DIR is a file", async () => {
    const file = join(tempDir(), "not-a-folder");
    writeFileSync(file, "x");
    const opening = openEmbeddedStore({ dataDir: file, now: T0 });
    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(opening).rejects.toThrow(
      `DATA_DIR ${file} cannot hold the embedded store: it is a file, not a folder`,
    );
  });

  it("says in plain words when the file there is not a store", async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, "nhsai.db"), "this is not a database, just some text. ".repeat(200));
    await expect(openEmbeddedStore({ dataDir, now: T0 })).rejects.toThrow(
      /nhsai\.db is not an nhsai store or is damaged/,
    );
  });

  it("commits replay records without an fsync but keeps every other commit durable (synchronous=FULL)", async () => {
    const store = await openEmbeddedStore({ dataDir: tempDir(), now: T0 });
    expect(await store.markEventsHandled(["EvA", "EvB"], T0)).toEqual([true, true]);
    const health = await store.health();
    expect(health.durability).toMatch(/synchronous=FULL/);
    await store.close();
  });

  it("runs each commit at its own setting: relaxed replay records, then a full one, then relaxed again", async () => {
    const dataDir = tempDir();
    const store = await openEmbeddedStore({ dataDir, now: T0 });
    const path = join(dataDir, "nhsai.db");
    const shared = acquireDatabase(path);
    const driver = new EmbeddedDriver(shared, path);
    const setting = () =>
      Number((shared.db.prepare("PRAGMA synchronous").get() as { synchronous: number }).synchronous);
    const FULL = 2;
    const NORMAL = 1;
    expect(await store.markEventsHandled(["EvA"], T0)).toEqual([true]);
    expect(await driver.write(async () => setting())).toBe(FULL);
    expect(await driver.write(async () => setting(), { survives: "process_crash" })).toBe(NORMAL);
    expect(await driver.write(async () => setting(), { survives: "process_crash" })).toBe(NORMAL);
    expect(await driver.write(async () => setting(), { survives: "machine_crash" })).toBe(FULL);
    expect(await store.markEventsHandled(["EvB"], T0)).toEqual([true]);
    expect((await store.health()).durability).toMatch(/synchronous=FULL/);
    await driver.close();
    await store.close();
  });

  it("checkpoints the WAL from a worker thread once a process commits often, not on the event loop", async () => {
    const dataDir = tempDir();
    const store = await openEmbeddedStore({ dataDir, now: T0 });
    const file = join(dataDir, "nhsai.db");
    const before = statSync(file).size;
    // Under the default threshold (1,000 pages) the main connection never checkpoints here, and
    // past 200 commits its threshold is raised: the file can only grow through the worker.
    for (let i = 0; i < 250; i++) await store.markEventsHandled([`EvCheckpoint-${i}-a`, `EvCheckpoint-${i}-b`], T0);
    const deadline = Date.now() + 15_000;
    while (statSync(file).size === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(statSync(file).size).toBeGreaterThan(before);
    expect((await store.health()).durability).toMatch(/synchronous=FULL/);
    await store.close();
  }, 20_000);

  it("shares one connection between stores on one file in a process, so they never deadlock", async () => {
    const dataDir = tempDir();
    const [a, b] = [await openEmbeddedStore({ dataDir, now: T0 }), await openEmbeddedStore({ dataDir, now: T0 })];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).claimDelivery("sub", "slot", `replica-${i % 2}`, T0)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    await a.close();
    expect(await b.markEventHandled("still-open", T0)).toBe(true);
    await b.close();
  });

  it("can live in memory, each such store its own, for tests and trials", async () => {
    const [a, b] = [await openMemoryStore(T0), await openMemoryStore(T0)];
    expect(await a.markEventHandled("Ev1", T0)).toBe(true);
    expect(await b.markEventHandled("Ev1", T0)).toBe(true);
    expect((await a.health()).durable).toBe(false);
    await Promise.all([a.close(), b.close()]);
    dir = "";
  });
});
