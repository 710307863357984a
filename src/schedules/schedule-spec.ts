/**
 * A channel's schedule as plain data, and the two ways its when is written: the canonical text the
 * store keeps (parsed back with the same grammar, so the two never drift apart; topics and options
 * are stored beside it as data, see stored-schedule.ts) and the label people read in NHS style
 * ("Weekdays at 9.30am").
 */

import { TOPICS, type TopicId } from "../knowledge/topics.js";

/** The subscribe command the replies show as an example. */
export const SUBSCRIBE_EXAMPLE = "subscribe weekdays at 9.30am topics funding workforce";

export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type Cadence = { every: "day" } | { every: "weekday" } | { every: "week"; day: Weekday };

export interface ScheduleSpec {
  cadence: Cadence;
  /** Local wall-clock time in the subscription's zone; hours 0-2 are refused (clock changes). */
  hour: number;
  minute: number;
  /** Empty: the whole digest. */
  topics: TopicId[];
  /** With nothing new: post nothing (`silent`) or one line saying so (`line`). */
  whenNothingNew: "silent" | "line";
  /** `with review`: each briefing goes to the channel's reviewers first and posts only once approved. */
  review: boolean;
}

/** "weekly on monday at 09:30": when it posts, as the store keeps it. */
export function scheduleText(spec: Pick<ScheduleSpec, "cadence" | "hour" | "minute">): string {
  const cadence = spec.cadence.every === "week" ? `weekly on ${spec.cadence.day}` : cadenceWord(spec.cadence);
  return `${cadence} at ${String(spec.hour).padStart(2, "0")}:${String(spec.minute).padStart(2, "0")}`;
}

/** "Weekdays at 9.30am", "Weekly on Mondays at midday". */
export function describeCadence(spec: ScheduleSpec): string {
  const when = clockLabel(spec.hour, spec.minute);
  switch (spec.cadence.every) {
    case "day":
      return `Every day at ${when}`;
    case "weekday":
      return `Weekdays (Monday to Friday) at ${when}`;
    case "week":
      return `Weekly on ${capitalise(spec.cadence.day)}s at ${when}`;
    default: {
      const unreachable: never = spec.cadence;
      throw new Error(`unhandled cadence ${JSON.stringify(unreachable)}`);
    }
  }
}

/** "the whole digest" or "Funding and Workforce". */
export function describeTopics(topics: readonly TopicId[]): string {
  if (topics.length === 0) return "the whole digest";
  const labels = topics.map((id) => TOPICS.find((t) => t.id === id)?.label ?? id);
  return labels.length === 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
}

/** NHS style: "9am", "9.30am", "midday", "5.30pm". */
export function clockLabel(hour: number, minute: number): string {
  if (hour === 12 && minute === 0) return "midday";
  if (hour === 0 && minute === 0) return "midnight";
  const suffix = hour < 12 ? "am" : "pm";
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return minute === 0 ? `${h}${suffix}` : `${h}.${String(minute).padStart(2, "0")}${suffix}`;
}

function cadenceWord(cadence: Cadence): string {
  return cadence.every === "day" ? "daily" : "weekdays";
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
