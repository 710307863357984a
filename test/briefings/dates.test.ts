import { afterEach, describe, expect, it } from "vitest";
import {
  dayLabel,
  londonDayLabel,
  londonIsoDay,
  londonTimeLabel,
  parseIsoDay,
  publishedSpan,
} from "../../src/briefings/dates.js";

const hostZone = process.env.TZ;
afterEach(() => {
  if (hostZone === undefined) delete process.env.TZ;
  else process.env.TZ = hostZone;
});

describe("the day in London", () => {
  it("is written in NHS style, with no comma after the weekday", () => {
    expect(londonDayLabel(new Date("2026-11-23T08:05:00Z"))).toBe("Monday 23 November 2026");
    expect(londonIsoDay(new Date("2026-11-23T08:05:00Z"))).toBe("2026-11-23");
  });

  it("turns over at London's midnight, in summer time too, whatever the host's time zone", () => {
    for (const zone of ["UTC", "Pacific/Kiritimati", "America/Los_Angeles"]) {
      process.env.TZ = zone;
      // 23:30 UTC on 1 July is 00:30 on 2 July in London (BST); in winter London is on UTC.
      expect(londonIsoDay(new Date("2026-07-01T23:30:00Z"))).toBe("2026-07-02");
      expect(londonDayLabel(new Date("2026-07-01T23:30:00Z"))).toBe("Thursday 2 July 2026");
      expect(londonIsoDay(new Date("2026-12-01T23:30:00Z"))).toBe("2026-12-01");
    }
  });

  it("gives every moment of an hour the same London day, on the nights the clocks change too", () => {
    // 25 October 2026: BST ends at 01:00 UTC. 22:59 UTC the day before is 23:59 BST on the 24th.
    const moments: [string, string][] = [
      ["2026-10-24T22:59:59Z", "2026-10-24"],
      ["2026-10-24T23:00:00Z", "2026-10-25"],
      ["2026-10-24T23:59:59Z", "2026-10-25"],
      ["2026-10-25T00:30:00Z", "2026-10-25"],
      ["2026-03-28T23:59:59Z", "2026-03-28"],
      ["2026-03-29T00:59:59Z", "2026-03-29"],
      ["2026-03-29T23:00:00Z", "2026-03-30"],
    ];
    for (const pass of [1, 2])
      for (const [at, day] of moments) expect(londonIsoDay(new Date(at)), `${at} (pass ${pass})`).toBe(day);
  });

  it("gives the time as NHS style writes it: 8.05am, 9am on the hour, 12.30am after midnight", () => {
    expect(londonTimeLabel(new Date("2026-11-23T08:05:00Z"))).toBe("Monday 23 November 2026 at 8.05am");
    expect(londonTimeLabel(new Date("2026-11-23T09:00:00Z"))).toBe("Monday 23 November 2026 at 9am");
    expect(londonTimeLabel(new Date("2026-07-01T23:30:00Z"))).toBe("Thursday 2 July 2026 at 12.30am");
    expect(londonTimeLabel(new Date("2026-06-15T11:00:00Z"))).toBe("Monday 15 June 2026 at 12pm");
  });
});

describe("calendar days", () => {
  it("reads a real YYYY-MM-DD day as its UTC midnight and refuses anything else", () => {
    expect(parseIsoDay("2024-10-01")).toBe(Date.UTC(2024, 9, 1));
    expect(parseIsoDay("2024-02-29")).toBe(Date.UTC(2024, 1, 29));
    for (const bad of ["2023-02-29", "2024-02-31", "2024-13-01", "2024-1-01", "1 October 2024", ""])
      expect(parseIsoDay(bad), bad).toBeNull();
    expect(dayLabel("2024-10-01")).toBe("1 October 2024");
  });

  it("spans every day a date may mean at its precision, and no invented day", () => {
    const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
    expect(publishedSpan({ value: "2024-07-02", precision: "day" })).toEqual({
      start: day(2024, 7, 2),
      end: day(2024, 7, 2),
    });
    expect(publishedSpan({ value: "2024-02", precision: "month" })).toEqual({
      start: day(2024, 2, 1),
      end: day(2024, 2, 29),
    });
    expect(publishedSpan({ value: "2023", precision: "year" })).toEqual({
      start: day(2023, 1, 1),
      end: day(2023, 12, 31),
    });
    // A day the calendar does not have stands for its month.
    expect(publishedSpan({ value: "2023-02-31", precision: "day" })).toEqual({
      start: day(2023, 2, 1),
      end: day(2023, 2, 28),
    });
    expect(publishedSpan(null)).toBeNull();
  });
});
