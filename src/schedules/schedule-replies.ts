/** The replies to `subscribe`, `unsubscribe` and `schedule`, all of the `text` kind. */

import { textReply } from "../replies/text-reply.js";
import type { TextReply } from "../reply.js";
import type { Change } from "../store/store.js";
import { nothingNewLabel, reviewLabel, type SubscriptionView } from "./describe-subscription.js";
import { type ScheduleSpec, SUBSCRIBE_EXAMPLE } from "./schedule-spec.js";

const TITLES: Record<Change | "resumed", string> = {
  added: "Subscribed",
  updated: "Schedule changed",
  resumed: "Resumed",
  unchanged: "Already subscribed like that",
};

export function subscribedReply(view: SubscriptionView, spec: ScheduleSpec, change: Change | "resumed"): TextReply {
  const title = TITLES[change];
  return textReply(
    title,
    `This channel gets the ${briefingName(view)}: ${lowerFirst(view.when)}.`,
    `Next: ${view.nextRunLabel ?? "not scheduled"}. Each briefing holds only articles this channel has not been sent.`,
    nothingNewLabel(spec),
    reviewLabel(spec),
    "To stop, type `/nhsai unsubscribe`; to see it again, `/nhsai schedule`.",
  );
}

export function badScheduleReply(reason: string): TextReply {
  return textReply(
    "I couldn't set that schedule",
    `${capitalise(reason)}. Nothing was saved.`,
    `For example: \`/nhsai ${SUBSCRIBE_EXAMPLE}\` (times are UK time unless you name a zone, e.g. \`in Europe/Dublin\`).`,
  );
}

export function notAllowedReply(): TextReply {
  return textReply(
    "Only people who can change this channel can do that",
    "Subscriptions can be changed by members of this channel, and by the nhsai admins your organisation has named. Nothing was changed.",
  );
}

export function unsubscribedReply(removed: number): TextReply {
  return removed > 0
    ? textReply(
        "Unsubscribed",
        "This channel will get no more scheduled briefings. Type `/nhsai subscribe` to start again.",
      )
    : textReply("Nothing to unsubscribe", "This channel has no scheduled briefing.");
}

export function scheduleReply(views: readonly SubscriptionView[]): TextReply {
  if (views.length === 0)
    return textReply(
      "No scheduled briefing here",
      `This channel has no scheduled briefing. Try \`/nhsai ${SUBSCRIBE_EXAMPLE}\`.`,
    );
  const paragraphs = views.flatMap((v) => [
    `${capitalise(briefingName(v))}: ${lowerFirst(v.when)}.`,
    v.pausedReason
      ? `Paused: ${v.pausedReason}. Type \`/nhsai subscribe\` again to resume.`
      : `Next: ${v.nextRunLabel}.`,
    ...(v.review ? ["Reviewed: each briefing posts only once a reviewer approves it."] : []),
    ...(v.lastDelivery ? [`Last: ${v.lastDelivery.slot.replace("T", " ")}, ${v.lastDelivery.state}.`] : []),
  ]);
  return textReply("This channel's schedule", ...paragraphs);
}

/** "Coffee Time briefing", or "Coffee Time briefing on Funding and Workforce" for a subscription to some topics. */
function briefingName(view: SubscriptionView): string {
  return view.topics.length === 0 ? "Coffee Time briefing" : `Coffee Time briefing on ${view.about}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Subscriptions belong to a chat channel: said where there is none (the terminal, `nhsai command`).
 */
export function needsChatReply(): TextReply {
  return textReply(
    "Subscriptions are set in Slack or Teams",
    `In a Slack or Teams channel, type \`/nhsai ${SUBSCRIBE_EXAMPLE}\` to get briefings there. Operators can list every subscription with \`nhsai schedules\`.`,
  );
}
