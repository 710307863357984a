import { createTask } from "node-cron";
import { afterEach, describe, expect, it, vi } from "vitest";
import { nextSlot, slotsBetween } from "../../src/schedules/next-run.js";
import { parseSchedule } from "../../src/schedules/parse-schedule.js";
import type { ScheduleSpec } from "../../src/schedules/schedule-spec.js";

const LONDON = "Europe/London";

function spec(input: string): ScheduleSpec {
  const parsed = parseSchedule(input);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.spec;
}

const instants = (s: ScheduleSpec, from: string, to: string, zone = LONDON) =>
  slotsBetween(s, zone, new Date(from), new Date(to)).map((slot) => `${slot.local} ${slot.at.toISOString()}`);

describe("slots across the clock changes, Europe/London", () => {
  // Spring: 29 March 2026 and 28 March 2027; autumn: 25 October 2026 and 31 October 2027.
  it.each([
    [
      "2026-03-27T12:00Z",
      "2026-03-31T12:00Z",
      ["2026-03-28T07:00Z", "2026-03-29T06:00Z", "2026-03-30T06:00Z", "2026-03-31T06:00Z"],
    ],
    [
      "2026-10-23T12:00Z",
      "2026-10-27T12:00Z",
      ["2026-10-24T06:00Z", "2026-10-25T07:00Z", "2026-10-26T07:00Z", "2026-10-27T07:00Z"],
    ],
    [
      "2027-03-26T12:00Z",
      "2027-03-30T12:00Z",
      ["2027-03-27T07:00Z", "2027-03-28T06:00Z", "2027-03-29T06:00Z", "2027-03-30T06:00Z"],
    ],
    [
      "2027-10-29T12:00Z",
      "2027-11-02T12:00Z",
      ["2027-10-30T06:00Z", "2027-10-31T07:00Z", "2027-11-01T07:00Z", "2027-11-02T07:00Z"],
    ],
  ])("daily at 7am from %s: one slot a day at 7am local, in GMT and in BST", (from, to, expected) => {
    const got = slotsBetween(spec("daily at 7am"), LONDON, new Date(from), new Date(to));
    expect(got.map((s) => s.at.toISOString().replace(":00.000Z", "Z"))).toEqual(expected);
    expect(got.every((s) => s.local.endsWith("T07:00"))).toBe(true);
    expect(new Set(got.map((s) => s.local)).size).toBe(got.length);
  });

  it("weekdays at 8am: 07:00Z in BST and 08:00Z in GMT, Monday to Friday only", () => {
    expect(instants(spec("weekdays at 8am"), "2026-10-23T00:00Z", "2026-10-27T00:00Z")).toEqual([
      "2026-10-23T08:00 2026-10-23T07:00:00.000Z",
      "2026-10-26T08:00 2026-10-26T08:00:00.000Z",
    ]);
  });

  it("takes the next run strictly after the moment given, and a week ahead for weekly", () => {
    const weekly = spec("weekly on monday at 9.30am");
    expect(nextSlot(weekly, LONDON, new Date("2026-11-23T09:30:00Z")).local).toBe("2026-11-30T09:30");
    expect(nextSlot(weekly, LONDON, new Date("2026-11-23T09:29:59Z")).local).toBe("2026-11-23T09:30");
  });

  it("reads a named zone in that zone's time", () => {
    const at = nextSlot(spec("daily at 9am"), "America/New_York", new Date("2026-11-23T12:00:00Z"));
    expect(at).toEqual({
      key: "2026-11-23T14:00:00.000Z",
      local: "2026-11-23T09:00",
      at: new Date("2026-11-23T14:00:00Z"),
    });
  });

  it("does not depend on the process's own time zone", () => {
    // Slot instants come from the zone named, never from TZ: the same figures under any host zone.
    const before = process.env.TZ;
    process.env.TZ = "Asia/Tokyo";
    try {
      expect(nextSlot(spec("daily at 7am"), LONDON, new Date("2026-03-28T12:00Z")).at.toISOString()).toBe(
        "2026-03-29T06:00:00.000Z",
      );
    } finally {
      process.env.TZ = before;
    }
  });
});

describe("agreement with node-cron's own next runs (node-cron >= 4.3.0)", () => {
  afterEach(() => vi.useRealTimers());

  it.each([
    ["0 8 * * 1-5", "weekdays at 8am", "2026-03-20T12:00:00Z"],
    ["30 7 * * *", "daily at 7.30am", "2026-10-20T12:00:00Z"],
    ["30 7 * * *", "daily at 7.30am", "2027-03-25T12:00:00Z"],
    ["0 8 * * 1-5", "weekdays at 8am", "2027-10-27T12:00:00Z"],
  ])("%s from %s", (cron, words, from) => {
    vi.useFakeTimers({ now: new Date(from), toFake: ["Date"] });
    const task = createTask(cron, () => undefined, { timezone: LONDON });
    const expected = task.getNextRuns(10).map((d) => d.toISOString());
    void task.destroy();
    const ours: string[] = [];
    let after = new Date(from);
    for (let i = 0; i < 10; i++) {
      after = nextSlot(spec(words), LONDON, after).at;
      ours.push(after.toISOString());
    }
    expect(ours).toEqual(expected);
  });
});
