/** The store's health for `nhsai doctor` and `/healthz`: reachable, migrated, writable. */

import { numberOf, type SqlDriver } from "../sql.js";
import type { StoreHealth } from "../store.js";

/** Never throws: a failure becomes a state and plain words. */
export async function checkHealth(db: SqlDriver, expectedVersion: number): Promise<StoreHealth> {
  const base = { backend: db.backend, expectedVersion, durable: false, durability: "unknown" };
  let schemaVersion: number | null = null;
  try {
    const rows = await db.read((sql) => sql("schemaVersion"));
    schemaVersion = rows[0] && rows[0].version !== null ? numberOf(rows[0], "version") : 0;
    const { durable, settings } = await db.durability();
    Object.assign(base, { durable, durability: settings });
    // A write that is rolled back: proves the lock can be taken and the data written.
    await db.write((sql) => sql("probeWrite"), { rollback: true });
  } catch (error) {
    const { state, problem } = db.explain(error);
    return { ...base, state, schemaVersion, problem };
  }
  if (schemaVersion < expectedVersion) {
    const problem = `the store is at schema version ${schemaVersion}, older than this nhsai's ${expectedVersion}; restart nhsai to migrate it`;
    return { ...base, state: "not_migrated", schemaVersion, problem };
  }
  if (schemaVersion > expectedVersion) {
    const problem = `a newer nhsai has migrated the store to schema version ${schemaVersion} (this one knows ${expectedVersion}); upgrade this replica`;
    return { ...base, state: "newer_schema", schemaVersion, problem };
  }
  return { ...base, state: "ok", schemaVersion, problem: null };
}
