import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open-store.js";
import { runNhsai } from "../helpers/factories.js";

/** The embedded store in a temp DATA_DIR, even when the suite runs with DATABASE_URL set. */
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "nhsai-schedules-cli-"));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe("nhsai schedules", () => {
  it("--json prints one document listing each subscription with its next run", async () => {
    const empty = await runNhsai(["schedules", "--json"], "", { DATA_DIR: dataDir, DATABASE_URL: "" });
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout)).toEqual({ subscriptions: [] });

    const store = await openStore({ dataDir }, new Date());
    const input = {
      platform: "slack" as const,
      channelId: "C1",
      topics: ["funding" as const],
      whenNothingNew: "line" as const,
      review: false,
      timeZone: "Europe/London",
    };
    await store.saveSubscription({ ...input, schedule: "weekly on monday at 09:30" }, "slack:U1", new Date());
    await store.close();

    const listed = await runNhsai(["schedules", "--json"], "", { DATA_DIR: dataDir, DATABASE_URL: "" });
    const [view] = JSON.parse(listed.stdout).subscriptions;
    expect(view).toMatchObject({
      platform: "slack",
      channelId: "C1",
      when: "Weekly on Mondays at 9.30am, UK time",
      topics: ["funding"],
      about: "Funding",
      pausedReason: null,
      lastDelivery: null,
      createdBy: "slack:U1",
    });
    expect(view.nextRunLabel).toMatch(/^Monday \d+ \w+ \d{4} at 9\.30am$/);
    expect(Date.parse(view.nextRun)).toBeGreaterThan(Date.now());
    expect((await runNhsai(["schedules"], "", { DATA_DIR: dataDir, DATABASE_URL: "" })).stdout).toContain(
      "next: Monday",
    );
  });

  it("refuses arguments it does not take (exit 2)", async () => {
    const result = await runNhsai(["schedules", "C1"], "", { DATA_DIR: dataDir, DATABASE_URL: "" });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^nhsai schedules: takes no arguments/);
  });
});

describe("nhsai run-due", () => {
  it("refuses an --at that is not an ISO time (exit 2)", async () => {
    const result = await runNhsai(["run-due", "--at", "tomorrow 9am"], "", { DATA_DIR: dataDir, DATABASE_URL: "" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--at must be an ISO time");
  });

  it("says so and exits 1 when no platform is configured to post with", async () => {
    const result = await runNhsai(["run-due", "--at", "2026-11-23T09:00:00Z"], "", {
      DATA_DIR: dataDir,
      DATABASE_URL: "",
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      "nhsai run-due: no platform (Slack or Teams) is configured, so nothing can be posted",
    );
  });
});
