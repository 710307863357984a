/**
 * The store across processes, as it runs in production: a writer killed with SIGKILL right after
 * it acknowledged, three replicas starting (and migrating) at once, and replicas racing to write.
 * The child process (fixtures/store-child.mjs) runs the built store in dist/.
 */

import { spawn } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EMBEDDED_MIGRATIONS } from "../../src/store/embedded/migrations.js";
import { latestVersion } from "../../src/store/migration.js";
import { BACKENDS, CHILD, runChild, type StoreHarness } from "./harness.js";

/** The schema version this code migrates to (each migration records one schema_version row). */
const LATEST = latestVersion(EMBEDDED_MIGRATIONS);

for (const backend of BACKENDS) {
  // Without a PostgreSQL server (DATABASE_URL) its run is skipped, saying why; .ci/run starts one.
  describe.skipIf(backend.skip !== null)(
    `store processes, ${backend.name}${backend.skip ? ` (${backend.skip})` : ""}`,
    () => {
      let harness: StoreHarness;

      beforeEach(() => {
        harness = backend.harness();
      });
      afterEach(async () => {
        await harness.cleanup();
      });

      it("keeps every acknowledged write when the writer is killed with SIGKILL right after", async () => {
        const child = spawn(process.execPath, [CHILD, "crash-writer", JSON.stringify(harness.target)]);
        let stderr = "";
        child.stderr.on("data", (chunk: Buffer) => {
          stderr += chunk.toString("utf8");
        });
        const exited = new Promise<NodeJS.Signals | null>((resolve) =>
          child.on("exit", (_code, signal) => resolve(signal)),
        );
        // Kill at the first moment 25 writes have been acknowledged: the next write is already under way.
        const acknowledged = await new Promise<number>((resolve, reject) => {
          let buffered = "";
          let last = -1;
          child.stdout.on("data", (chunk: Buffer) => {
            buffered += chunk.toString("utf8");
            for (const match of buffered.matchAll(/ack (\d+)\n/g)) last = Number(match[1]);
            if (last >= 24) {
              child.kill("SIGKILL");
              resolve(last);
            }
          });
          child.on("exit", () => reject(new Error(`the writer stopped by itself: ${stderr}`)));
        });
        expect(await exited).toBe("SIGKILL");

        const store = await harness.open();
        expect((await store.health()).state).toBe("ok");
        const channels = new Set((await store.listSubscriptions()).map((s) => s.channelId));
        for (let n = 0; n <= acknowledged; n++) {
          expect(channels.has(`C${n}`), `acknowledged subscription C${n}`).toBe(true);
          expect(await store.markEventHandled(`Ev${n}`, new Date("2026-11-23T10:00:00Z")), `event Ev${n}`).toBe(false);
        }
        // A change and its audit entry commit together or not at all, even when killed mid-write.
        expect(await harness.count("audit_log")).toBe(await harness.count("subscriptions"));
      });

      it("lets three processes start on a new store at once: one migrates, the others wait, all run", async () => {
        const startAt = Date.now() + 1_500;
        const results = await Promise.all([1, 2, 3].map(() => runChild("migrate", harness.target, { startAt })));
        for (const result of results) {
          expect(result.stderr).toBe("");
          expect(result.code).toBe(0);
          expect(JSON.parse(result.stdout)).toEqual({ version: LATEST, state: "ok" });
        }
        expect(await harness.count("schema_version")).toBe(EMBEDDED_MIGRATIONS.length);
        expect(await harness.count("store_probe")).toBe(1);
      });

      it("ends racing replicas' writes in one consistent state: each event and slot won once", async () => {
        await (await harness.open()).close();
        const ids = Array.from({ length: 60 }, (_, i) => `Ev-race-${i}`);
        const slots = Array.from({ length: 30 }, (_, i) => `2026-12-${String(1 + (i % 28)).padStart(2, "0")}T09:${i}`);
        const startAt = Date.now() + 1_500;
        const runs = await Promise.all(
          ["replica-a", "replica-b", "replica-c"].map((who) =>
            runChild("race", harness.target, { startAt, ids, slots, who }),
          ),
        );
        const outcomes = runs.map((run) => {
          expect(run.stderr).toBe("");
          expect(run.code).toBe(0);
          return JSON.parse(run.stdout) as {
            events: string[];
            slots: string[];
            changes: string[];
            subscriptionIds: string[];
          };
        });

        expect(outcomes.flatMap((o) => o.events).sort()).toEqual([...ids].sort());
        expect(outcomes.flatMap((o) => o.slots).sort()).toEqual([...slots].sort());
        expect(await harness.count("handled_events")).toBe(ids.length);
        expect(await harness.count("deliveries")).toBe(slots.length);

        // Fifteen saves of one channel's subscription: one row, added once, one id seen by all.
        const changes = outcomes.flatMap((o) => o.changes);
        expect(changes.filter((c) => c === "added")).toHaveLength(1);
        expect(new Set(outcomes.flatMap((o) => o.subscriptionIds)).size).toBe(1);
        expect(await harness.count("subscriptions")).toBe(1);
        const store = await harness.open();
        const audited = await store.listAudit({ limit: 1_000 });
        const subscriptionEntries = audited.filter((e) => e.action.startsWith("subscription."));
        expect(subscriptionEntries).toHaveLength(changes.filter((c) => c !== "unchanged").length);
        expect(audited.filter((e) => e.action === "delivery.claimed")).toHaveLength(slots.length);
      });
    },
  );
}
