/** Opens the embedded store: `nhsai.db` under DATA_DIR, created and migrated on first use. */

import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { createSqlStore } from "../create-sql-store.js";
import { latestVersion } from "../migration.js";
import type { Store } from "../store.js";
import { StoreUnavailableError, StoreVersionError } from "../store-errors.js";
import { acquireDatabase, EmbeddedDriver, explainSqliteError, type SharedDatabase } from "./embedded-driver.js";
import { migrateEmbedded } from "./migrate-embedded.js";
import { EMBEDDED_MIGRATIONS } from "./migrations.js";

export const EMBEDDED_FILE = "nhsai.db";

export interface EmbeddedStoreOptions {
  dataDir: string;
  /** When the migrations run, for schema_version. */
  now: Date;
}

export async function openEmbeddedStore({ dataDir, now }: EmbeddedStoreOptions): Promise<Store> {
  createDataDir(dataDir);
  return openFile(join(dataDir, EMBEDDED_FILE), now);
}

/** A store in memory: the real schema and SQL, gone when closed. For tests and trials. */
export async function openMemoryStore(now: Date): Promise<Store> {
  return openFile(":memory:", now);
}

async function openFile(path: string, now: Date): Promise<Store> {
  let shared: SharedDatabase;
  try {
    shared = acquireDatabase(path);
  } catch (error) {
    throw new StoreUnavailableError(explainOpenError(error, path));
  }
  const driver = new EmbeddedDriver(shared, path);
  try {
    // Through the queue: another store in this process may be mid-transaction on this connection.
    await shared.queue.run(async () => migrateEmbedded(shared.db, EMBEDDED_MIGRATIONS, now, path));
  } catch (error) {
    await driver.close();
    if (error instanceof StoreVersionError) throw error;
    throw new StoreUnavailableError(explainSqliteError(error, path).problem);
  }
  return createSqlStore(driver, latestVersion(EMBEDDED_MIGRATIONS));
}

function createDataDir(dataDir: string): void {
  try {
    // Absolute first: Node's recursive mkdir of a relative path loops forever, at full CPU, when the
    // working folder has been deleted under the process; resolving fails at once instead.
    mkdirSync(resolve(dataDir), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "EEXIST" || code === "ENOTDIR"
        ? "it is a file, not a folder"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : (error as Error).message;
    throw new StoreUnavailableError(`DATA_DIR ${dataDir} cannot hold the embedded store: ${why}`);
  }
}

/** libSQL reports a failed open as `ConnectionFailed("…: 14")` (SQLITE_CANTOPEN). */
function explainOpenError(error: unknown, path: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/\b14\)?"?\)?$/.test(message) || /CANTOPEN/.test(message)) {
    return `cannot open the embedded store at ${path}: the file cannot be created or opened (check DATA_DIR and its permissions)`;
  }
  return explainSqliteError(error, path).problem;
}
