/**
 * Calendar days for briefings: the day in Europe/London whatever the host's time zone, written in
 * NHS style ("Monday 23 November 2026"), and the span of days a publication date may stand for.
 */

import type { PublishedDate } from "../knowledge/document.js";

// Made on first use: each DateTimeFormat loads ICU's calendar and zone data (~25 ms), which a
// question answered at the command line never needs.
let formats: {
  londonParts: Intl.DateTimeFormat;
  londonIso: Intl.DateTimeFormat;
  dayLabel: Intl.DateTimeFormat;
} | null = null;
function dateFormats() {
  formats ??= {
    londonParts: new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London",
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
    }),
    londonIso: new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/London",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }),
    dayLabel: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  };
  return formats;
}

const DAY_MS = 86_400_000;

/** "Monday 23 November 2026": NHS style has no comma after the weekday. */
export function londonDayLabel(now: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    dateFormats()
      .londonParts.formatToParts(now)
      .find((p) => p.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")} ${part("year")}`;
}

/** The day in Europe/London as `YYYY-MM-DD`. */
export function londonIsoDay(now: Date): string {
  return dateFormats().londonIso.format(now);
}

/** `YYYY-MM-DD` → "1 October 2024". */
export function dayLabel(isoDay: string): string {
  return dateFormats().dayLabel.format(parseIsoDay(isoDay) ?? 0);
}

/** Milliseconds (UTC midnight) of a real calendar day `YYYY-MM-DD`, or null. */
export function parseIsoDay(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? ms : null;
}

/** The first and last day (UTC midnights) a date at its precision may mean: "2023-10" is 1 to 31 October. */
export function publishedSpan(date: PublishedDate | null): { start: number; end: number } | null {
  if (!date) return null;
  const [year, month, day] = date.value.split("-").map(Number);
  if (!year) return null;
  if (date.precision === "year" || !month) return { start: Date.UTC(year, 0, 1), end: Date.UTC(year, 11, 31) };
  if (date.precision === "month" || !day)
    return { start: Date.UTC(year, month - 1, 1), end: Date.UTC(year, month, 1) - DAY_MS };
  const at = Date.UTC(year, month - 1, day);
  return { start: at, end: at };
}

export const DAY_IN_MS = DAY_MS;
