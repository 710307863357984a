/**
 * One harness per backend, so the same contract suite runs against both: a fresh, empty database
 * for each test (a temp DATA_DIR, or a PostgreSQL schema of its own), raw access for the few
 * checks no store operation exposes, and the address a child process needs to open it too.
 */

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "libsql";
import pg from "pg";
import { EMBEDDED_FILE, openEmbeddedStore } from "../../src/store/embedded/open-embedded-store.js";
import { openPostgresStore } from "../../src/store/postgres/open-postgres-store.js";
import type { Store } from "../../src/store/store.js";
import { outputOf, type ProcessOutput } from "../helpers/processes.js";

/** Where a child process finds the same database (see fixtures/store-child.mjs). */
export type StoreTarget =
  | { backend: "embedded"; dataDir: string }
  | { backend: "postgresql"; databaseUrl: string; schema: string };

export interface StoreHarness {
  readonly target: StoreTarget;
  /** Opens the harness's database (creating and migrating it the first time): a start or a restart. */
  open(now?: Date): Promise<Store>;
  /** Rows in a table, read behind the store's back. */
  count(table: string): Promise<number>;
  /** A table's column names, in order. */
  columns(table: string): Promise<string[]>;
  /** Runs raw SQL, as a newer nhsai or an operator would. */
  exec(sql: string): Promise<void>;
  /** Closes every store opened here and removes the database. */
  cleanup(): Promise<void>;
}

export const T0 = new Date("2026-11-23T09:00:00.000Z");
export const DATABASE_URL = process.env.DATABASE_URL || undefined;

export function embeddedHarness(): StoreHarness {
  const dataDir = mkdtempSync(join(tmpdir(), "nhsai-store-"));
  const opened: Store[] = [];
  const raw = <T>(use: (db: Database.Database) => T): T => {
    const db = new Database(join(dataDir, EMBEDDED_FILE));
    try {
      db.exec("PRAGMA busy_timeout = 5000");
      return use(db);
    } finally {
      db.close();
    }
  };
  return {
    target: { backend: "embedded", dataDir },
    open: async (now = T0) => track(opened, await openEmbeddedStore({ dataDir, now })),
    count: async (table) =>
      raw((db) => Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n)),
    columns: async (table) =>
      raw((db) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name)),
    exec: async (sql) => raw((db) => void db.exec(sql)),
    cleanup: async () => {
      await closeAll(opened);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let schemas = 0;

export function postgresHarness(databaseUrl: string): StoreHarness {
  const schema = `nhsai_test_${process.pid}_${Date.now().toString(36)}_${schemas++}`;
  const opened: Store[] = [];
  const raw = async <T>(use: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: databaseUrl, options: `-c search_path=${schema}` });
    await client.connect();
    try {
      return await use(client);
    } finally {
      await client.end();
    }
  };
  return {
    target: { backend: "postgresql", databaseUrl, schema },
    open: async (now = T0) => track(opened, await openPostgresStore({ databaseUrl, now, schema })),
    count: (table) => raw(async (c) => Number((await c.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n)),
    columns: (table) =>
      raw(async (c) => {
        const { rows } = await c.query<{ column_name: string }>(
          "SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position",
          [schema, table],
        );
        return rows.map((r) => r.column_name);
      }),
    exec: (sql) => raw(async (c) => void (await c.query(sql))),
    cleanup: async () => {
      await closeAll(opened);
      await raw(async (c) => void (await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)));
    },
  };
}

/** The backends to test here: embedded always, PostgreSQL when DATABASE_URL is set. */
export const BACKENDS: { name: string; harness: () => StoreHarness; skip: string | null }[] = [
  { name: "embedded (libSQL)", harness: embeddedHarness, skip: null },
  {
    name: "PostgreSQL",
    harness: () => postgresHarness(DATABASE_URL ?? ""),
    skip: DATABASE_URL
      ? null
      : "DATABASE_URL is not set, so the PostgreSQL run is skipped (.ci/run starts a throwaway server and sets it)",
  },
];

function track(opened: Store[], store: Store): Store {
  opened.push(store);
  return store;
}

async function closeAll(opened: Store[]): Promise<void> {
  // A test may already have closed its store; closing twice is not what is under test here.
  await Promise.allSettled(opened.splice(0).map((store) => store.close()));
}

export const CHILD = join(import.meta.dirname, "fixtures", "store-child.mjs");

export type ChildResult = ProcessOutput;

/** Runs the store child process (it uses the built `dist/`, made by `npm test`) to completion. */
export function runChild(mode: string, target: StoreTarget, extra: Record<string, unknown> = {}): Promise<ChildResult> {
  return outputOf(spawn(process.execPath, [CHILD, mode, JSON.stringify({ ...target, ...extra })]));
}
