import { describe, expect, it } from "vitest";
import { parseSchedule } from "../../src/schedules/parse-schedule.js";
import { clockLabel, describeCadence } from "../../src/schedules/schedule-spec.js";
import { scheduleOf, storedScheduleOf } from "../../src/schedules/stored-schedule.js";

function specOf(input: string) {
  const parsed = parseSchedule(input);
  if (!parsed.ok) throw new Error(`expected "${input}" to parse, got: ${parsed.reason}`);
  return parsed;
}

describe("parseSchedule", () => {
  it("defaults to weekdays at 9am, the whole digest, silent when nothing is new", () => {
    expect(specOf("")).toEqual({
      ok: true,
      timeZone: null,
      spec: { cadence: { every: "weekday" }, hour: 9, minute: 0, topics: [], whenNothingNew: "silent", review: false },
    });
  });

  it.each([
    ["daily at 9:30am", { every: "day" }, 9, 30],
    ["weekdays at 9.30am", { every: "weekday" }, 9, 30],
    ["weekly on monday at 2pm", { every: "week", day: "monday" }, 14, 0],
    ["weekly on Fridays at 16:45", { every: "week", day: "friday" }, 16, 45],
    ["every tuesday 7am", { every: "week", day: "tuesday" }, 7, 0],
    ["weekly", { every: "week", day: "monday" }, 9, 0],
    ["daily at midday", { every: "day" }, 12, 0],
    ["at 11 pm every day", { every: "day" }, 23, 0],
  ])("reads %j", (input, cadence, hour, minute) => {
    expect(specOf(input).spec).toMatchObject({ cadence, hour, minute });
  });

  it("reads topics, including names of several words, and the one-line option", () => {
    const { spec } = specOf("daily at 8am always topics funding, workforce and clinical ai");
    expect(spec.topics).toEqual(["funding", "workforce", "diagnostics"]);
    expect(spec.whenNothingNew).toBe("line");
  });

  it("reads a named zone, and UK time as Europe/London", () => {
    expect(specOf("daily at 9am in America/New_York").timeZone).toBe("America/New_York");
    expect(specOf("daily at 9am UK time").timeZone).toBe("Europe/London");
  });

  it.each(["daily at 1am", "daily at 00:30", "weekdays at 2:59am", "daily at 12am", "daily at 1:30 am"])(
    "refuses %j, between midnight and 2.59am, with the reason",
    (input) => {
      const parsed = parseSchedule(input);
      expect(parsed).toMatchObject({ ok: false });
      expect(parsed.ok ? "" : parsed.reason).toMatch(/midnight and 2\.59am.*clocks change/);
    },
  );

  it.each([
    ["daily at 25:00", /not a time I can read/],
    ["daily at 9:75", /not a time I can read/],
    ["daily at", /followed by a time/],
    ["daily weekly", /only once/],
    ["daily in Mars/Olympus", /not a time zone I know/],
    ["daily topics knitting", /"knitting" is not a topic/],
    ["fortnightly", /can't read "fortnightly"/],
  ])("refuses %j with a reason", (input, reason) => {
    const parsed = parseSchedule(input);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.reason).toMatch(reason);
  });

  it("stores only the when as text, the rest as data, which read back to the same schedule", () => {
    for (const input of ["weekly on thursday at 3pm always topics funding diagnostics", "daily at 7:05am", ""]) {
      const { spec } = specOf(input);
      const stored = storedScheduleOf(spec);
      expect(stored.schedule).not.toMatch(/topic|funding|diagnostics|always/);
      expect(scheduleOf(stored)).toEqual(spec);
    }
    expect(storedScheduleOf(specOf("weekly on thursday at 3pm always topics funding").spec)).toEqual({
      schedule: "weekly on thursday at 15:00",
      topics: ["funding"],
      whenNothingNew: "line",
      review: false,
    });
  });

  it("takes a stored subscription's topics and options from its fields, never from its text", () => {
    const fields = { topics: ["workforce" as const], whenNothingNew: "silent" as const, review: false };
    expect(scheduleOf({ ...fields, schedule: "daily at 08:00 always with review topics funding" })).toMatchObject(
      fields,
    );
    expect(scheduleOf({ ...fields, schedule: "fortnightly" })).toBeNull();
  });

  it("labels times in NHS style", () => {
    expect([clockLabel(9, 0), clockLabel(9, 30), clockLabel(12, 0), clockLabel(17, 30)]).toEqual([
      "9am",
      "9.30am",
      "midday",
      "5.30pm",
    ]);
    expect(describeCadence(specOf("weekly on monday at 9.30am").spec)).toBe("Weekly on Mondays at 9.30am");
  });
});
