/** Opens the PostgreSQL store named by DATABASE_URL, migrating it at start. */

import pg from "pg";
import { createSqlStore } from "../create-sql-store.js";
import { latestVersion } from "../migration.js";
import type { Store } from "../store.js";
import { StoreInputError, StoreUnavailableError, StoreVersionError } from "../store-errors.js";
import { describeDatabaseUrl } from "./describe-url.js";
import { migratePostgres } from "./migrate-postgres.js";
import { POSTGRES_MIGRATIONS } from "./migrations.js";
import { explainPostgresError, PostgresDriver } from "./postgres-driver.js";

export interface PostgresStoreOptions {
  databaseUrl: string;
  now: Date;
  /** A schema of its own (created if missing) instead of the user's search_path: tests, shared servers. */
  schema?: string;
  /** Connections per process (default 5). */
  poolSize?: number;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const { databaseUrl, now, schema } = options;
  if (schema !== undefined && !IDENTIFIER.test(schema)) {
    throw new StoreInputError("schema must be a lower-case identifier (letters, digits, _)");
  }
  const location = describeDatabaseUrl(databaseUrl) + (schema ? ` (schema ${schema})` : "");
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 5,
    connectionTimeoutMillis: 5_000,
    query_timeout: 15_000,
    application_name: "nhsai",
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const driver = new PostgresDriver(pool, location);
  try {
    await migratePostgres(pool, POSTGRES_MIGRATIONS, now, location, schema);
  } catch (error) {
    await pool.end();
    if (error instanceof StoreVersionError) throw error;
    throw new StoreUnavailableError(explainPostgresError(error, location).problem);
  }
  return createSqlStore(driver, latestVersion(POSTGRES_MIGRATIONS));
}
