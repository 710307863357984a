/**
 * Calendar days for briefings: the day in Europe/London whatever the host's time zone, written in
 * NHS style ("Monday 23 November 2026", "8.05am"), and the span of days a publication date may
 * stand for. date-fns does the formatting and the calendar arithmetic, with @date-fns/tz for
 * London and @date-fns/utc for plain calendar days (which need no time-zone data); each is required
 * on first use (src/load-lazily.ts), so a question answered at the command line loads only what
 * writing the date it cites needs (format-date.ts), and never the time-zone code.
 */

import { millisecondsInDay } from "date-fns/constants";
import type { PublishedDate } from "../knowledge/document.js";
import { publishedDay, utcDay } from "../knowledge/format-date.js";
import { loadLazily } from "../load-lazily.js";

const dateFns = {
  format: loadLazily<typeof import("date-fns/format")>("date-fns/format"),
  parseISO: loadLazily<typeof import("date-fns/parseISO")>("date-fns/parseISO"),
  lastDayOfMonth: loadLazily<typeof import("date-fns/lastDayOfMonth")>("date-fns/lastDayOfMonth"),
  lastDayOfYear: loadLazily<typeof import("date-fns/lastDayOfYear")>("date-fns/lastDayOfYear"),
};
const timeZones = loadLazily<typeof import("@date-fns/tz")>("@date-fns/tz");

/** Dates read in Europe/London: made on first use, as TZDate asks Intl for the zone's offsets. */
let london: ReturnType<typeof import("@date-fns/tz")["tz"]> | undefined;
function inLondon() {
  london ??= timeZones().tz("Europe/London");
  return { in: london };
}

/** Milliseconds in a day, for spans of UTC calendar days. */
export const DAY_IN_MS = millisecondsInDay;

/** "Monday 23 November 2026": NHS style has no comma after the weekday. */
export function londonDayLabel(now: Date): string {
  return dateFns.format().format(now, "EEEE d MMMM yyyy", inLondon());
}

/** "Monday 23 November 2026 at 8.05am" (or "at 9am" on the hour) in Europe/London, NHS style. */
export function londonTimeLabel(at: Date): string {
  const time = dateFns.format().format(at, "h.mmaaa", inLondon()).replace(".00", "");
  return `${londonDayLabel(at)} at ${time}`;
}

/**
 * London's day for each UTC hour asked about: the zone's offset is whole hours and changes on the
 * hour, so every moment of a UTC hour falls on one London day. A TZDate asks Intl for the offset
 * (~25 µs a call), and a digest asks once for every undated article.
 */
const londonDays = new Map<number, string>();
const LONDON_DAYS_KEPT = 10_000;

/** The day in Europe/London as `YYYY-MM-DD`. */
export function londonIsoDay(now: Date): string {
  const hour = Math.floor(now.getTime() / 3_600_000);
  let day = londonDays.get(hour);
  if (day === undefined) {
    day = dateFns.format().format(now, "yyyy-MM-dd", inLondon());
    if (londonDays.size >= LONDON_DAYS_KEPT) londonDays.clear();
    londonDays.set(hour, day);
  }
  return day;
}

/** "14:05" in Europe/London: a 24-hour clock, for pages that list times in a table. */
export function londonClock(at: Date): string {
  return dateFns.format().format(at, "HH:mm", inLondon());
}

/** `YYYY-MM-DD` → "Tuesday 1 October 2024" (NHS style: no comma after the weekday). */
export function weekdayLabel(isoDay: string): string {
  return dateFns.format().format(utcDay(parseIsoDay(isoDay) ?? 0), "EEEE d MMMM yyyy");
}

/** `YYYY-MM-DD` → "1 October 2024". */
export function dayLabel(isoDay: string): string {
  return dateFns.format().format(utcDay(parseIsoDay(isoDay) ?? 0), "d MMMM yyyy");
}

/** Milliseconds (UTC midnight) of a real calendar day `YYYY-MM-DD`, or null (a 31 February is none). */
export function parseIsoDay(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const day = dateFns.parseISO().parseISO(value, { in: utcDay });
  const ms = day.getTime();
  return Number.isNaN(ms) ? null : ms;
}

type DaySpan = Readonly<{ start: number; end: number }>;

/** Spans by the date object a document holds: ranking and grouping a digest ask for each several times. */
const spans = new WeakMap<PublishedDate, DaySpan | null>();

/** The first and last day (UTC midnights) a date at its precision may mean: "2023-10" is 1 to 31 October. */
export function publishedSpan(date: PublishedDate | null): DaySpan | null {
  if (!date) return null;
  let span = spans.get(date);
  if (span === undefined) {
    span = spanOf(date);
    spans.set(date, span);
  }
  return span;
}

function spanOf(date: PublishedDate): DaySpan | null {
  const published = publishedDay(date);
  if (!published) return null;
  const { day, precision } = published;
  const last =
    precision === "year"
      ? dateFns.lastDayOfYear().lastDayOfYear(day, { in: utcDay })
      : precision === "month"
        ? dateFns.lastDayOfMonth().lastDayOfMonth(day, { in: utcDay })
        : day;
  return Object.freeze({ start: day.getTime(), end: last.getTime() });
}
