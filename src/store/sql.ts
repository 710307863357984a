/**
 * The seam between the store's operations (written once) and its backends (SQL written per
 * backend): a driver runs named statements with positional parameters, never string-built SQL.
 */

import type { StatementName } from "./statement-names.js";
import type { StoreBackend, StoreState } from "./store.js";

/** What reading every page back found: sound, damaged (the first findings, one line), or not finished. */
export type Integrity = { sound: true } | { sound: false; findings: string } | { sound: null; why: string };

export type FailedState = Extract<StoreState, "read_only" | "unreachable" | "damaged" | "disk_full">;

/** Parameters are text, numbers or null: times go in as ISO 8601 text, JSON as text. */
export type SqlValue = string | number | null;
export type Row = Readonly<Record<string, unknown>>;

/** Runs one named statement; resolves with the rows it returns (none for a plain write). */
export type Sql = (statement: StatementName, params?: readonly SqlValue[]) => Promise<Row[]>;

/**
 * Runs one named write that returns no rows; resolves with how many rows it changed. Cheaper than
 * `RETURNING` where only "did it change anything" matters (libSQL: ~2.5× cheaper per insert).
 */
export type SqlChanges = (statement: StatementName, params?: readonly SqlValue[]) => Promise<number>;

export interface WriteOptions {
  rollback?: boolean;
  survives?: "machine_crash" | "process_crash";
}

export interface SqlDriver {
  readonly backend: StoreBackend;
  /** Where the data lives, without credentials. */
  readonly location: string;
  /** Runs `work` outside a transaction (each statement is atomic on its own). */
  read<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  /**
   * Runs `work` in one transaction that takes the write lock first, and resolves after a durable
   * commit; rolls back if `work` throws. `rollback: true` rolls back even so (a writability probe).
   * `survives: "process_crash"` allows a cheaper commit that outlives a crash of this process but
   * perhaps not of the machine (embedded: synchronous=NORMAL in WAL mode, no fsync; the next full
   * commit or checkpoint syncs it). For records whose loss only costs a repeat, never for data.
   */
  write<T>(work: (sql: Sql, changes: SqlChanges) => Promise<T>, options?: WriteOptions): Promise<T>;
  /** Whether a commit is on disk before it returns, and the settings that say so. */
  durability(): Promise<{ durable: boolean; settings: string }>;
  /** Plain words for a failure, and which state it means. */
  explain(error: unknown): { state: FailedState; problem: string };
  /** Whether every page reads back sound (embedded: PRAGMA quick_check off the event loop); absent where the server checks itself. */
  integrity?(timeoutMs: number): Promise<Integrity>;
  /** Bytes free to this process on the disk that holds the data, or null where that is not ours to see. */
  freeBytes?(): Promise<number | null>;
  close(): Promise<void>;
}

/** Times are stored as ISO 8601 UTC text (SQLite) or timestamptz (PostgreSQL); both sort by time. */
export function iso(time: Date): string {
  return time.toISOString();
}

export function textOf(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== "string") throw new Error(`store: column ${column} is not text`);
  return value;
}

export function optionalTextOf(row: Row, column: string): string | null {
  return row[column] === null || row[column] === undefined ? null : textOf(row, column);
}

/** PostgreSQL gives a Date; SQLite gives the ISO text it was stored as. */
export function dateOf(row: Row, column: string): Date {
  const value = row[column];
  const date = value instanceof Date ? value : typeof value === "string" ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw new Error(`store: column ${column} is not a time`);
  return date;
}

/** Counts and sequence numbers: PostgreSQL gives bigint as text, SQLite as a number. */
export function numberOf(row: Row, column: string): number {
  const value = row[column];
  const n =
    typeof value === "number" ? value : typeof value === "bigint" || typeof value === "string" ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw new Error(`store: column ${column} is not a number`);
  return n;
}
