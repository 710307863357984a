/**
 * The first pass of the subscribe grammar: sorts the words into fields (how often, time, zone,
 * topics, `always`) without judging them; parse-schedule.ts validates them with zod.
 */

import { findTopic } from "../knowledge/topics.js";
import { WEEKDAYS, type Weekday } from "./schedule-spec.js";

/** 9, 9am, 9.30am, 9:30, 14:00. */
export const TIME = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$/;

/** The words as gathered, before validation. */
export interface Gathered {
  cadence?: string;
  day?: string;
  time?: string;
  zone?: string;
  topics: string[];
  always: boolean;
  review: boolean;
}

/** Sorts the words into fields; a string is the reason they cannot be read. */
export function gather(input: string): Gathered | string {
  const words = input
    .replace(/[,;]/g, " ")
    .replace(/(\d)\s+(am|pm)\b/gi, "$1$2")
    .split(/\s+/)
    .filter(Boolean);
  const out: Gathered = { topics: [], always: false, review: false };
  for (let i = 0; i < words.length; ) {
    const next = readWord(words, i, out);
    if (typeof next === "string") return next;
    i = next;
  }
  return out;
}

/** Reads the word at `i` (and any it takes with it) into `out`: the next word's index, or why it cannot. */
function readWord(words: readonly string[], i: number, out: Gathered): number | string {
  const word = words[i]?.toLowerCase() ?? "";
  const following = words[i + 1];
  const cadence = readCadence(words, i);
  if (typeof cadence === "string") return cadence;
  if (cadence) {
    if (out.cadence) return `say how often only once (daily, weekdays or weekly on a day), not twice`;
    out.cadence = cadence.cadence;
    if (cadence.day) out.day = cadence.day;
    return cadence.next;
  }
  if (word === "at") {
    if (!following) return `"at" should be followed by a time, e.g. "at 9am"`;
    out.time = following.toLowerCase();
    return i + 2;
  }
  if (word === "in") {
    if (!following) return `"in" should be followed by a time zone, e.g. "in Europe/London"`;
    out.zone = zoneName(following);
    return i + 2;
  }
  if (word === "with" || word === "review" || word === "reviewed") {
    const at = word === "with" ? i + 1 : i;
    if (!isReview(words[at])) return `"with" should be followed by "review", e.g. "with review"`;
    out.review = true;
    return at + 1;
  }
  if (word === "topics" || word === "topic") {
    // The topics run to the end, or to a trailing "with review".
    const end = words.findIndex((w, j) => j > i && w.toLowerCase() === "with" && isReview(words[j + 1]));
    out.topics.push(...topicNames(words.slice(i + 1, end === -1 ? words.length : end)));
    return end === -1 ? words.length : end;
  }
  if (word === "uk" || word === "london") {
    out.zone = "Europe/London";
    return following?.toLowerCase() === "time" ? i + 2 : i + 1;
  }
  if (word === "always" || word === "quiet" || word === "silent") out.always = word === "always";
  else if (TIME.test(word) || word === "midday" || word === "noon") out.time = word;
  else if (word.includes("/") || word === "utc") out.zone = zoneName(words[i] ?? "");
  else return `I can't read "${words[i]}" in a schedule`;
  return i + 1;
}

/** "daily", "weekdays", "weekly [on] <day>", "every <day|day|weekday>", "on <day>", "<day>s". */
function readCadence(
  words: readonly string[],
  i: number,
): { cadence: string; day?: Weekday; next: number } | string | null {
  const word = words[i]?.toLowerCase() ?? "";
  const next = words[i + 1]?.toLowerCase() ?? "";
  if (word === "daily") return { cadence: "daily", next: i + 1 };
  if (word === "weekdays" || word === "weekday") return { cadence: "weekdays", next: i + 1 };
  if (word === "weekly") {
    const at = next === "on" ? i + 2 : i + 1;
    const day = weekdayOf(words[at]?.toLowerCase() ?? "");
    return day ? { cadence: "weekly", day, next: at + 1 } : { cadence: "weekly", next: i + 1 };
  }
  if (word === "every" || word === "on") {
    if (next === "day") return { cadence: "daily", next: i + 2 };
    if (next === "weekday" || next === "weekdays") return { cadence: "weekdays", next: i + 2 };
    const day = weekdayOf(next);
    return day ? { cadence: "weekly", day, next: i + 2 } : `"${word}" should be followed by a day, e.g. "every monday"`;
  }
  const day = weekdayOf(word);
  return day ? { cadence: "weekly", day, next: i + 1 } : null;
}

/** Topic names from the words after `topics`, longest match first ("clinical ai" is one topic). */
function topicNames(words: string[]): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < words.length) {
    let end = Math.min(words.length, i + 5);
    while (end > i + 1 && !findTopic(words.slice(i, end).join(" "))) end--;
    names.push(words.slice(i, end).join(" "));
    i = end;
  }
  return names.filter((name) => !/^(and|&)$/i.test(name));
}

function isReview(word: string | undefined): boolean {
  return /^review(ed)?$/i.test(word ?? "");
}

function weekdayOf(word: string): Weekday | undefined {
  return WEEKDAYS.find((d) => word === d || word === `${d}s` || (word.length >= 3 && word === d.slice(0, 3)));
}

function zoneName(word: string): string {
  return word.toLowerCase() === "utc" ? "UTC" : word;
}
