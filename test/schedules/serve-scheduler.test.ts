import { once } from "node:events";
import { createTask } from "node-cron";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { createJsonLogger } from "../../adapters/cli/json-logger.js";
import { cronLogger } from "../../adapters/serve/scheduler.js";
import { freePort, outputOf } from "../helpers/processes.js";
import { type FakeSlack, startFakeSlack } from "../slack/fake-slack.js";
import { channelsOf, embeddedTarget, type StoreTarget, spawnNhsai } from "./run-due-harness.js";
import { subscribe } from "./schedule-fixtures.js";

let api: FakeSlack;
let target: StoreTarget;

beforeEach(async () => {
  api = await startFakeSlack();
  target = embeddedTarget();
});
afterEach(async () => {
  await target.cleanup();
  await api.close();
});

/**
 * A daily schedule whose slot was 10 minutes ago, in a zone where that is 3am or later (so the
 * grammar accepts it whatever the hour of the test run): UTC, or Tokyo in the small hours UTC.
 */
function recentSlot(now: Date): { schedule: string; zone: string } {
  const slot = new Date(now.getTime() - 10 * 60_000);
  const zone = slot.getUTCHours() >= 4 ? "UTC" : "Asia/Tokyo";
  const local = new Date(slot.getTime() + (zone === "UTC" ? 0 : 9 * 3_600_000));
  return { schedule: `daily at ${local.getUTCHours()}:${String(local.getUTCMinutes()).padStart(2, "0")}`, zone };
}

it("nhsai serve catches up on a slot missed inside the grace window at start, and stops cleanly", async () => {
  const now = new Date();
  const store = await target.open(new Date(now.getTime() - 60 * 60_000));
  const { schedule, zone } = recentSlot(now);
  await subscribe(store, schedule, new Date(now.getTime() - 60 * 60_000), "C1", zone);
  await store.close();

  const serve = spawnNhsai(["serve"], target, api.apiUrl, { PORT: String(await freePort()), LOG_LEVEL: "info" });
  const output = outputOf(serve);
  let stderr = "";
  serve.stderr.on("data", (chunk) => {
    stderr += String(chunk);
  });
  while (!stderr.includes("scheduler.ran")) await once(serve.stderr, "data");
  expect(channelsOf(api)).toEqual(["C1"]);
  serve.kill("SIGTERM");
  const { code, stdout } = await output;
  expect(code).toBe(0);
  expect(stdout).toContain("SIGTERM received, shutting down");
  expect(stderr).toContain("scheduler.stopped");
}, 30_000);

it("node-cron's own messages (a failing task) come out as JSON lines, not coloured console text", async () => {
  const lines: string[] = [];
  const printed = vi.spyOn(console, "error").mockImplementation(() => {});
  const task = createTask(
    "* * * * * *",
    () => {
      throw new RangeError("broken task");
    },
    { logger: cronLogger(createJsonLogger((line) => lines.push(line), "info")) },
  );
  try {
    await task.start();
    await expect.poll(() => lines.length, { timeout: 3_000 }).toBeGreaterThan(0);
  } finally {
    await task.destroy();
    printed.mockRestore();
  }
  expect(printed).not.toHaveBeenCalled();
  expect(JSON.parse(lines[0] as string)).toMatchObject({ level: "error", event: "scheduler.cron" });
});
