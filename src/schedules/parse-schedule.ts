/**
 * The subscribe grammar, after `/nhsai subscribe`:
 *
 *   [daily | weekdays | weekly [on <day>] | every <day>] [at <time>] [in <IANA zone>] [always]
 *   [topics <topic> <topic> …]
 *
 * Defaults: weekdays at 9am, UK time, the whole digest, nothing posted when there is nothing new
 * (`always` posts one line saying so). Words are gathered first, then validated with zod, whose
 * first issue becomes the reason the user reads. Times 00:00 to 02:59 are refused: on the nights
 * the clocks change they happen twice or not at all. Never throws.
 */

import { z } from "zod";
import { isTimeZone } from "../config.js";
import { findTopic, type TopicId } from "../knowledge/topics.js";
import { type Cadence, type ScheduleSpec, WEEKDAYS, type Weekday } from "./schedule-spec.js";

export const SUBSCRIBE_EXAMPLE = "subscribe weekdays at 9.30am topics funding workforce";

export type ScheduleParse =
  | { ok: true; spec: ScheduleSpec /** A zone the user named, or null for the default. */; timeZone: string | null }
  | { ok: false; reason: string };

/** The words as gathered, before validation. */
interface Gathered {
  cadence?: string;
  day?: string;
  time?: string;
  zone?: string;
  topics: string[];
  always: boolean;
}

const TIME = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$/;
const EARLIEST_HOUR = 3;

const timeSchema = z.string().transform((value, ctx): { hour: number; minute: number } => {
  const clock = readClock(value);
  if (!clock) {
    ctx.addIssue({
      code: "custom",
      message: `"${value}" is not a time I can read: write it like 9am, 9.30am or 14:00`,
    });
    return z.NEVER;
  }
  if (clock.hour < EARLIEST_HOUR) {
    ctx.addIssue({
      code: "custom",
      message:
        "briefings cannot be scheduled between midnight and 2.59am: on the nights the clocks change those times happen twice or not at all. Choose 3am or later",
    });
    return z.NEVER;
  }
  return clock;
});

const zoneSchema = z.string().superRefine((zone, ctx) => {
  if (!isTimeZone(zone))
    ctx.addIssue({ code: "custom", message: `"${zone}" is not a time zone I know: name one like Europe/London` });
});

const topicSchema = z.string().transform((name, ctx): TopicId => {
  const topic = findTopic(name);
  if (!topic) {
    ctx.addIssue({ code: "custom", message: `"${name}" is not a topic I follow (type \`topics\` to see them)` });
    return z.NEVER;
  }
  return topic.id;
});

const gatheredSchema = z.object({
  cadence: z.enum(["daily", "weekdays", "weekly"]).default("weekdays"),
  day: z.enum(WEEKDAYS).default("monday"),
  time: timeSchema.default({ hour: 9, minute: 0 }),
  zone: zoneSchema.optional(),
  topics: z.array(topicSchema),
  always: z.boolean(),
});

/** Parses what follows `subscribe`. */
export function parseSchedule(input: string): ScheduleParse {
  const gathered = gather(input);
  if (typeof gathered === "string") return { ok: false, reason: gathered };
  const result = gatheredSchema.safeParse(gathered);
  if (!result.success) return { ok: false, reason: result.error.issues[0]?.message ?? "that schedule is not valid" };
  const { cadence, day, time, zone, topics, always } = result.data;
  const spec: ScheduleSpec = {
    cadence: cadenceOf(cadence, day),
    hour: time.hour,
    minute: time.minute,
    topics: [...new Set(topics)],
    whenNothingNew: always ? "line" : "silent",
  };
  return { ok: true, spec, timeZone: zone ?? null };
}

/** Sorts the words into fields; a string is the reason they cannot be read. */
function gather(input: string): Gathered | string {
  const words = input
    .replace(/[,;]/g, " ")
    .replace(/(\d)\s+(am|pm)\b/gi, "$1$2")
    .split(/\s+/)
    .filter(Boolean);
  const out: Gathered = { topics: [], always: false };
  const lower = (i: number) => words[i]?.toLowerCase() ?? "";
  const setCadence = (cadence: string, day?: string): string | null => {
    if (out.cadence)
      return `say how often only once (daily, weekdays or weekly on a day), not "${out.cadence}" and "${cadence}"`;
    out.cadence = cadence;
    if (day) out.day = day;
    return null;
  };
  for (let i = 0; i < words.length; i++) {
    const word = lower(i);
    const day = weekdayOf(word);
    let problem: string | null = null;
    if (word === "daily") problem = setCadence("daily");
    else if (word === "weekdays" || word === "weekday") problem = setCadence("weekdays");
    else if (word === "weekly") {
      const next = lower(i + 1) === "on" ? i + 2 : i + 1;
      const nextDay = weekdayOf(lower(next));
      problem = setCadence("weekly", nextDay);
      if (nextDay) i = next;
    } else if (word === "every" || word === "on") {
      const next = lower(i + 1);
      const nextDay = weekdayOf(next);
      if (next === "day") problem = setCadence("daily");
      else if (next === "weekday" || next === "weekdays") problem = setCadence("weekdays");
      else if (nextDay) problem = setCadence("weekly", nextDay);
      else return `"${word}" should be followed by a day, e.g. "every monday"`;
      i++;
    } else if (day) problem = setCadence("weekly", day);
    else if (word === "at") {
      if (!words[i + 1]) return `"at" should be followed by a time, e.g. "at 9am"`;
      out.time = lower(++i);
    } else if (TIME.test(word) || word === "midday" || word === "noon") out.time = word;
    else if (word === "in") {
      if (!words[i + 1]) return `"in" should be followed by a time zone, e.g. "in Europe/London"`;
      out.zone = zoneName(words[++i] ?? "");
    } else if (word.includes("/") || word === "utc") out.zone = zoneName(words[i] ?? "");
    else if (word === "uk" || word === "london") {
      out.zone = "Europe/London";
      if (lower(i + 1) === "time") i++;
    } else if (word === "always") out.always = true;
    else if (word === "quiet" || word === "silent") out.always = false;
    else if (word === "topics" || word === "topic") {
      out.topics.push(...topicNames(words.slice(i + 1)));
      break;
    } else return `I can't read "${words[i]}" in a schedule`;
    if (problem) return problem;
  }
  return out;
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

function readClock(value: string): { hour: number; minute: number } | null {
  if (value === "midday" || value === "noon") return { hour: 12, minute: 0 };
  const match = TIME.exec(value);
  if (!match) return null;
  const [hours, minutes, half] = [Number(match[1]), Number(match[2] ?? "0"), match[3]];
  if (minutes > 59) return null;
  if (half) {
    if (hours < 1 || hours > 12) return null;
    return { hour: (hours % 12) + (half === "pm" ? 12 : 0), minute: minutes };
  }
  return hours > 23 ? null : { hour: hours, minute: minutes };
}

function weekdayOf(word: string): Weekday | undefined {
  return WEEKDAYS.find((d) => word === d || word === `${d}s` || (word.length >= 3 && word === d.slice(0, 3)));
}

function zoneName(word: string): string {
  return word.toLowerCase() === "utc" ? "UTC" : word;
}

function cadenceOf(cadence: "daily" | "weekdays" | "weekly", day: Weekday): Cadence {
  if (cadence === "daily") return { every: "day" };
  if (cadence === "weekdays") return { every: "weekday" };
  return { every: "week", day };
}
