/**
 * Opens the store the configuration names: PostgreSQL when DATABASE_URL is set, else the embedded
 * store under DATA_DIR. Each backend is imported only when chosen, so neither driver loads for
 * the other, and nothing here is on the `nhsai ask` path.
 */

import type { Store } from "./store.js";

export interface StoreLocation {
  /** DATABASE_URL, when set. */
  databaseUrl?: string | undefined;
  /** DATA_DIR, for the embedded store. */
  dataDir: string;
}

/** Creates and migrates as needed; throws StoreVersionError or StoreUnavailableError with one plain line. */
export async function openStore(where: StoreLocation, now: Date): Promise<Store> {
  if (where.databaseUrl) {
    const { openPostgresStore } = await import("./postgres/open-postgres-store.js");
    return openPostgresStore({ databaseUrl: where.databaseUrl, now });
  }
  const { openEmbeddedStore } = await import("./embedded/open-embedded-store.js");
  return openEmbeddedStore({ dataDir: where.dataDir, now });
}
