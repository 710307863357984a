import { afterEach, expect, it } from "vitest";
import { formatPublished } from "../../src/knowledge/format-date.js";

const hostZone = process.env.TZ;
afterEach(() => {
  if (hostZone === undefined) delete process.env.TZ;
  else process.env.TZ = hostZone;
});

it("writes a publication date at the precision the source gives, in NHS style", () => {
  expect(formatPublished({ value: "2024-07-02", precision: "day" })).toBe("2 July 2024");
  expect(formatPublished({ value: "2023-10", precision: "month" })).toBe("October 2023");
  expect(formatPublished({ value: "2023", precision: "year" })).toBe("2023");
  expect(formatPublished(null)).toBe("date not stated");
});

it("never invents a day: a missing or impossible part falls back to the coarser precision", () => {
  expect(formatPublished({ value: "2023-10", precision: "day" })).toBe("October 2023");
  expect(formatPublished({ value: "2024-07-02", precision: "month" })).toBe("July 2024");
  expect(formatPublished({ value: "2024-02-31", precision: "day" })).toBe("February 2024");
  expect(formatPublished({ value: "2024-13", precision: "month" })).toBe("2024");
  expect(formatPublished({ value: "", precision: "day" })).toBe("date not stated");
});

it("writes the same day whatever the host's time zone", () => {
  for (const zone of ["UTC", "Pacific/Kiritimati", "America/Los_Angeles"]) {
    process.env.TZ = zone;
    expect(formatPublished({ value: "2024-01-01", precision: "day" }), zone).toBe("1 January 2024");
    expect(formatPublished({ value: "2024-12-31", precision: "day" }), zone).toBe("31 December 2024");
  }
});
