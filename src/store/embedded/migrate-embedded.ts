import type Database from "libsql";
import { latestVersion, type Migration, pendingMigrations } from "../migration.js";
import { iso, numberOf, type Row } from "../sql.js";
import { retryWhileBusy } from "./embedded-driver.js";

/**
 * Applies pending migrations in one IMMEDIATE transaction: the first process to start takes the
 * write lock and migrates, the others wait (busy timeout) and then find nothing left to do.
 * Throws StoreVersionError, changing nothing, when the file is newer than this code.
 */
export function migrateEmbedded(
  db: Database.Database,
  migrations: readonly Migration[],
  now: Date,
  where: string,
): number {
  retryWhileBusy(() => db.exec("BEGIN IMMEDIATE"));
  try {
    db.exec(
      "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    );
    const current = db.prepare("SELECT coalesce(max(version), 0) AS version FROM schema_version").get() as Row;
    const record = db.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)");
    for (const migration of pendingMigrations(numberOf(current, "version"), migrations, where)) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, iso(now));
    }
    db.exec("COMMIT");
    return latestVersion(migrations);
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
}
