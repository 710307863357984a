/** What only the embedded store does: a file under DATA_DIR, created on first use, no server. */

import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
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
