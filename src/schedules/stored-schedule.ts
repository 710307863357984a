/** A subscription's stored schedule text, read back with the same grammar that wrote it. */

import { parseSchedule } from "./parse-schedule.js";
import type { ScheduleSpec } from "./schedule-spec.js";

/** The schedule, or null when the text cannot be read (written by hand, or by a future version). */
export function parseStoredSchedule(text: string): ScheduleSpec | null {
  const parsed = parseSchedule(text);
  return parsed.ok ? parsed.spec : null;
}
