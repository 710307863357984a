/**
 * A schedule as a subscription stores it and back: when it posts as text (read with the grammar
 * that wrote it), and its topics, quiet-day choice and review as data.
 */

import type { Subscription, SubscriptionInput } from "../store/store.js";
import { parseSchedule } from "./parse-schedule.js";
import { type ScheduleSpec, scheduleText } from "./schedule-spec.js";

type StoredSchedule = Pick<SubscriptionInput, "schedule" | "topics" | "whenNothingNew" | "review">;

/** The subscription's fields for a schedule. */
export function storedScheduleOf(spec: ScheduleSpec): StoredSchedule {
  return {
    schedule: scheduleText(spec),
    topics: spec.topics,
    whenNothingNew: spec.whenNothingNew,
    review: spec.review,
  };
}

/**
 * The schedule, or null when the text cannot be read (written by hand, or by a future version).
 * Only the when comes from the text; everything else from the subscription's own fields.
 */
export function scheduleOf(subscription: Pick<Subscription, keyof StoredSchedule>): ScheduleSpec | null {
  const parsed = parseSchedule(subscription.schedule);
  if (!parsed.ok) return null;
  const { topics, whenNothingNew, review } = subscription;
  return { ...parsed.spec, topics: [...topics], whenNothingNew, review };
}
