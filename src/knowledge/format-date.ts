/**
 * Dates in NHS content style, at the precision the source supports: "2 July 2024", "October
 * 2023", "2023" — never an invented day. Written by hand on purpose, as are the few fixed formats
 * in src/briefings/dates.ts: `date-fns/format` is 64 modules (20-45 ms of a cold `nhsai ask` here)
 * for three fixed patterns, and Intl loads ICU's calendar data. date-fns is therefore not a
 * dependency; `@date-fns/tz` does the schedules' time-zone arithmetic (src/schedules/next-run.ts).
 */

import type { PublishedDate } from "./document.js";

// Month names written out rather than asked of Intl: creating a DateTimeFormat loads ICU's
// calendar data, ~27 ms of every cold `nhsai ask`, for twelve fixed English words.
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2 July 2024" / "October 2023" / "2023" / "date not stated". */
export function formatPublished(date: PublishedDate | null): string {
  if (!date) return "date not stated";
  const [year, month, day] = date.value.split("-").map(Number);
  if (!year) return "date not stated";
  if (date.precision === "year" || !month) return String(year);
  const monthName = MONTHS[month - 1];
  if (!monthName) return String(year);
  if (date.precision === "month" || !day) return `${monthName} ${year}`;
  return `${day} ${monthName} ${year}`;
}
