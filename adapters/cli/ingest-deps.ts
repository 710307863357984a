/** The real I/O behind ingestion: a DNS-checking fetch, DNS, the configured URL policy, the clock, the read pool. */

import { lookup } from "node:dns/promises";
import {
  type Actor,
  type Config,
  DEFAULT_FETCH_LIMITS,
  type DocumentReader,
  type HeldDocuments,
  type IngestDeps,
  type Store,
} from "../../src/index.js";
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
