/**
 * When a schedule runs, as slots: the instant it falls on (its key, the claim the store keeps, so
 * a subscription moved to another zone can neither collide with nor repeat an earlier slot) and
 * the local wall-clock time in the subscription's zone ("2026-11-23T09:30", for people). Local calendar
 * days are walked with @date-fns/tz, so 9am in Europe/London is 09:00Z in winter and 08:00Z in
 * summer, once a day, across both clock changes. The grammar refuses 00:00-02:59, where the
 * London clock skips or repeats; in a zone that skips a later hour, the library moves the instant
 * forward and the key stays the same, so such a day still has exactly one slot.
 */

import { TZDate } from "@date-fns/tz/date";
import { type ScheduleSpec, WEEKDAYS } from "./schedule-spec.js";

export interface Slot {
  /** "2026-11-23T09:30:00.000Z": the instant, ISO 8601 UTC; what a delivery is claimed under. */
  key: string;
  /** "2026-11-23T09:30": local wall time in the subscription's zone. */
  local: string;
  at: Date;
}

/** Slots with `after < at <= until`, oldest first (at most one per local day). */
export function slotsBetween(spec: ScheduleSpec, zone: string, after: Date, until: Date): Slot[] {
  const slots: Slot[] = [];
  const last = new TZDate(until.getTime(), zone);
  for (let day = new TZDate(after.getTime(), zone), i = 0; i < 400; i++) {
    const slot = slotOn(spec, zone, day);
    if (slot && slot.at > after && slot.at <= until) slots.push(slot);
    if (sameLocalDay(day, last)) break;
    day = nextLocalDay(day, zone);
  }
  return slots;
}

/** The first slot strictly after `after`. */
export function nextSlot(spec: ScheduleSpec, zone: string, after: Date): Slot {
  for (let day = new TZDate(after.getTime(), zone), i = 0; i < 9; i++) {
    const slot = slotOn(spec, zone, day);
    if (slot && slot.at > after) return slot;
    day = nextLocalDay(day, zone);
  }
  throw new Error("next-run: a schedule runs at least weekly, so a slot is always within 8 days");
}

/** This local day's slot, if the schedule runs that day. */
function slotOn(spec: ScheduleSpec, zone: string, day: TZDate): Slot | null {
  if (!runsOn(spec, day.getDay())) return null;
  const [y, m, d] = [day.getFullYear(), day.getMonth(), day.getDate()];
  const at = new Date(new TZDate(y, m, d, spec.hour, spec.minute, zone).getTime());
  const local = `${y}-${pad(m + 1)}-${pad(d)}T${pad(spec.hour)}:${pad(spec.minute)}`;
  return { key: at.toISOString(), local, at };
}

/**
 * The instant a stored slot key names: an ISO instant, or (deliveries recorded before slots were
 * instants) a local wall time, read in `zone`.
 */
export function instantOfSlot(key: string, zone: string): Date {
  if (key.endsWith("Z")) return new Date(key);
  const [y, mo, d, h, mi] = key.split(/[-T:]/).map(Number);
  return new Date(new TZDate(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, zone).getTime());
}

/** "2026-11-23": the calendar day `at` falls on in `zone`. */
export function localDayOf(at: Date, zone: string): string {
  const day = new TZDate(at.getTime(), zone);
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** "2026-11-23T09:30": the wall time `at` shows in `zone`. */
export function localTimeOf(at: Date, zone: string): string {
  const t = new TZDate(at.getTime(), zone);
  return `${localDayOf(at, zone)}T${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

function runsOn(spec: ScheduleSpec, weekday: number): boolean {
  switch (spec.cadence.every) {
    case "day":
      return true;
    case "weekday":
      return weekday >= 1 && weekday <= 5;
    case "week":
      return WEEKDAYS[weekday] === spec.cadence.day;
    default: {
      const unreachable: never = spec.cadence;
      throw new Error(`unhandled cadence ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Midday of the next local day: far from any clock change, so the calendar date is exact. */
function nextLocalDay(day: TZDate, zone: string): TZDate {
  return new TZDate(day.getFullYear(), day.getMonth(), day.getDate() + 1, 12, 0, zone);
}

function sameLocalDay(a: TZDate, b: TZDate): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

const pad = (n: number) => String(n).padStart(2, "0");
