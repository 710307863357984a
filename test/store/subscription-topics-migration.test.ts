/**
 * Migration 7 on both backends: a store written by schema 6 (the whole subscription in its schedule
 * text, keyed by platform, channel and topic) opens with every subscription kept, the text holding
 * only the when, topics and options as data, each schedule reading exactly as before, and its
 * deliveries still linked. A store it cannot convert without losing a row is left as it was.
 */

import { join } from "node:path";
import Database from "libsql";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { parseSchedule } from "../../src/schedules/parse-schedule.js";
import { scheduleOf } from "../../src/schedules/stored-schedule.js";
import { migrateEmbedded } from "../../src/store/embedded/migrate-embedded.js";
import { EMBEDDED_MIGRATIONS } from "../../src/store/embedded/migrations.js";
import { EMBEDDED_FILE } from "../../src/store/embedded/open-embedded-store.js";
import type { Migration } from "../../src/store/migration.js";
import { migratePostgres } from "../../src/store/postgres/migrate-postgres.js";
import { POSTGRES_MIGRATIONS } from "../../src/store/postgres/migrations.js";
import { StoreUnavailableError } from "../../src/store/store-errors.js";
import { BACKENDS, type StoreHarness, T0 } from "./harness.js";

const BEFORE = 6;
const upTo = (list: readonly Migration[]) => list.filter((m) => m.version <= BEFORE);

/** Brings the harness's database to schema 6 with the real migration runner, as the previous nhsai did. */
async function migrateToSix(harness: StoreHarness): Promise<void> {
  const target = harness.target;
  if (target.backend === "embedded") {
    const db = new Database(join(target.dataDir, EMBEDDED_FILE));
    try {
      migrateEmbedded(db, upTo(EMBEDDED_MIGRATIONS), T0, "test");
    } finally {
      db.close();
    }
    return;
  }
  const pool = new pg.Pool({ connectionString: target.databaseUrl, options: `-c search_path=${target.schema}` });
  try {
    await migratePostgres(pool, upTo(POSTGRES_MIGRATIONS), T0, "test", target.schema);
  } finally {
    await pool.end();
  }
}

/** A row as schema 6's saveSubscription wrote it (topic '' for the whole channel, the only value chat wrote). */
function oldRow(id: string, channelId: string, schedule: string, options: { topic?: string; paused?: string } = {}) {
  const text = (value: string | undefined) => (value === undefined ? "NULL" : `'${value.replaceAll("'", "''")}'`);
  return (
    "INSERT INTO subscriptions (id, platform, channel_id, topic, schedule, time_zone, paused_reason, created_by, created_at, updated_at) " +
    `VALUES ('${id}', 'slack', '${channelId}', ${text(options.topic ?? "")}, ${text(schedule)}, 'Europe/London', ` +
    `${text(options.paused)}, 'slack:U1', '2026-11-01T09:00:00.000Z', '2026-11-02T09:00:00.000Z');`
  );
}

const CANONICAL = {
  "sub-review": "weekdays at 09:30 always with review topics funding workforce",
  "sub-one": "weekly on monday at 09:30 topics diagnostics",
  "sub-all": "daily at 08:00",
};

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip !== null)(`migration 7 (subscriptions as data), ${backend.name}`, () => {
    let harness: StoreHarness;
    afterEach(async () => harness.cleanup());

    it("keeps every subscription, moves all but the when out of the schedule text, and keeps deliveries linked", async () => {
      harness = backend.harness();
      await migrateToSix(harness);
      await harness.exec(
        [
          oldRow("sub-review", "C1", CANONICAL["sub-review"]),
          oldRow("sub-one", "C2", CANONICAL["sub-one"], { paused: "removed from the channel" }),
          oldRow("sub-all", "C3", CANONICAL["sub-all"]),
          // Written through the store API with a topic key and a hand-written schedule.
          oldRow("sub-keyed", "C4", "mondays 9am", { topic: "funding" }),
          // A tail that is not a list of topic ids is left in the text rather than guessed at.
          oldRow("sub-odd", "C5", `daily at 08:00 topics "quoted"`),
          "INSERT INTO deliveries (subscription_id, slot, state, claimed_by, claimed_at, updated_at, document_ids) " +
            "VALUES ('sub-review', '2026-11-20T09:30:00.000Z', 'sent', 'scheduler', '2026-11-20T09:30:00.000Z', '2026-11-20T09:30:01.000Z', '[\"doc-1\"]');",
        ].join("\n"),
      );

      const store = await harness.open();
      const byId = new Map((await store.listSubscriptions()).map((s) => [s.id, s]));
      expect([...byId.keys()].sort()).toEqual(["sub-all", "sub-keyed", "sub-odd", "sub-one", "sub-review"]);
      expect(byId.get("sub-review")).toMatchObject({
        channelId: "C1",
        schedule: "weekdays at 09:30",
        topics: ["funding", "workforce"],
        whenNothingNew: "line",
        review: true,
        createdAt: new Date("2026-11-01T09:00:00.000Z"),
        updatedAt: new Date("2026-11-02T09:00:00.000Z"),
      });
      expect(byId.get("sub-one")).toMatchObject({
        schedule: "weekly on monday at 09:30",
        topics: ["diagnostics"],
        whenNothingNew: "silent",
        review: false,
        pausedReason: "removed from the channel",
      });
      expect(byId.get("sub-all")).toMatchObject({ schedule: "daily at 08:00", topics: [], review: false });
      expect(byId.get("sub-keyed")).toMatchObject({ topics: ["funding"], schedule: "mondays 9am" });
      expect(byId.get("sub-odd")).toMatchObject({ topics: [], schedule: `daily at 08:00 topics "quoted"` });

      // Every reader sees the schedule it saw before: same cadence, time, options and topics.
      for (const [id, text] of Object.entries(CANONICAL)) {
        const before = parseSchedule(text);
        const migrated = byId.get(id);
        expect(before.ok && migrated ? scheduleOf(migrated) : "unreadable").toEqual(before.ok ? before.spec : null);
      }
      expect((await store.listDeliveries("sub-review")).map((d) => d.documentIds)).toEqual([["doc-1"]]);

      // One row per channel from now on: subscribing C1 again changes that row.
      const again = await store.saveSubscription(
        {
          platform: "slack",
          channelId: "C1",
          schedule: "daily at 08:00",
          topics: ["safety"],
          whenNothingNew: "silent",
          review: false,
          timeZone: "UTC",
        },
        "slack:U2",
        new Date("2026-11-25T09:00:00.000Z"),
      );
      expect(again).toMatchObject({ change: "updated", subscription: { id: "sub-review", topics: ["safety"] } });
      expect(await harness.count("subscriptions")).toBe(5);
    });

    it("refuses, changing nothing, a store with two subscriptions for one channel (it cannot keep both)", async () => {
      harness = backend.harness();
      await migrateToSix(harness);
      await harness.exec(
        [
          oldRow("sub-whole", "C1", "daily at 08:00"),
          oldRow("sub-funding", "C1", "daily at 08:00", { topic: "funding" }),
        ].join("\n"),
      );
      await expect(harness.open()).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(await harness.count("subscriptions")).toBe(2);
      expect(await harness.columns("subscriptions")).toContain("topic");
      expect(await harness.count("schema_version")).toBe(BEFORE);
    });
  });
}
