/**
 * One slot of one subscription, claimed first so that of all replicas exactly one posts it:
 * claim → build → post → record the outcome. A post that may have reached the channel is never
 * repeated: a lost reply is `uncertain`; a channel the bot can no longer post to pauses the
 * subscription.
 */

import type { ArchivedBriefing } from "../archive/posted-briefing.js";
import type { BriefingService } from "../briefing-service.js";
import type { ChannelPoster } from "../channel-poster.js";
import type { Logger } from "../logger.js";
import { textReply } from "../replies/text-reply.js";
import type { Actor, DeliveryOutcome, Store, Subscription } from "../store/store.js";
import { publishStep } from "./delivery-channel.js";
import type { Slot } from "./next-run.js";
import { postWithin } from "./post-within.js";
import type { ReviewDesk } from "./review-desk.js";
import { decideReviewedSlot, type SlotDecision } from "./reviewed-slot.js";
import type { ScheduleSpec } from "./schedule-spec.js";
import { scheduledBriefing } from "./scheduled-briefing.js";

/** `held`: a reviewed slot nobody approved (recorded as a skipped delivery). */
export type SlotResult = "taken" | DeliveryOutcome["state"] | "paused" | "held";

export interface SlotContext {
  store: Store;
  briefings: BriefingService;
  poster: ChannelPoster;
  log: Logger;
  who: Actor;
  /** A post still unanswered after this is recorded as uncertain. */
  postTimeoutMs: number;
  /** A briefing's archive page, linked from its post ("View in browser"); unset: no link. */
  archivePage?: (id: string) => string;
  /** Reviewed slots: the platform's desk (unset: held, nobody can review) and REVIEW_UNANSWERED. */
  review: { desk: ReviewDesk | undefined; unanswered: "hold" | "post" };
}

export async function deliverSlot(
  ctx: SlotContext,
  subscription: Subscription,
  spec: ScheduleSpec,
  slot: Slot,
  now: Date,
): Promise<SlotResult> {
  const { store, log, who } = ctx;
  if (!(await store.claimDelivery(subscription.id, slot.key, who, now))) return "taken";
  const facts = { subscription: subscription.id, slot: slot.key, platform: subscription.platform };
  publishStep("after-claim", subscription.id, slot.key);
  const decision = await decide(ctx, subscription, spec, slot, now);
  if (!("post" in decision)) {
    const detail = "held" in decision ? decision.held : decision.skipped;
    await record(ctx, subscription, slot, { state: "skipped", detail }, now);
    return "held" in decision ? "held" : "skipped";
  }
  const briefing = decision.post;
  if (!briefing.reply) {
    await record(ctx, subscription, slot, { state: "skipped", detail: "nothing new since the last briefing" }, now);
    log.info("delivery.nothing_new", facts);
    return "skipped";
  }
  const outcome = await postWithin(ctx.poster, subscription.channelId, briefing.reply, ctx.postTimeoutMs);
  publishStep("after-post", subscription.id, slot.key);
  const detail = briefing.nothingNew
    ? `one line: nothing new; ${outcome.detail}`
    : decision.unreviewed
      ? `posted unreviewed; ${outcome.detail}`
      : outcome.detail;
  const documentIds = briefing.documentIds;
  if (outcome.state === "gone") {
    await record(ctx, subscription, slot, { state: "failed", detail: `cannot post there: ${outcome.detail}` }, now);
    await store.setSubscriptionPaused(
      subscription.id,
      `the bot cannot post in this channel (${outcome.detail})`,
      who,
      now,
    );
    log.warn("subscription.paused", { ...facts, reason: "gone" });
    publishStep("after-mark", subscription.id, slot.key);
    await tellSubscriber(ctx, subscription);
    return "paused";
  }
  await record(ctx, subscription, slot, { state: outcome.state, detail, documentIds }, now);
  // An uncertain post may have reached the channel, and its "View in browser" link with it.
  if (briefing.archived && outcome.state !== "failed") await archive(ctx, briefing.archived, now);
  log[outcome.state === "sent" ? "info" : "warn"](`delivery.${outcome.state}`, { ...facts, items: documentIds.length });
  publishStep("after-mark", subscription.id, slot.key);
  return outcome.state;
}

/** What the slot posts: the briefing as built now, or for a reviewed slot what its review decided. */
async function decide(
  ctx: SlotContext,
  subscription: Subscription,
  spec: ScheduleSpec,
  slot: Slot,
  now: Date,
): Promise<SlotDecision> {
  if (spec.review) return decideReviewedSlot({ ...ctx, ...ctx.review }, subscription, spec, slot, now);
  return {
    post: await scheduledBriefing(ctx.store, ctx.briefings, subscription, spec, now, ctx.archivePage),
    unreviewed: false,
  };
}

/**
 * Where possible, tells whoever subscribed the channel, in a direct message (a Slack user id is
 * a channel a bot may post to; where the platform cannot, the poster says so and that is logged).
 */
async function tellSubscriber(ctx: SlotContext, subscription: Subscription): Promise<void> {
  const prefix = `${subscription.platform}:`;
  if (!subscription.createdBy.startsWith(prefix)) return;
  const reply = textReply(
    "Scheduled briefing paused",
    `I can no longer post in channel ${subscription.channelId}, so its scheduled briefing is paused. Add me back and type \`/nhsai subscribe\` there to resume it.`,
  );
  const outcome = await postWithin(ctx.poster, subscription.createdBy.slice(prefix.length), reply, ctx.postTimeoutMs);
  ctx.log.info("subscription.subscriber_told", { subscription: subscription.id, state: outcome.state });
}

/** Keeps the posted briefing for the web archive; a failure here is logged, never undoes the post. */
async function archive(ctx: SlotContext, briefing: ArchivedBriefing, now: Date): Promise<void> {
  try {
    await ctx.store.recordPostedBriefing(briefing, ctx.who, now);
  } catch (error) {
    ctx.log.warn("briefing.archive_failed", {
      briefing: briefing.id,
      error: error instanceof Error ? error.name : "error",
    });
  }
}

/** Records the outcome; if another replica already recovered this claim, says so in the log. */
async function record(ctx: SlotContext, subscription: Subscription, slot: Slot, outcome: DeliveryOutcome, now: Date) {
  const recorded = await ctx.store.markDelivery(subscription.id, slot.key, outcome, ctx.who, now);
  if (!recorded)
    ctx.log.warn("delivery.outcome_not_recorded", {
      subscription: subscription.id,
      slot: slot.key,
      state: outcome.state,
    });
}
