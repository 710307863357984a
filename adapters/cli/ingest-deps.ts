/** The real I/O behind ingestion: a DNS-checking fetch, DNS, the configured URL policy, the clock, the read pool. */

import { lookup } from "node:dns/promises";
import type { Config } from "../../src/config.js";
import { DEFAULT_FETCH_LIMITS } from "../../src/ingest/fetch-safely.js";
import type { HeldDocuments } from "../../src/ingest/held-documents.js";
import type { IngestDeps } from "../../src/ingest/ingester.js";
import type { DocumentReader } from "../../src/ingest/read-task.js";
import type { Actor, Store } from "../../src/store/store.js";
import { guardedFetch } from "./guarded-fetch.js";

/** Every address the host resolves to: each one is checked, not just the first. */
async function resolveHost(host: string): Promise<string[]> {
  return (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
}

export function ingestDeps(
  config: Config,
  store: Store,
  library: HeldDocuments,
  who: Actor,
  reader: DocumentReader,
): IngestDeps {
  return {
    store,
    library,
    reader,
    fetch: guardedFetch(config.INGEST_ALLOW_PRIVATE),
    resolve: resolveHost,
    allowPrivate: config.INGEST_ALLOW_PRIVATE,
    limits: DEFAULT_FETCH_LIMITS,
    now: () => new Date(),
    who,
  };
}
