/**
 * The subscribe grammar, after `/nhsai subscribe`:
 *
 *   [daily | weekdays | weekly [on <day>] | every <day>] [at <time>] [in <IANA zone>] [always]
 *   [with review] [topics <topic> <topic> …] [with review]
 *
 * Defaults: weekdays at 9am, UK time, the whole digest, nothing posted when there is nothing new
 * (`always` posts one line saying so), no review (`with review`: reviewers approve each briefing
 * before it posts, review-draft.ts and send-drafts.ts). Words are gathered first, then validated with zod, whose
 * first issue becomes the reason the user reads. Times 00:00 to 02:59 are refused: on the nights
 * the clocks change they happen twice or not at all. Never throws.
 */

import { isTimeZone } from "../config.js";
import { findTopic, type TopicId } from "../knowledge/topics.js";
import { lazySchema } from "../load-lazily.js";
import { gather, TIME } from "./read-schedule-words.js";
import { type Cadence, type ScheduleSpec, WEEKDAYS, type Weekday } from "./schedule-spec.js";

/** On success, `timeZone` is a zone the user named, or null for the default (TZ_DEFAULT). */
export type ScheduleParse = { ok: true; spec: ScheduleSpec; timeZone: string | null } | { ok: false; reason: string };

const EARLIEST_HOUR = 3;

/** The gathered words, checked: zod loads the first time a schedule is parsed (see load-lazily.ts). */
const gatheredSchema = lazySchema((z) => {
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

  return z.object({
    cadence: z.enum(["daily", "weekdays", "weekly"]).default("weekdays"),
    day: z.enum(WEEKDAYS).default("monday"),
    time: timeSchema.default({ hour: 9, minute: 0 }),
    zone: zoneSchema.optional(),
    topics: z.array(topicSchema),
    always: z.boolean(),
    review: z.boolean(),
  });
});

/** Parses what follows `subscribe`. */
export function parseSchedule(input: string): ScheduleParse {
  const gathered = gather(input);
  if (typeof gathered === "string") return { ok: false, reason: gathered };
  const result = gatheredSchema().safeParse(gathered);
  if (!result.success) return { ok: false, reason: result.error.issues[0]?.message ?? "that schedule is not valid" };
  const { cadence, day, time, zone, topics, always, review } = result.data;
  const spec: ScheduleSpec = {
    cadence: cadenceOf(cadence, day),
    hour: time.hour,
    minute: time.minute,
    topics: [...new Set(topics)],
    whenNothingNew: always ? "line" : "silent",
    review,
  };
  return { ok: true, spec, timeZone: zone ?? null };
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

function cadenceOf(cadence: "daily" | "weekdays" | "weekly", day: Weekday): Cadence {
  if (cadence === "daily") return { every: "day" };
  if (cadence === "weekdays") return { every: "weekday" };
  return { every: "week", day };
}
