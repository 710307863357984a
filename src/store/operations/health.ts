/** The store's health for `nhsai doctor` and `/healthz`: reachable, migrated, writable, room to grow, sound. */

import { iso, numberOf, type SqlDriver } from "../sql.js";
import type { HealthOptions, StoreHealth } from "../store.js";

/**
 * Below this much free space the store is reported full: SQLite needs room for the WAL and for
 * its journal while checkpointing, and a write that fails for space fails the person who asked.
 */
export const MIN_FREE_BYTES = 16 * 1024 * 1024;

/** How long `integrity` may read pages before the check is given up (not taken as damage). */
const INTEGRITY_TIMEOUT_MS = 30_000;

/** Never throws: a failure becomes a state and plain words. */
export async function checkHealth(
  db: SqlDriver,
  expectedVersion: number,
  options: HealthOptions = {},
): Promise<StoreHealth> {
  const found: Omit<StoreHealth, "state" | "problem"> = {
    backend: db.backend,
    expectedVersion,
    schemaVersion: null,
    durable: false,
    durability: "unknown",
    freeBytes: null,
  };
  try {
    const rows = await db.read((sql) => sql("schemaVersion"));
    found.schemaVersion = rows[0] && rows[0].version !== null ? numberOf(rows[0], "version") : 0;
    const { durable, settings } = await db.durability();
    found.durable = durable;
    found.durability = settings;
    found.freeBytes = (await db.freeBytes?.()) ?? null;
    // A real write that commits (the probe row's time; nothing else is touched): proves the lock
    // can be taken and a commit reaches the disk, where a rolled-back write would prove neither.
    await db.write(async (_sql, changes) => {
      if ((await changes("probeWrite", [iso(new Date())])) !== 1) throw new Error("the store's probe row is missing");
    });
  } catch (error) {
    return { ...found, ...db.explain(error) };
  }
  const { schemaVersion, freeBytes } = found;
  if (freeBytes !== null && freeBytes < MIN_FREE_BYTES) {
    const problem = `only ${Math.floor(freeBytes / 1024)} KB are free on the disk holding the store (at least ${MIN_FREE_BYTES / 1024 / 1024} MB are needed)`;
    return { ...found, state: "disk_full", problem };
  }
  if (options.integrity && db.integrity) {
    const integrity = await db.integrity(INTEGRITY_TIMEOUT_MS);
    if (integrity.sound === false) {
      const problem = `the store's file ${db.location} is damaged (SQLite's check: ${integrity.findings}); restore it from a backup`;
      return { ...found, state: "damaged", problem };
    }
  }
  if (schemaVersion !== null && schemaVersion < expectedVersion) {
    const problem = `the store is at schema version ${schemaVersion}, older than this nhsai's ${expectedVersion}; restart nhsai to migrate it`;
    return { ...found, state: "not_migrated", problem };
  }
  if (schemaVersion !== null && schemaVersion > expectedVersion) {
    const problem = `a newer nhsai has migrated the store to schema version ${schemaVersion} (this one knows ${expectedVersion}); upgrade this replica`;
    return { ...found, state: "newer_schema", problem };
  }
  return { ...found, state: "ok", problem: null };
}
