import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Scheduler } from "../../src/schedules/scheduler.js";
import type { Store } from "../../src/store/store.js";
import { ROOT } from "../helpers/factories.js";
import { embeddedHarness, type StoreHarness } from "../store/harness.js";
import { RecordingPoster, subscribe, twoStoryBriefings } from "./schedule-fixtures.js";

let harness: StoreHarness;
let store: Store;

beforeEach(async () => {
  harness = embeddedHarness();
});
afterEach(async () => harness.cleanup());

/** Wakes a real scheduler every `stepMinutes` from `from` to `to`, as node-cron would, and lists what it delivered. */
async function wakeThrough(from: string, to: string, stepMinutes: number) {
  const start = new Date(from);
  store = await harness.open(start);
  await subscribe(store, "daily at 7.30am always", start, "C1");
  await subscribe(store, "weekdays at 8am always", start, "C2");
  const poster = new RecordingPoster();
  const scheduler = new Scheduler({ store, briefings: twoStoryBriefings(), posters: [poster] });
  const delivered: string[] = [];
  for (let t = start.getTime(); t <= Date.parse(to); t += stepMinutes * 60_000) {
    const before = poster.posts.length;
    await scheduler.runDue(new Date(t));
    for (const post of poster.posts.slice(before))
      delivered.push(`${post.channelId} ${new Date(t).toISOString().slice(0, 16)}Z`);
  }
  return delivered;
}

describe("a scheduler woken through the clock changes (Europe/London)", () => {
  it("spring 2026: one post a day at 7.30am and weekdays at 8am local, no gap, no double", async () => {
    expect(await wakeThrough("2026-03-27T12:00:00Z", "2026-03-31T12:00:00Z", 10)).toEqual([
      "C1 2026-03-28T07:30Z",
      "C1 2026-03-29T06:30Z",
      "C1 2026-03-30T06:30Z",
      "C2 2026-03-30T07:00Z",
      "C1 2026-03-31T06:30Z",
      "C2 2026-03-31T07:00Z",
    ]);
  });

  it("autumn 2027: the same in reverse", async () => {
    expect(await wakeThrough("2027-10-29T12:00:00Z", "2027-11-02T12:00:00Z", 10)).toEqual([
      "C1 2027-10-30T06:30Z",
      "C1 2027-10-31T07:30Z",
      "C1 2027-11-01T07:30Z",
      "C2 2027-11-01T08:00Z",
      "C1 2027-11-02T07:30Z",
      "C2 2027-11-02T08:00Z",
    ]);
  });
});

describe("node-cron", () => {
  it("is 4.3.0 or later (earlier 4.x has daylight-saving bugs)", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "node_modules", "node-cron", "package.json"), "utf8"));
    const [major = 0, minor = 0] = String(version).split(".").map(Number);
    expect(major > 4 || (major === 4 && minor >= 3)).toBe(true);
  });
});
