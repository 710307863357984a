/**
 * Per-test set-up for the ingestion tests: the loopback news site, an in-memory store with the
 * real schema, the seed library, and an Ingester over them (loopback allowed, as INGEST_ALLOW_PRIVATE=1).
 */

import { afterEach, beforeEach } from "vitest";
import { DEFAULT_FETCH_LIMITS } from "../../src/ingest/fetch-safely.js";
import { type IngestDeps, Ingester } from "../../src/ingest/ingester.js";
import { inThisThread } from "../../src/ingest/read-task.js";
import type { Library } from "../../src/knowledge/library.js";
import { openMemoryStore } from "../../src/store/embedded/open-embedded-store.js";
import type { Store } from "../../src/store/store.js";
import { FIXED_NOW, seedLibrary } from "../helpers/factories.js";
import { type FixtureSite, startFixtureSite } from "./fixture-site.js";

export interface IngestHarness {
  site: FixtureSite;
  store: Store;
  library: Library;
  ingester(overrides?: Partial<IngestDeps>): Ingester;
}

/** Registers the hooks; the returned object's fields are fresh in each test. */
export function useIngestHarness(limits: Partial<IngestDeps["limits"]> = {}): IngestHarness {
  const harness = {} as IngestHarness;
  beforeEach(async () => {
    harness.site = await startFixtureSite();
    harness.store = await openMemoryStore(FIXED_NOW);
    harness.library = seedLibrary();
    harness.ingester = (overrides = {}) =>
      new Ingester({
        store: harness.store,
        library: harness.library,
        fetch,
        resolve: async () => ["127.0.0.1"],
        allowPrivate: true,
        limits: { ...DEFAULT_FETCH_LIMITS, timeoutMs: 3_000, maxBytes: 256 * 1024, ...limits },
        now: () => FIXED_NOW,
        who: "cli",
        reader: inThisThread,
        ...overrides,
      });
  });
  afterEach(async () => {
    await harness.site.close();
    await harness.store.close();
  });
  return harness;
}
