/**
 * A subscription in words and as plain data, for the `schedule` reply and `nhsai schedules`:
 * what the channel gets, when (in NHS style, in its zone), when it next runs, and how the last
 * delivery went.
 */

import { weekdayLabel } from "../briefings/dates.js";
import type { TopicId } from "../knowledge/topics.js";
import type { Delivery, ReviewState, Subscription } from "../store/store.js";
import { instantOfSlot, localTimeOf, nextSlot } from "./next-run.js";
import { clockLabel, describeCadence, describeTopics, type ScheduleSpec } from "./schedule-spec.js";
import { scheduleOf } from "./stored-schedule.js";

export interface SubscriptionView {
  id: string;
  platform: string;
  channelId: string;
  schedule: string;
  timeZone: string;
  /** The topic ids its briefings are narrowed to; empty for all news. */
  topics: TopicId[];
  /** "Weekdays (Monday to Friday) at 9am, UK time". */
  when: string;
  /** "the whole digest" or "Funding and Workforce". */
  about: string;
  whenNothingNew: "silent" | "line";
  /** Subscribed `with review`: reviewers approve each briefing before it posts. */
  review: boolean;
  /** The latest reviewed slot's draft (the next slot's once drafted): its slot (ISO, UTC) and review state. */
  reviewState: { slot: string; state: ReviewState } | null;
  /** The next slot as an instant (ISO, UTC) and in words in its zone; null while paused or unreadable. */
  nextRun: string | null;
  nextRunLabel: string | null;
  pausedReason: string | null;
  /** The latest delivery; its slot as wall time in the subscription's zone ("2026-11-23T09:00"). */
  lastDelivery: { slot: string; state: string; detail: string | null } | null;
  createdBy: string;
}

export function viewSubscription(
  subscription: Subscription,
  last: Delivery | null,
  now: Date,
  reviewState: SubscriptionView["reviewState"] = null,
): SubscriptionView {
  const spec = scheduleOf(subscription);
  const next = spec && subscription.pausedReason === null ? nextSlot(spec, subscription.timeZone, now) : null;
  return {
    id: subscription.id,
    platform: subscription.platform,
    channelId: subscription.channelId,
    schedule: subscription.schedule,
    timeZone: subscription.timeZone,
    when: spec
      ? `${describeCadence(spec)}, ${zoneLabel(subscription.timeZone)}`
      : `"${subscription.schedule}" (unreadable)`,
    topics: [...subscription.topics],
    about: describeTopics(subscription.topics),
    whenNothingNew: subscription.whenNothingNew,
    review: subscription.review,
    reviewState,
    nextRun: next ? next.at.toISOString() : null,
    nextRunLabel: next ? slotLabel(next.local) : null,
    pausedReason: subscription.pausedReason,
    lastDelivery: last
      ? {
          slot: localTimeOf(instantOfSlot(last.slot, subscription.timeZone), subscription.timeZone),
          state: last.state,
          detail: last.detail,
        }
      : null,
    createdBy: subscription.createdBy,
  };
}

/** "UK time" for Europe/London, else the zone's own name. */
function zoneLabel(zone: string): string {
  return zone === "Europe/London" ? "UK time" : `${zone} time`;
}

/** "2026-11-24T09:30" → "Tuesday 24 November 2026 at 9.30am" (NHS style: no comma after the weekday). */
export function slotLabel(key: string): string {
  const [h, mi] = key.slice(11).split(":").map(Number);
  const day = weekdayLabel(key.slice(0, 10));
  return `${day} at ${clockLabel(h ?? 0, mi ?? 0)}`;
}

/** Who sees a briefing before it posts, in words. */
export function reviewLabel(spec: Pick<ScheduleSpec, "review">): string {
  return spec.review
    ? "Reviewed: each briefing goes first to its reviewers (whoever subscribed, and the editors) by direct message, and posts only if one of them approves it."
    : "Not reviewed: briefings post as they are (add `with review` to have each one approved first).";
}

/** What a quiet day brings, in words. */
export function nothingNewLabel(spec: Pick<ScheduleSpec, "whenNothingNew">): string {
  return spec.whenNothingNew === "line"
    ? "On a day with nothing new, I post one line saying so."
    : "On a day with nothing new, I post nothing (add `always` to get one line saying so).";
}
