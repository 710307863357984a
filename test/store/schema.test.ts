/** One logical schema on both backends, versioned the same way. */

import { afterAll, describe, expect, it } from "vitest";
import { EMBEDDED_MIGRATIONS } from "../../src/store/embedded/migrations.js";
import { latestVersion, pendingMigrations } from "../../src/store/migration.js";
import { POSTGRES_MIGRATIONS } from "../../src/store/postgres/migrations.js";
import { StoreVersionError } from "../../src/store/store-errors.js";
import { DATABASE_URL, embeddedHarness, postgresHarness, type StoreHarness } from "./harness.js";

const TABLES = [
  "schema_version",
  "handled_events",
  "conversation_references",
  "subscriptions",
  "deliveries",
  "documents",
  "feedback",
  "audit_log",
  "store_probe",
  "posted_briefings",
];

describe("migrations", () => {
  it("list the same versions, in order, under the same names on both backends", () => {
    const outline = (list: typeof EMBEDDED_MIGRATIONS) => list.map((m) => [m.version, m.name]);
    expect(outline(EMBEDDED_MIGRATIONS)).toEqual(outline(POSTGRES_MIGRATIONS));
    // Strictly increasing: parallel branches reserve numbers, so a gap may stand until they merge.
    const versions = EMBEDDED_MIGRATIONS.map((m) => m.version);
    expect(versions[0]).toBe(1);
    expect(versions.every((v, i) => i === 0 || v > (versions[i - 1] ?? 0))).toBe(true);
  });

  it("apply only what is pending, and refuse a database newer than the code", () => {
    const list = [
      { version: 1, name: "one", sql: "" },
      { version: 2, name: "two", sql: "" },
    ];
    expect(pendingMigrations(0, list, "here").map((m) => m.version)).toEqual([1, 2]);
    expect(pendingMigrations(1, list, "here").map((m) => m.version)).toEqual([2]);
    expect(pendingMigrations(2, list, "here")).toEqual([]);
    expect(() => pendingMigrations(3, list, "data/nhsai.db")).toThrow(StoreVersionError);
    expect(() => pendingMigrations(3, list, "data/nhsai.db")).toThrow(
      "the store at data/nhsai.db is at schema version 3, but this nhsai knows versions up to 2",
    );
    expect(latestVersion(list)).toBe(2);
  });
});

async function columnsOf(harness: StoreHarness): Promise<Record<string, string[]>> {
  await (await harness.open()).close();
  const result: Record<string, string[]> = {};
  for (const table of TABLES) result[table] = await harness.columns(table);
  return result;
}

describe("the logical schema", () => {
  const harnesses: StoreHarness[] = [];
  afterAll(async () => {
    await Promise.all(harnesses.map((h) => h.cleanup()));
  });

  it("has every table the store needs, embedded", async () => {
    const embedded = embeddedHarness();
    harnesses.push(embedded);
    const columns = await columnsOf(embedded);
    expect(Object.values(columns).every((list) => list.length > 0)).toBe(true);
  });

  it.skipIf(!DATABASE_URL)(
    "has the same tables and columns, in order, on both backends (needs DATABASE_URL)",
    async () => {
      const embedded = embeddedHarness();
      const postgres = postgresHarness(DATABASE_URL ?? "");
      harnesses.push(embedded, postgres);
      expect(await columnsOf(postgres)).toEqual(await columnsOf(embedded));
    },
  );
});
