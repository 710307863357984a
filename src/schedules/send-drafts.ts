/**
 * The draft half of a reviewed slot, run by the scheduler `leadMinutes` before it: the briefing is
 * built and kept as the slot's draft (claimed first: of all replicas one drafts a slot), then each
 * reviewer's copy is claimed and sent by direct message, so nobody gets a draft twice, whatever
 * crashes. A draft left `drafting` by a process that stopped is finished by the next run: copies
 * it may have sent become `uncertain` (never sent again), reviewers it had not reached get theirs.
 */

import type { BriefingService } from "../briefing-service.js";
import type { Logger } from "../logger.js";
import type { Actor, ReviewDraft, Store, Subscription } from "../store/store.js";
import { publishStep } from "./delivery-channel.js";
import type { Slot } from "./next-run.js";
import type { ReviewDesk } from "./review-desk.js";
import { draftBody, draftView, platformUserId, reviewersOf } from "./review-draft.js";
import type { ScheduleSpec } from "./schedule-spec.js";
import { scheduledBriefing } from "./scheduled-briefing.js";

/** How the scheduler runs reviewed slots (EDITORS, REVIEW_LEAD_MINUTES, REVIEW_UNANSWERED). */
export interface ReviewSettings {
  desks: readonly ReviewDesk[];
  editors: ReadonlySet<Actor>;
  leadMinutes: number;
  unanswered: "hold" | "post";
}

export interface DraftContext {
  store: Store;
  briefings: BriefingService;
  desk: ReviewDesk;
  editors: ReadonlySet<Actor>;
  log: Logger;
  who: Actor;
  /** Whether a `drafting` draft was left by a process that stopped (stale, or known gone). */
  abandoned: (claimedBy: Actor, claimedAt: Date) => boolean;
}

/** Drafts (once) the slot; resolves with true when this call sent the draft. */
export async function draftSlot(
  ctx: DraftContext,
  subscription: Subscription,
  spec: ScheduleSpec,
  slot: Slot,
  now: Date,
): Promise<boolean> {
  const { store, log } = ctx;
  const existing = await store.getReviewDraft(subscription.id, slot.key);
  if (existing) {
    if (existing.state !== "drafting" || !ctx.abandoned(existing.claimedBy, existing.claimedAt)) return false;
    log.warn("review.draft_resumed", { subscription: subscription.id, slot: slot.key });
    await recoverCopies(ctx, existing, now);
    await sendCopies(ctx, subscription, slot, now);
    return true;
  }
  const briefing = await scheduledBriefing(store, ctx.briefings, subscription, spec, now);
  // Nothing new: nothing to review; the slot itself posts the "nothing new" line or stays silent.
  if (!briefing.digest) return false;
  if (!(await store.claimReviewDraft(subscription.id, slot.key, draftBody(briefing.digest), ctx.who, now)))
    return false;
  await sendCopies(ctx, subscription, slot, now);
  return true;
}

/** Sends each reviewer without a copy theirs, then records whether any reached a reviewer. */
async function sendCopies(ctx: DraftContext, subscription: Subscription, slot: Slot, now: Date): Promise<void> {
  const { store, desk, log, who } = ctx;
  const facts = { subscription: subscription.id, slot: slot.key };
  const draft = await store.getReviewDraft(subscription.id, slot.key);
  if (!draft) return;
  const view = draftView(draft, subscription);
  for (const reviewer of reviewersOf(subscription, ctx.editors)) {
    if (!(await store.claimReviewMessage(subscription.id, slot.key, reviewer, who, now))) continue;
    const outcome = await desk.sendDraft(platformUserId(reviewer, desk.platform), view);
    publishStep("after-draft-send", subscription.id, slot.key);
    const recorded =
      outcome.state === "sent"
        ? { state: "sent" as const, message: outcome.message }
        : { state: outcome.state, detail: outcome.detail };
    await store.markReviewMessage(subscription.id, slot.key, reviewer, recorded, who, now);
    log[outcome.state === "sent" ? "info" : "warn"](`review.copy_${outcome.state}`, facts);
  }
  const copies = (await store.getReviewDraft(subscription.id, slot.key))?.messages ?? [];
  const reached = copies.some((c) => c.state === "sent" || c.state === "uncertain");
  const to = reached ? "draft_sent" : "undeliverable";
  await store.setReviewState(subscription.id, slot.key, { from: ["drafting"], to }, who, now);
  if (reached) log.info("review.draft_sent", { ...facts, reviewers: copies.length });
  else log.warn("review.undeliverable", { ...facts, reviewers: copies.length });
}

/** Copies a stopped process claimed may have gone out: `uncertain`, never sent again. */
async function recoverCopies(ctx: DraftContext, draft: ReviewDraft, now: Date): Promise<void> {
  const detail = "the process stopped while sending this copy; it may or may not have arrived, so it is not sent again";
  for (const copy of draft.messages)
    if (copy.state === "claimed")
      await ctx.store.markReviewMessage(
        draft.subscriptionId,
        draft.slot,
        copy.reviewer,
        { state: "uncertain", detail },
        ctx.who,
        now,
      );
}
