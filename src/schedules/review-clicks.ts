/**
 * A reviewer's click on a draft (Approve, Remove an item, Skip this one), whichever platform it
 * came from: the button's value is read through a schema (it arrives from outside), the person is
 * checked against that channel's reviewers, the change is one conditional store write audited
 * with who and when (so a double click, or two reviewers at once, changes it once), and every
 * reviewer's copy is then redrawn in place.
 */

import { lazySchema } from "../load-lazily.js";
import type { Logger } from "../logger.js";
import type { Actor, Platform, ReviewDraft, Store } from "../store/store.js";
import { type ReviewDesk, refreshCopies } from "./review-desk.js";
import { digestOf, draftView, reviewersOf } from "./review-draft.js";

type ReviewAction = "approve" | "remove" | "skip";

export interface ReviewClick {
  action: ReviewAction;
  subscriptionId: string;
  slot: string;
  /** The item, for `remove`. */
  documentId?: string;
}

const clickSchema = lazySchema((z) =>
  z
    .object({
      a: z.enum(["approve", "remove", "skip"]),
      s: z.string().min(1).max(100),
      t: z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/),
      d: z.string().min(1).max(200).optional(),
    })
    .refine((v) => (v.a === "remove") === (v.d !== undefined), "remove names an item; nothing else does"),
);

/** A button's value: short keys, since Slack allows 2,000 characters and Teams shows none of it. */
export function clickValue(click: ReviewClick): string {
  return JSON.stringify({
    a: click.action,
    s: click.subscriptionId,
    t: click.slot,
    ...(click.documentId ? { d: click.documentId } : {}),
  });
}

/** The click a button's value names (as text, or already parsed), or null when it is not one. */
export function parseClick(value: unknown): ReviewClick | null {
  let data = value;
  if (typeof value === "string") {
    try {
      data = JSON.parse(value);
    } catch {
      return null;
    }
  }
  const parsed = clickSchema().safeParse(data);
  if (!parsed.success) return null;
  const { a, s, t, d } = parsed.data;
  return { action: a, subscriptionId: s, slot: t, ...(d ? { documentId: d } : {}) };
}

/** Who clicked, as the platform vouched for them; `name` is how the drafts show them. */
export interface Clicker {
  platform: Platform;
  userId: string;
  name: string;
}

export interface ReviewClicksDeps {
  store: Store;
  /** EDITORS. */
  editors: ReadonlySet<Actor>;
  desk: ReviewDesk;
  log: Logger;
}

export class ReviewClicks {
  constructor(private readonly deps: ReviewClicksDeps) {}

  /** Applies the click if allowed and still possible; resolves with one line to tell the clicker. Never throws for bad input. */
  async click(clicker: Clicker, click: ReviewClick, now: Date): Promise<string> {
    const { store, log } = this.deps;
    const who = `${clicker.platform}:${clicker.userId}`;
    const subscription = await store.getSubscription(click.subscriptionId);
    const draft = subscription ? await store.getReviewDraft(subscription.id, click.slot) : null;
    if (!subscription || !draft || subscription.platform !== clicker.platform)
      return "That draft no longer exists, so nothing was changed.";
    const facts = { subscription: subscription.id, slot: click.slot, action: click.action };
    if (!reviewersOf(subscription, this.deps.editors).includes(who)) {
      log.warn("review.click_refused", facts);
      return "Only this channel's reviewers can do that. Nothing was changed.";
    }
    const name = clicker.name.trim().slice(0, 80) || clicker.userId;
    const changed = await this.apply(click, draft, name, who, now);
    if (changed === null) return "That item is not in this draft. Nothing was changed.";
    const latest = (await store.getReviewDraft(subscription.id, click.slot)) ?? draft;
    log.info(changed ? "review.clicked" : "review.click_unchanged", facts);
    if (!changed) return `Nothing changed: ${draftView(latest, subscription).status}`;
    await refreshCopies(this.deps.desk, latest, subscription, log);
    const status = draftView(latest, subscription).status;
    if (click.action !== "remove") return status;
    const headline = digestOf(latest).items.find((item) => item.documentId === click.documentId)?.headline;
    return `Removed “${headline}”. ${status}`;
  }

  /** True when the click changed the draft, false when it had been done already (or was too late), null for no such item. */
  private async apply(click: ReviewClick, draft: ReviewDraft, name: string, who: Actor, now: Date) {
    const { store } = this.deps;
    if (click.action === "remove") {
      const documentId = click.documentId ?? "";
      if (!digestOf(draft).items.some((item) => item.documentId === documentId)) return null;
      return store.removeReviewItem(draft.subscriptionId, draft.slot, { documentId, removedBy: name }, who, now);
    }
    const to = click.action === "approve" ? "approved" : "skipped";
    return store.setReviewState(
      draft.subscriptionId,
      draft.slot,
      { from: ["drafting", "draft_sent"], to, decidedBy: name },
      who,
      now,
    );
  }
}
