/**
 * The port a chat platform implements so reviewers get drafts (each platform's adapter draws the
 * DraftView its own way: Slack Block Kit, a Teams Adaptive Card), and the two things done to every
 * reviewer's copy at once: update it in place, and tell them something new.
 */

import type { PostOutcome } from "../channel-poster.js";
import type { Logger } from "../logger.js";
import type { Reply } from "../reply.js";
import type { JsonObject, Platform, ReviewDraft, Subscription } from "../store/store.js";
import { type DraftView, draftView, platformUserId } from "./review-draft.js";

/** Where a sent copy is (to update it later), or why it is not known to be there. */
export type CopyOutcome = { state: "sent"; message: JsonObject } | { state: "uncertain" | "failed"; detail: string };

export interface ReviewDesk {
  readonly platform: Platform;
  /** Sends the draft to one reviewer (their platform user id) by direct message. Never throws. */
  sendDraft(userId: string, view: DraftView): Promise<CopyOutcome>;
  /** Redraws a copy where it is (`message` as sendDraft gave it); false when the platform refused. Never throws. */
  updateDraft(message: JsonObject, view: DraftView): Promise<boolean>;
  /** A short direct message to one reviewer (a slot held, say). Never throws. */
  tell(userId: string, reply: Reply): Promise<PostOutcome>;
}

/** Redraws every copy that reached a reviewer, so all of them show the same state. */
export async function refreshCopies(
  desk: ReviewDesk,
  draft: ReviewDraft,
  subscription: Subscription,
  log: Logger,
): Promise<void> {
  const view = draftView(draft, subscription);
  for (const copy of draft.messages) {
    if (!copy.message) continue;
    const updated = await desk.updateDraft(copy.message, view);
    if (!updated) log.warn("review.copy_not_updated", { subscription: draft.subscriptionId, slot: draft.slot });
  }
}

/** Tells every reviewer whose copy may have reached them; returns how many were told. */
export async function tellReviewers(desk: ReviewDesk, draft: ReviewDraft, reply: Reply): Promise<number> {
  let told = 0;
  for (const copy of draft.messages) {
    if (copy.state !== "sent" && copy.state !== "uncertain") continue;
    const outcome = await desk.tell(platformUserId(copy.reviewer, desk.platform), reply);
    if (outcome.state === "sent") told++;
  }
  return told;
}
