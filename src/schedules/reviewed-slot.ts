/**
 * The slot half of a reviewed briefing, inside the slot's delivery claim (so it runs once): an
 * approved draft posts as approved (removed items gone); a skipped one posts nothing; one nobody
 * decided on is held (nothing posted, reviewers told), or with REVIEW_UNANSWERED=post posts as
 * drafted. A draft no reviewer received is always held, and logged. Holding is a conditional
 * change, so a reviewer approving at the last second either wins (and it posts) or is told it was
 * held: never both.
 */

import type { BriefingService } from "../briefing-service.js";
import type { Logger } from "../logger.js";
import { textReply } from "../replies/text-reply.js";
import type { Actor, ReviewDraft, ReviewState, Store, Subscription } from "../store/store.js";
import type { Slot } from "./next-run.js";
import { type ReviewDesk, refreshCopies, tellReviewers } from "./review-desk.js";
import { digestOf, draftView, reviewedDigest } from "./review-draft.js";
import type { ScheduleSpec } from "./schedule-spec.js";
import { briefingOf, type ScheduledBriefing, scheduledBriefing } from "./scheduled-briefing.js";

export interface SlotReviewContext {
  store: Store;
  briefings: BriefingService;
  log: Logger;
  who: Actor;
  desk: ReviewDesk | undefined;
  unanswered: "hold" | "post";
  archivePage?: (id: string) => string;
}

/** What the slot does: post this briefing, or post nothing and record why. */
export type SlotDecision = { post: ScheduledBriefing; unreviewed: boolean } | { held: string } | { skipped: string };

const UNDECIDED: readonly ReviewState[] = ["drafting", "draft_sent"];

export async function decideReviewedSlot(
  ctx: SlotReviewContext,
  subscription: Subscription,
  spec: ScheduleSpec,
  slot: Slot,
  now: Date,
): Promise<SlotDecision> {
  const { store } = ctx;
  const draft = await store.getReviewDraft(subscription.id, slot.key);
  if (!draft) return noDraft(ctx, subscription, spec, now);
  if (draft.state === "approved") return approved(ctx, draft);
  if (draft.state === "skipped")
    return { skipped: `skipped by a reviewer (${draft.decidedName ?? draft.decidedBy ?? "unknown"})` };
  if (draft.state === "undeliverable") {
    ctx.log.warn("review.held", { subscription: subscription.id, slot: slot.key, reason: "undeliverable" });
    return { held: "held: the draft could not be delivered to any reviewer" };
  }
  if (ctx.unanswered === "post" && draft.state === "draft_sent") {
    if (await settle(ctx, subscription, draft, UNDECIDED, "unreviewed", now))
      return { post: briefingOf(digestOf(draft), ctx.archivePage), unreviewed: true };
  } else if (await settle(ctx, subscription, draft, UNDECIDED, "held", now)) {
    const held = await store.getReviewDraft(subscription.id, slot.key);
    if (held && ctx.desk) await tellReviewers(ctx.desk, held, heldNote(draftView(held, subscription).postsAt));
    ctx.log.info("review.held", { subscription: subscription.id, slot: slot.key, reason: "not approved" });
    return { held: "held: no reviewer approved it by the slot" };
  }
  // A reviewer decided while this ran: their decision stands.
  const decided = await store.getReviewDraft(subscription.id, slot.key);
  if (decided?.state === "approved") return approved(ctx, decided);
  return { skipped: `the review ended ${decided?.state ?? "without a draft"}` };
}

function approved(ctx: SlotReviewContext, draft: ReviewDraft): SlotDecision {
  const digest = reviewedDigest(draft);
  if (digest.items.length === 0) return { skipped: "the reviewers removed every item" };
  const briefing = briefingOf(digest, ctx.archivePage);
  // Removed items are not offered to this channel again.
  const removed = draft.removed.map((r) => r.documentId);
  return { post: { ...briefing, documentIds: [...briefing.documentIds, ...removed] }, unreviewed: false };
}

/**
 * No draft: nothing was new at draft time, or the subscription came too late to draft. Nothing
 * new still posts the usual line (or nothing); anything new now was never reviewed.
 */
async function noDraft(
  ctx: SlotReviewContext,
  subscription: Subscription,
  spec: ScheduleSpec,
  now: Date,
): Promise<SlotDecision> {
  const briefing = await scheduledBriefing(ctx.store, ctx.briefings, subscription, spec, now, ctx.archivePage);
  if (!briefing.digest || ctx.unanswered === "post") return { post: briefing, unreviewed: briefing.digest !== null };
  ctx.log.warn("review.held", { subscription: subscription.id, reason: "no draft" });
  return { held: "held: no draft was sent to reviewers before the slot" };
}

/** Moves the draft on if it is still in one of `from`, and redraws every reviewer's copy. */
async function settle(
  ctx: SlotReviewContext,
  subscription: Subscription,
  draft: ReviewDraft,
  from: readonly ReviewState[],
  to: ReviewState,
  now: Date,
): Promise<boolean> {
  if (!(await ctx.store.setReviewState(subscription.id, draft.slot, { from, to }, ctx.who, now))) return false;
  const latest = await ctx.store.getReviewDraft(subscription.id, draft.slot);
  if (latest && ctx.desk) await refreshCopies(ctx.desk, latest, subscription, ctx.log);
  return true;
}

function heldNote(postsAt: string): ReturnType<typeof textReply> {
  return textReply(
    "Briefing held",
    `The scheduled briefing for ${postsAt} was not approved in time, so nothing was posted to the channel.`,
  );
}
