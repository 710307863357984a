/**
 * Dates in NHS content style, at the precision the source supports: "2 July 2024", "October
 * 2023", "2023" — never an invented day. (Intl, not date-fns: the date-fns barrel costs 160 ms
 * of a cold `nhsai ask`.)
 */

import type { PublishedDate } from "./document.js";

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** "2 July 2024" / "October 2023" / "2023" / "date not stated". */
export function formatPublished(date: PublishedDate | null): string {
  if (!date) return "date not stated";
  const [year, month, day] = date.value.split("-").map(Number);
  if (!year) return "date not stated";
  if (date.precision === "year" || !month) return String(year);
  if (date.precision === "month" || !day) return MONTH.format(Date.UTC(year, month - 1, 1));
  return DAY.format(Date.UTC(year, month - 1, day));
}
