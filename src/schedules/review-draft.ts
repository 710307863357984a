/**
 * A reviewed slot's draft as the review feature reads it: the digest as drafted (kept in the
 * store, so what posts is what the reviewers saw), minus the items they removed; who reviews it;
 * and the platform-neutral view every reviewer's copy is rendered from.
 */

import { shortHeadline } from "../briefings/build-digest.js";
import type { Digest } from "../briefings/digest.js";
import { digestReply } from "../replies/briefing-replies.js";
import type { Reply } from "../reply.js";
import type { Actor, JsonObject, Platform, ReviewDraft, ReviewState, Subscription } from "../store/store.js";
import { slotLabel } from "./describe-subscription.js";
import { localTimeOf } from "./next-run.js";
import { clockLabel } from "./schedule-spec.js";

/** What the draft row's body holds. */
interface DraftBody {
  digest: Digest;
}

export function draftBody(digest: Digest): JsonObject {
  return { digest } as unknown as JsonObject;
}

export function digestOf(draft: Pick<ReviewDraft, "body">): Digest {
  return (draft.body as unknown as DraftBody).digest;
}

/**
 * The digest the reviewers approved: the drafted one without the removed items. The intro named
 * the leading stories, so with any removed it is written again from the items left.
 */
export function reviewedDigest(draft: Pick<ReviewDraft, "body" | "removed">): Digest {
  const digest = digestOf(draft);
  const removed = new Set(draft.removed.map((r) => r.documentId));
  if (removed.size === 0) return digest;
  const items = digest.items.filter((item) => !removed.has(item.documentId));
  return { ...digest, items, intro: introOf(items.map((i) => i.headline)) };
}

function introOf(headlines: readonly string[]): string {
  if (headlines.length === 0) return "No stories to post.";
  const names = headlines.slice(0, 2).map((h) => `“${shortHeadline(h)}”`);
  const count = headlines.length === 1 ? "1 story" : `${headlines.length} stories`;
  return `${count} you haven't had here, led by ${names.join(" and ")}.`;
}

/**
 * The people who review a channel's briefings: whoever subscribed it and every EDITORS entry of
 * the same platform, as actors ("slack:U123"), each once.
 */
export function reviewersOf(subscription: Subscription, editors: ReadonlySet<Actor>): Actor[] {
  const prefix = `${subscription.platform}:`;
  const all = [subscription.createdBy, ...editors].filter((actor) => actor.startsWith(prefix));
  return [...new Set(all)];
}

/** "slack:U123" → "U123": the id a platform's desk addresses. */
export function platformUserId(actor: Actor, platform: Platform): string {
  return actor.slice(platform.length + 1);
}

/** Everything a reviewer's copy shows, whatever the platform draws it with. */
export interface DraftView {
  subscriptionId: string;
  slot: string;
  channelId: string;
  /** "Monday 23 November 2026 at 9am" in the subscription's zone. */
  postsAt: string;
  /** The briefing exactly as the channel would get it now. */
  reply: Reply;
  /** The items still in it, each with a Remove button while the draft is open. */
  items: { documentId: string; headline: string }[];
  /** "“Headline” removed by Alex at 8.41am". */
  removed: string[];
  /** "Waiting for approval", "Approved by Alex at 8.41am", "Held: nobody approved it by 9am"… */
  status: string;
  /** Whether the buttons are shown (only while waiting for a decision). */
  open: boolean;
}

export function draftView(draft: ReviewDraft, subscription: Pick<Subscription, "channelId" | "timeZone">): DraftView {
  const zone = subscription.timeZone;
  const digest = reviewedDigest(draft);
  const drafted = digestOf(draft);
  const headlineOf = new Map(drafted.items.map((i) => [i.documentId, i.headline]));
  const postsAt = slotLabel(localTimeOf(new Date(draft.slot), zone));
  return {
    subscriptionId: draft.subscriptionId,
    slot: draft.slot,
    channelId: subscription.channelId,
    postsAt,
    reply: digestReply(digest),
    items: digest.items.map((i) => ({ documentId: i.documentId, headline: i.headline })),
    removed: draft.removed.map(
      (r) =>
        `“${headlineOf.get(r.documentId) ?? r.documentId}” removed by ${r.removedName} at ${timeIn(r.removedAt, zone)}`,
    ),
    status: statusOf(draft, zone, postsAt),
    open: draft.state === "drafting" || draft.state === "draft_sent",
  };
}

const STATUS: Record<ReviewState, (by: string, at: string, postsAt: string) => string> = {
  drafting: (_by, _at, postsAt) => `Waiting for approval: it posts ${postsAt} only if a reviewer approves it.`,
  draft_sent: (_by, _at, postsAt) => `Waiting for approval: it posts ${postsAt} only if a reviewer approves it.`,
  undeliverable: () => "Held: the draft could not be delivered to any reviewer, so nothing was posted.",
  approved: (by, at) => `Approved by ${by} at ${at}.`,
  skipped: (by, at) => `Skipped by ${by} at ${at}: nothing is posted for this slot.`,
  held: () => "Held: nobody approved it in time, so nothing was posted.",
  unreviewed: () => "Posted unreviewed: nobody approved or skipped it in time.",
};

function statusOf(draft: ReviewDraft, zone: string, postsAt: string): string {
  const at = draft.decidedAt ? timeIn(draft.decidedAt, zone) : "";
  return STATUS[draft.state](draft.decidedName ?? "a reviewer", at, postsAt);
}

/** "8.41am" in the subscription's zone (NHS style). */
function timeIn(at: Date, zone: string): string {
  const [hour, minute] = localTimeOf(at, zone).slice(11).split(":").map(Number);
  return clockLabel(hour ?? 0, minute ?? 0);
}
