/**
 * Publication dates as sources give them: ISO 8601 in meta tags and JSON-LD, RFC 822 in RSS,
 * "2 July 2024" in the text. The precision is what the source supports: "2023-10" stays a month.
 */

import { londonIsoDay } from "../briefings/dates.js";
import type { PublishedDate } from "../knowledge/document.js";

/** A dateline is short (12 words at most): a date inside a longer sentence is news, not the publication date. */
export const DATELINE_WORDS = 12;

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH = `(${MONTHS.join("|")}|sept|${MONTHS.map((m) => m.slice(0, 3)).join("|")})\\.?`;
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s-]+${MONTH},?[\\s-]+(\\d{4})\\b`, "i");
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "i");
const MONTH_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{4})$`, "i");
/** "23/11/2023", "23.11.2023": UK order, day first. */
/** "23/11/2023", "07-06-2025", "23/10/23" (day first, as UK pages write them; a copy may glue it to a name). */
const NUMERIC_DAY = /(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/;
const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/;
/** "Updated 3 June": a revision, not the first publication; used only when nothing else is written. */
const UPDATED = /\b(updated|modified|revised)\b/i;
const PUBLISHED_LABEL = /\b(?:first\s+)?(?:published|posted)\b(?!\s+(?:by|in)\b)/i;
const REVIEWED = /\b(?:last\s+)?reviewed\b|\bnext review\b|\breview date\b/i;

/**
 * The source's own date when it gives one, else the first full date in the opening paragraphs,
 * with a note saying so (`where`: "page", "file").
 */
export function publishedFrom(
  machine: unknown,
  paragraphs: readonly { text: string }[],
  where: string,
): { published: PublishedDate | null; dateNote: string | null } {
  const own = dateFromMachine(machine);
  if (own) return { published: own, dateNote: null };
  const read = dateFromText(paragraphs.map((p) => p.text));
  return { published: read, dateNote: read ? `Date read from the article text; the ${where} gives none.` : null };
}

/** A machine-readable date (ISO 8601 at any precision, or RFC 822), or null. */
export function dateFromMachine(value: unknown): PublishedDate | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T\s])/.exec(text);
  if (iso) {
    const [, year, month, day] = iso;
    if (day) return realDay(`${year}-${month}-${day}`);
    if (month)
      return Number(month) >= 1 && Number(month) <= 12 ? { value: `${year}-${month}`, precision: "month" } : null;
    return { value: year as string, precision: "year" };
  }
  const time = Date.parse(text);
  return Number.isFinite(time) ? { value: londonIsoDay(new Date(time)), precision: "day" } : null;
}

/**
 * The first full date written in the opening paragraphs ("2 July 2024", "July 2, 2024", "Friday,
 * Jan 23, 2026", "23/11/2023", "2024-07-02"), or null. A date on an "Updated …" line counts only
 * when no other date is written.
 */
export function dateFromText(
  paragraphs: readonly string[],
  opening = 3,
  options: { monthYear?: boolean } = {},
): PublishedDate | null {
  let updated: PublishedDate | null = null;
  for (const text of paragraphs.slice(0, opening))
    for (const whole of text.split("\n")) {
      // "Last updated: 4 June 2024 | Published: 3 June 2024": the published date is the one after its label.
      const label = UPDATED.test(whole) ? PUBLISHED_LABEL.exec(whole) : null;
      const line = label && dateInLine(whole.slice(label.index)) ? whole.slice(label.index) : whole;
      const found = dateInLine(line) ?? (options.monthYear ? monthInLine(line) : null);
      // "Last reviewed 29 June 2021": a guidance page's review says when it was checked, not written.
      if (!found || REVIEWED.test(line)) continue;
      if (!UPDATED.test(line)) return found;
      updated ??= found;
    }
  return updated;
}

function dateInLine(text: string): PublishedDate | null {
  const dmy = DAY_MONTH_YEAR.exec(text);
  // "Healthcare Partnership Network North, 6-7 March 2025": a range of days is an event's, not the page's.
  if (dmy && /\d\s*[-–]\s*$/.test(text.slice(0, dmy.index))) return null;
  if (dmy) return dayOf(dmy[3] as string, dmy[2] as string, dmy[1] as string);
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) return dayOf(mdy[3] as string, mdy[1] as string, mdy[2] as string);
  const iso = ISO_DAY.exec(text);
  if (iso) return realDay(`${iso[1]}-${iso[2]}-${iso[3]}`);
  const numeric = NUMERIC_DAY.exec(text);
  if (numeric) {
    const year = (numeric[4] as string).length === 2 ? `20${numeric[4]}` : (numeric[4] as string);
    return realDay(`${year}-${(numeric[3] as string).padStart(2, "0")}-${(numeric[1] as string).padStart(2, "0")}`);
  }
  return null;
}

/** "Interim guidance - September 2020": a month closing a dateline (never in a sentence, where it is news). */
function monthInLine(text: string): PublishedDate | null {
  const found = MONTH_YEAR.exec(text);
  // "Charing Cross Hospital, April 2023": a picture's place and month, as a caption gives them.
  // After a day ("6-7 March 2025") it is a full date that dateInLine refused, not a month's.
  if (!found || /\p{Lu}\p{L}*,\s*$|\d(?:st|nd|rd|th)?\s*$/u.test(text.slice(0, found.index))) return null;
  const month = MONTHS.findIndex((m) => m.startsWith((found[1] as string).toLowerCase().slice(0, 3))) + 1;
  return { value: `${found[2]}-${String(month).padStart(2, "0")}`, precision: "month" };
}

function dayOf(year: string, monthName: string, day: string): PublishedDate | null {
  const month = MONTHS.findIndex((m) => m.startsWith(monthName.toLowerCase().slice(0, 3))) + 1;
  return realDay(`${year}-${String(month).padStart(2, "0")}-${day.padStart(2, "0")}`);
}

function realDay(value: string): PublishedDate | null {
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().startsWith(value) ? { value, precision: "day" } : null;
}

/** "4 min readDec 10, 2020": page elements copied without a space between them. */
export function unglueDates(line: string): string {
  return (
    line
      .replace(/(\p{Ll})((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)/giu, "$1 $2")
      // "NEWS15 August 2023": a section's label run into the day.
      .replace(
        /(\p{L})(\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4})/giu,
        "$1 $2",
      )
  );
}

/** The line with every full date in it blanked out ("12 March 2024 | Jane Doe" → " | Jane Doe"). */
export function withoutDates(line: string): string {
  const everywhere = (pattern: RegExp) => new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`);
  return [DAY_MONTH_YEAR, MONTH_DAY_YEAR, ISO_DAY, NUMERIC_DAY].reduce(
    (text, pattern) => text.replace(everywhere(pattern), " "),
    line,
  );
}
