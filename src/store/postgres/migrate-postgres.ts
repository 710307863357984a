import type pg from "pg";
import { latestVersion, type Migration, pendingMigrations } from "../migration.js";
import { iso, numberOf, type Row } from "../sql.js";
import { inTransaction } from "./transaction.js";

/**
 * Applies pending migrations in one transaction under a transaction-scoped advisory lock: when
 * several replicas start at once, one migrates and the others wait, then find nothing to do.
 * The lock ends with the transaction, so a transaction-pooling proxy cannot strand it.
 */
export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly Migration[],
  now: Date,
  where: string,
  schema: string | undefined,
): Promise<number> {
  return inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`nhsai.migrations:${schema ?? ""}`]);
    // The schema name was checked against a strict identifier pattern when the store was opened.
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)",
    );
    const { rows } = await client.query<Row>("SELECT coalesce(max(version), 0) AS version FROM schema_version");
    const current = rows[0] ? numberOf(rows[0], "version") : 0;
    for (const migration of pendingMigrations(current, migrations, where)) {
      await client.query(migration.sql);
      await client.query("INSERT INTO schema_version (version, name, applied_at) VALUES ($1, $2, $3)", [
        migration.version,
        migration.name,
        iso(now),
      ]);
    }
    return latestVersion(migrations);
  });
}
