/**
 * The PostgreSQL backend's driver: a pg pool, each write in one transaction (READ COMMITTED;
 * every racing write is a single conflict-aware statement), unnamed statements only, so a
 * transaction-pooling proxy in front of the server is safe.
 */

import type pg from "pg";
import type { Row, Sql, SqlChanges, SqlDriver, WriteOptions } from "../sql.js";
import { POSTGRES_STATEMENTS } from "./statements.js";
import { inTransaction } from "./transaction.js";

export class PostgresDriver implements SqlDriver {
  readonly backend = "postgresql" as const;
  /** An idle connection that failed (server restart): kept for health, instead of crashing the process. */
  private idleError: Error | null = null;

  constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
  ) {
    pool.on("error", (error) => {
      this.idleError = error;
    });
  }

  read<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return work(sqlOn(this.pool));
  }

  /**
   * Every commit waits for the server's WAL flush: `survives` is not relaxed here (PostgreSQL's
   * synchronous_commit=off could lose commits to a crash of the server process itself).
   */
  async write<T>(work: (sql: Sql, changes: SqlChanges) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    const result = await inTransaction(this.pool, (client) => work(sqlOn(client), changesOn(client)), options);
    this.idleError = null;
    return result;
  }

  async durability(): Promise<{ durable: boolean; settings: string }> {
    const { rows } = await this.pool.query(
      "SELECT current_setting('synchronous_commit') AS synchronous_commit, current_setting('fsync') AS fsync",
    );
    const row = (rows[0] ?? {}) as Row;
    const synchronousCommit = String(row.synchronous_commit);
    const fsync = String(row.fsync);
    const durable = synchronousCommit !== "off" && synchronousCommit !== "local" && fsync === "on";
    return { durable, settings: `synchronous_commit=${synchronousCommit}, fsync=${fsync}` };
  }

  explain(error: unknown): { state: "read_only" | "unreachable"; problem: string } {
    return explainPostgresError(error ?? this.idleError, this.location);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

function sqlOn(queryable: pg.Pool | pg.PoolClient): Sql {
  return async (name, params = []) => {
    const result = await queryable.query<Row>({ text: POSTGRES_STATEMENTS[name], values: [...params] });
    return result.rows;
  };
}

function changesOn(queryable: pg.Pool | pg.PoolClient): SqlChanges {
  return async (name, params = []) => {
    const result = await queryable.query({ text: POSTGRES_STATEMENTS[name], values: [...params] });
    return result.rowCount ?? 0;
  };
}

/** PostgreSQL's and the network's failures in plain words, without credentials. */
export function explainPostgresError(
  error: unknown,
  where: string,
): { state: "read_only" | "unreachable"; problem: string } {
  const code = String((error as { code?: unknown } | null)?.code ?? "");
  const message = error instanceof Error ? error.message : String(error);
  if (code === "25006") return { state: "read_only", problem: `PostgreSQL at ${where} is read-only (a standby?)` };
  if (code === "42501") {
    return { state: "read_only", problem: `PostgreSQL at ${where} refuses writes to this user: ${message}` };
  }
  const network: Record<string, string> = {
    ECONNREFUSED: "connection refused (is the server running and listening there?)",
    ENOTFOUND: "host not found",
    EAI_AGAIN: "host name lookup failed",
    ETIMEDOUT: "the connection timed out",
    ECONNRESET: "the server closed the connection",
  };
  if (network[code]) return { state: "unreachable", problem: `cannot reach PostgreSQL at ${where}: ${network[code]}` };
  if (/timeout/i.test(message)) {
    return { state: "unreachable", problem: `cannot reach PostgreSQL at ${where}: no answer in time (${message})` };
  }
  if (code.startsWith("28"))
    return { state: "unreachable", problem: `PostgreSQL at ${where} refused the login: ${message}` };
  return { state: "unreachable", problem: `PostgreSQL at ${where}: ${message}` };
}
