/**
 * Dates in NHS content style, at the precision the source supports: "2 July 2024", "October
 * 2023", "2023" — never an invented day.
 */

import { format } from "date-fns";
import type { PublishedDate } from "./document.js";

/** "2 July 2024" / "October 2023" / "2023" / "date not stated". */
export function formatPublished(date: PublishedDate | null): string {
  if (!date) return "date not stated";
  const [year, month, day] = date.value.split("-").map(Number);
  if (!year) return "date not stated";
  if (date.precision === "year" || !month) return String(year);
  if (date.precision === "month" || !day) return format(new Date(year, month - 1, 1), "MMMM yyyy");
  return format(new Date(year, month - 1, day), "d MMMM yyyy");
}
