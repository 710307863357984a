/** `subscribe … with review`: the grammar keeps every other option, and writes it back so it reads the same. */

import { describe, expect, it } from "vitest";
import { parseSchedule } from "../../src/schedules/parse-schedule.js";
import { scheduleOf, storedScheduleOf } from "../../src/schedules/stored-schedule.js";

function specOf(input: string) {
  const parsed = parseSchedule(input);
  if (!parsed.ok) throw new Error(`expected "${input}" to parse, got: ${parsed.reason}`);
  return parsed.spec;
}

describe("with review", () => {
  it.each([
    "weekdays at 9.30am with review",
    "with review daily at 8am",
    "daily at 8am always with review topics funding workforce",
    "daily at 8am topics funding workforce with review",
    "weekly on friday at 4pm reviewed",
  ])("reads %j as reviewed, keeping the other options", (input) => {
    const spec = specOf(input);
    expect(spec.review).toBe(true);
    expect(scheduleOf(storedScheduleOf(spec))).toEqual(spec);
  });

  it("keeps the topics either side of a trailing `with review`", () => {
    expect(specOf("daily at 8am topics funding workforce with review").topics).toEqual(["funding", "workforce"]);
    expect(specOf("daily at 8am always with review topics clinical ai").topics).toEqual(["diagnostics"]);
  });

  it("without it, review is off (subscribing again without it turns review off)", () => {
    expect(specOf("daily at 8am topics funding").review).toBe(false);
    expect(storedScheduleOf(specOf("daily at 8am"))).toMatchObject({ schedule: "daily at 08:00", review: false });
    expect(storedScheduleOf(specOf("daily at 8am with review"))).toMatchObject({
      schedule: "daily at 08:00",
      review: true,
    });
  });

  it.each([
    ["daily with", /"with" should be followed by "review"/],
    ["daily with editors", /"with" should be followed by "review"/],
  ])("refuses %j with a reason", (input, reason) => {
    const parsed = parseSchedule(input);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.reason).toMatch(reason);
  });
});
