/** A subscription's schedule read back: its stored text through the grammar that wrote it, with its topics. */

import type { Subscription } from "../store/store.js";
import { parseSchedule } from "./parse-schedule.js";
import type { ScheduleSpec } from "./schedule-spec.js";

/**
 * The schedule, or null when the text cannot be read (written by hand, or by a future version).
 * The topics come from the subscription's own list, never from the text.
 */
export function scheduleOf(subscription: Pick<Subscription, "schedule" | "topics">): ScheduleSpec | null {
  const parsed = parseSchedule(subscription.schedule);
  return parsed.ok ? { ...parsed.spec, topics: [...subscription.topics] } : null;
}
