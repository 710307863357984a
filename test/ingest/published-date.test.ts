/** Publication dates at the precision the source gives, read as the day in London. */

import { expect, it } from "vitest";
import { dateFromMachine, dateFromText, publishedFrom } from "../../src/ingest/published-date.js";

it.each([
  ["2026-11-17T09:30:00+00:00", { value: "2026-11-17", precision: "day" }],
  ["2023-10", { value: "2023-10", precision: "month" }],
  ["2023", { value: "2023", precision: "year" }],
  // RSS dates are instants: 11.30pm GMT on 30 June is 1 July in London (BST).
  ["Tue, 30 Jun 2026 23:30:00 GMT", { value: "2026-07-01", precision: "day" }],
  ["2026-02-30", null],
  ["2023-13", null],
  ["soon", null],
  ["", null],
])("%j", (raw, expected) => {
  expect(dateFromMachine(raw)).toEqual(expected);
});

it("finds a written date in the opening paragraphs only, and says where the date came from", () => {
  expect(dateFromText(["Published 12th March 2024 by the trust."])).toEqual({ value: "2024-03-12", precision: "day" });
  expect(dateFromText(["On March 3, 2025 the board met."])).toEqual({ value: "2025-03-03", precision: "day" });
  expect(dateFromText(["One.", "Two.", "Three.", "The event is on 9 May 2027."])).toBeNull();
  expect(publishedFrom(null, [{ text: "Posted 2 July 2024." }], "page")).toEqual({
    published: { value: "2024-07-02", precision: "day" },
    dateNote: "Date read from the article text; the page gives none.",
  });
  expect(publishedFrom("2024-07", [{ text: "Posted 2 July 2024." }], "page")).toEqual({
    published: { value: "2024-07", precision: "month" },
    dateNote: null,
  });
});

it("reads the published date, not the update, when a line gives both, and no review or event date", () => {
  expect(dateFromText(["Last updated: 4 June 2024 | Published: 3 June 2024"], 1)).toEqual({
    value: "2024-06-03",
    precision: "day",
  });
  expect(dateFromText(["Updated 4 June 2024"], 1)).toEqual({ value: "2024-06-04", precision: "day" });
  expect(dateFromText(["Last reviewed 29 June 2021"], 1)).toBeNull();
  expect(dateFromText(["Healthcare Partnership Network North, 6-7 March 2025"], 1, { monthYear: true })).toBeNull();
  expect(dateFromText(["Charing Cross Hospital, April 2023"], 1, { monthYear: true })).toBeNull();
  expect(dateFromText(["Interim guidance - September 2020"], 1, { monthYear: true })).toEqual({
    value: "2020-09",
    precision: "month",
  });
});
