/** What only the PostgreSQL store does: reach a server, and say plainly when it cannot. */

import { once } from "node:events";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open-store.js";
import { describeDatabaseUrl } from "../../src/store/postgres/describe-url.js";
import { openPostgresStore } from "../../src/store/postgres/open-postgres-store.js";
import { StoreInputError, StoreUnavailableError } from "../../src/store/store-errors.js";
import { DATABASE_URL, T0 } from "./harness.js";

async function closedPort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  await once(server, "close");
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("the PostgreSQL store", () => {
  it("names where it lives without the credentials in DATABASE_URL", () => {
    expect(describeDatabaseUrl("postgres://nhsai:s3cret@db.internal:6543/briefings?sslmode=require")).toBe(
      "db.internal:6543/briefings",
    );
    expect(describeDatabaseUrl("postgresql://u:p@db/nhsai")).toBe("db:5432/nhsai");
    expect(describeDatabaseUrl("postgres:///nhsai?host=/var/run/postgresql")).toBe("/var/run/postgresql:5432/nhsai");
  });

  it("refuses to start when no server answers, in one plain line without the password", async () => {
    const port = await closedPort();
    const opening = openStore(
      { databaseUrl: `postgres://nhsai:s3cret@127.0.0.1:${port}/nhsai`, dataDir: "unused" },
      T0,
    );
    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
    const error = (await opening.catch((e: Error) => e)) as Error;
    expect(error.message).toBe(
      `cannot reach PostgreSQL at 127.0.0.1:${port}/nhsai: connection refused (is the server running and listening there?)`,
    );
    expect(error.message).not.toContain("s3cret");
  });

  it("accepts only a plain identifier as a schema name", async () => {
    await expect(
      openPostgresStore({ databaseUrl: "postgres://127.0.0.1:1/x", now: T0, schema: "x; DROP SCHEMA public" }),
    ).rejects.toBeInstanceOf(StoreInputError);
  });

  it.skipIf(!DATABASE_URL)("says a read-only server (a standby) is read-only (needs DATABASE_URL)", async () => {
    const url = new URL(DATABASE_URL ?? "");
    url.searchParams.set("options", "-c default_transaction_read_only=on");
    await expect(openStore({ databaseUrl: url.toString(), dataDir: "unused" }, T0)).rejects.toThrow(
      /PostgreSQL at .* is read-only \(a standby\?\)/,
    );
  });
});
