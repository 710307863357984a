/**
 * Publication dates at the precision the source supports, read as UTC calendar days and written
 * in NHS content style: "2 July 2024", "October 2023", "2023" — never an invented day. date-fns
 * does the calendar work, required on first use (src/load-lazily.ts), so a question that cites no
 * date never loads it; @date-fns/utc's small date class keeps the days in UTC without Intl's
 * time-zone data, which costs ~25 ms the first time a zone is asked for.
 */

import { loadLazily } from "../load-lazily.js";
import type { PublishedDate } from "./document.js";

const dateFns = {
  format: loadLazily<typeof import("date-fns/format")>("date-fns/format"),
  parseISO: loadLazily<typeof import("date-fns/parseISO")>("date-fns/parseISO"),
  utc: loadLazily<typeof import("@date-fns/utc/date/mini")>("@date-fns/utc/date/mini"),
};

/** A date-fns context (the `in` option) and a plain constructor: the moment as a UTC calendar date. */
export function utcDay(value: Date | number | string): Date {
  const { UTCDateMini: UtcDate } = dateFns.utc();
  return new UtcDate(typeof value === "string" ? Date.parse(value) : +value);
}

/** Each precision's part of the stored value (`YYYY-MM-DD`) and how it is written, finest first. */
const PRECISIONS: readonly { precision: PublishedDate["precision"]; length: number; pattern: string }[] = [
  { precision: "day", length: 10, pattern: "d MMMM yyyy" },
  { precision: "month", length: 7, pattern: "MMMM yyyy" },
  { precision: "year", length: 4, pattern: "yyyy" },
];

/**
 * The first day a published date may mean (UTC midnight) and the precision it really has: a part
 * the value lacks, or one that is no real date (a 31 February), falls back to the coarser one.
 */
export function publishedDay(date: PublishedDate | null): { day: Date; precision: PublishedDate["precision"] } | null {
  if (!date) return null;
  const finest = Math.max(
    PRECISIONS.findIndex((p) => p.precision === date.precision),
    0,
  );
  for (const { precision, length } of PRECISIONS.slice(finest)) {
    const part = date.value.slice(0, length);
    if (part.length !== length || !/^\d{4}(-\d{2}){0,2}$/.test(part)) continue;
    const day = dateFns.parseISO().parseISO(part, { in: utcDay });
    if (!Number.isNaN(day.getTime())) return { day, precision };
  }
  return null;
}

/** "2 July 2024" / "October 2023" / "2023" / "date not stated". */
export function formatPublished(date: PublishedDate | null): string {
  if (!date) return "date not stated";
  let written = writtenDates.get(date);
  if (written === undefined) {
    const published = publishedDay(date);
    const pattern = PRECISIONS.find((p) => p.precision === published?.precision)?.pattern ?? "yyyy";
    written = published ? dateFns.format().format(published.day, pattern) : "date not stated";
    writtenDates.set(date, written);
  }
  return written;
}

/**
 * Each document's date as written, kept with the date object itself: every answer and "closest
 * held" line writes its article's date, and parsing and formatting it was a twentieth of an
 * answer's time. Nothing changes a date object in place (a refresh gives the document a new one),
 * so the text cannot go stale.
 */
const writtenDates = new WeakMap<PublishedDate, string>();
