/**
 * The embedded backend's driver: one libSQL (SQLite) connection in WAL mode with synchronous=FULL,
 * so every commit is on disk before it returns. Processes sharing the file wait for each other's
 * (millisecond) transactions instead of failing; libSQL's API is synchronous, so once the store is
 * open that wait is asynchronous (short tries between timers), never seconds on the event loop,
 * and bounded well under Slack's 3 s: another process holding the lock costs a clear failure.
 */

import { accessSync, constants } from "node:fs";
import { statfs } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Worker } from "node:worker_threads";
import Database from "libsql";
import type { FailedState, Integrity, Row, Sql, SqlChanges, SqlDriver, SqlValue, WriteOptions } from "../sql.js";
import type { StatementName } from "../statement-names.js";
import {
  BACKGROUND_AFTER_COMMITS,
  FALLBACK_AUTOCHECKPOINT_PAGES,
  startBackgroundCheckpoint,
} from "./background-checkpoint.js";
import { quickCheck } from "./integrity-check.js";
import { SerialQueue } from "./serial-queue.js";
import { EMBEDDED_STATEMENTS } from "./statements.js";

/** How long opening and migrating (start-up, before anything is served) waits for another process's lock. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * How long a write waits for the lock, counted from when it was asked for (time queued behind
 * this process's other operations included), before it fails: well under Slack's 3 s.
 */
export const LOCK_WAIT_MS = 1_000;

/** Once open, the longest one statement may block the event loop waiting for a lock. */
const STATEMENT_BUSY_MS = 5;

/** Opens (creating if need be) a database file with the settings the store relies on. */
function openDatabase(path: string): Database.Database {
  const db = new Database(path);
  try {
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Several processes creating the file at once: the switch to WAL can report SQLITE_BUSY at
    // once, without waiting on the busy handler, so it is retried until the busy timeout.
    retryWhileBusy(() => db.exec("PRAGMA journal_mode = WAL"));
    db.exec("PRAGMA synchronous = FULL");
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Runs `step`, retrying while SQLite answers SQLITE_BUSY without having waited (lock upgrades
 * and WAL set-up do that), for up to the busy timeout. Start-up only: it blocks while it waits.
 */
export function retryWhileBusy<T>(step: () => T): T {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return step();
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(100, 10 * attempt));
    }
  }
}

/** One connection per file per process, and one queue in front of it. */
export interface SharedDatabase {
  db: Database.Database;
  queue: SerialQueue;
  users: number;
  /** Commits so far, until the background checkpoint starts (files only). */
  commits: number;
  checkpointer?: Worker;
  /**
   * Whether the connection is at synchronous=NORMAL, left there by a `process_crash` commit: the
   * setting is switched back to FULL only before a commit that needs it (or a durability check),
   * not after every relaxed one, so a run of replay records costs no PRAGMA each.
   */
  relaxed: boolean;
  /** Whether the connection's busy timeout is already down to STATEMENT_BUSY_MS. */
  shortWaits: boolean;
}

/**
 * Two connections to one file in one process would deadlock: the second one's lock wait is
 * synchronous, so it blocks the event loop the first needs to finish its transaction. Stores
 * opened on the same file in one process therefore share the connection and its queue.
 */
const open = new Map<string, SharedDatabase>();

/** A file's shared connection, opened on first use; `:memory:` is never shared (each is its own). */
export function acquireDatabase(path: string): SharedDatabase {
  const key = path === ":memory:" ? null : resolve(path);
  const existing = key === null ? undefined : open.get(key);
  if (existing) {
    existing.users++;
    return existing;
  }
  const shared: SharedDatabase = {
    db: openDatabase(path),
    queue: new SerialQueue(),
    users: 1,
    commits: 0,
    relaxed: false,
    shortWaits: false,
  };
  if (key !== null) open.set(key, shared);
  return shared;
}

function releaseDatabase(path: string, shared: SharedDatabase): void {
  shared.users--;
  if (shared.users > 0) return;
  if (path !== ":memory:" && open.get(resolve(path)) === shared) open.delete(resolve(path));
  void shared.checkpointer?.terminate();
  shared.db.close();
}

/** Counts a commit; at the threshold, checkpoints move to a worker thread (see background-checkpoint). */
function countCommit(shared: SharedDatabase, path: string): void {
  if (path === ":memory:" || shared.checkpointer || ++shared.commits < BACKGROUND_AFTER_COMMITS) return;
  shared.checkpointer = startBackgroundCheckpoint(resolve(path));
  shared.db.exec(`PRAGMA wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
}

export class EmbeddedDriver implements SqlDriver {
  readonly backend = "embedded" as const;
  private readonly prepared = new Map<StatementName, Database.Statement>();
  private readonly sql: Sql = async (name, params = []) => this.run(name, params);
  private readonly changes: SqlChanges = async (name, params = []) => this.change(name, params);
  private readonly db: Database.Database;
  private readonly queue: SerialQueue;
  private closed = false;

  constructor(
    private readonly shared: SharedDatabase,
    readonly location: string,
  ) {
    this.db = shared.db;
    this.queue = shared.queue;
  }

  read<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return this.queue.run(() => {
      this.shortWaits();
      return work(this.sql);
    });
  }

  write<T>(work: (sql: Sql, changes: SqlChanges) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    return this.queue.run(async () => {
      // SQLite refuses to change the setting inside a transaction: it is set before this one.
      this.synchronous(options.survives === "process_crash");
      await this.begin(deadline);
      try {
        const result = await work(this.sql, this.changes);
        this.db.exec(options.rollback ? "ROLLBACK" : "COMMIT");
        countCommit(this.shared, this.location);
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw error;
      }
    });
  }

  /**
   * Takes the write lock, trying again between timers while another process holds it, until
   * `deadline`; then SQLITE_BUSY is thrown (explained as "locked by another process"). Each try
   * blocks the event loop for at most STATEMENT_BUSY_MS.
   */
  private async begin(deadline: number): Promise<void> {
    this.shortWaits();
    for (let attempt = 1; ; attempt++) {
      try {
        this.db.exec("BEGIN IMMEDIATE");
        return;
      } catch (error) {
        const left = deadline - Date.now();
        if (!isBusy(error) || left <= 0) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(left, 5 * attempt, 50)));
      }
    }
  }

  /** Start-up waited long (migrations); from the first operation on, a statement waits briefly. */
  private shortWaits(): void {
    if (this.shared.shortWaits) return;
    this.db.exec(`PRAGMA busy_timeout = ${STATEMENT_BUSY_MS}`);
    this.shared.shortWaits = true;
  }

  /** NORMAL for a relaxed commit, FULL for any other (and for the durability check). */
  private synchronous(relaxed: boolean): void {
    if (this.shared.relaxed === relaxed) return;
    this.db.exec(`PRAGMA synchronous = ${relaxed ? "NORMAL" : "FULL"}`);
    this.shared.relaxed = relaxed;
  }

  async durability(): Promise<{ durable: boolean; settings: string }> {
    return this.queue.run(async () => {
      this.synchronous(false);
      const journal = String((this.db.prepare("PRAGMA journal_mode").get() as Row).journal_mode);
      const synchronous = Number((this.db.prepare("PRAGMA synchronous").get() as Row).synchronous);
      const names = ["OFF", "NORMAL", "FULL", "EXTRA"];
      const durable = synchronous >= 2 && journal !== "memory" && journal !== "off";
      return { durable, settings: `journal_mode=${journal}, synchronous=${names[synchronous] ?? synchronous}` };
    });
  }

  explain(error: unknown): { state: FailedState; problem: string } {
    return explainSqliteError(error, this.location);
  }

  async integrity(timeoutMs: number): Promise<Integrity> {
    if (this.location === ":memory:") return { sound: true };
    return quickCheck(resolve(this.location), timeoutMs);
  }

  async freeBytes(): Promise<number | null> {
    if (this.location === ":memory:") return null;
    const disk = await statfs(dirname(resolve(this.location)));
    return disk.bavail * disk.bsize;
  }

  close(): Promise<void> {
    return this.queue.run(async () => {
      if (this.closed) return;
      this.closed = true;
      releaseDatabase(this.location, this.shared);
    });
  }

  private run(name: StatementName, params: readonly SqlValue[]): Row[] {
    const statement = this.statement(name);
    if (statement.reader) return statement.all(...params) as Row[];
    statement.run(...params);
    return [];
  }

  private change(name: StatementName, params: readonly SqlValue[]): number {
    const statement = this.statement(name);
    if (statement.reader) throw new Error(`store: ${name} returns rows; it is not counted`);
    return statement.run(...params).changes;
  }

  private statement(name: StatementName): Database.Statement {
    let statement = this.prepared.get(name);
    if (!statement) {
      statement = this.db.prepare(EMBEDDED_STATEMENTS[name]);
      this.prepared.set(name, statement);
    }
    return statement;
  }
}

function isBusy(error: unknown): boolean {
  return String((error as { code?: unknown }).code ?? "").startsWith("SQLITE_BUSY");
}

function isWritableFolder(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** SQLite's failures in plain words. */
export function explainSqliteError(error: unknown, where: string): { state: FailedState; problem: string } {
  const code = String((error as { code?: unknown }).code ?? "");
  const message = error instanceof Error ? error.message : String(error);
  if (code.startsWith("SQLITE_READONLY")) {
    return {
      state: "read_only",
      problem: `the embedded store at ${where} is read-only: check the permissions of DATA_DIR`,
    };
  }
  // A read-only disk shows as "unable to open database file" (WAL needs its -shm file): say which.
  if (code.startsWith("SQLITE_CANTOPEN") && where !== ":memory:" && !isWritableFolder(dirname(where))) {
    return {
      state: "read_only",
      problem: `the embedded store at ${where} cannot be written: its folder or disk is read-only (check DATA_DIR's permissions and mount)`,
    };
  }
  if (code.startsWith("SQLITE_BUSY")) {
    return { state: "unreachable", problem: `the embedded store at ${where} is locked by another process` };
  }
  if (code === "SQLITE_NOTADB") {
    return { state: "unreachable", problem: `${where} is not an nhsai store or is damaged (${message})` };
  }
  if (code.startsWith("SQLITE_CORRUPT")) {
    return { state: "damaged", problem: `the store's file ${where} is damaged (${message}); restore it from a backup` };
  }
  if (code.startsWith("SQLITE_FULL")) {
    return { state: "disk_full", problem: `the disk holding the embedded store at ${where} is full` };
  }
  return { state: "unreachable", problem: `the embedded store at ${where} cannot be used: ${message}` };
}
