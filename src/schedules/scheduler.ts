/**
 * The scheduler: at any moment (`runDue(now)`), works out from the store which slots are due and
 * delivers each through its platform's ChannelPoster. Whatever wakes it (node-cron every minute in
 * `nhsai serve`, `nhsai run-due` on a cron-less host) only says "look now"; the store decides, so
 * a restart, a late wake-up or three replicas waking together change nothing:
 *
 * - each (subscription, slot) is claimed once, in a row that is never deleted;
 * - a slot missed while no replica ran is posted if it is at most `graceMs` old (default 2 hours),
 *   else recorded as skipped; slots before the subscription was last changed are not owed;
 * - a claim left `claimed` for `staleClaimMs`, or sooner when `abandoned` says its process has
 *   stopped (a restart), becomes `uncertain`: it may have posted, so it is never posted again;
 * - a subscription `with review` has each slot's draft sent to its reviewers `leadMinutes` before
 *   (send-drafts.ts), and the slot posts what they decided (reviewed-slot.ts).
 */

import type { BriefingService } from "../briefing-service.js";
import type { ChannelPoster } from "../channel-poster.js";
import { type Logger, silentLogger } from "../logger.js";
import type { Actor, Delivery, Platform, Store, Subscription } from "../store/store.js";
import { deliverSlot, type SlotContext, type SlotResult } from "./deliver-slot.js";
import { instantOfSlot, localDayOf, slotsBetween } from "./next-run.js";
import type { ReviewDesk } from "./review-desk.js";
import type { ScheduleSpec } from "./schedule-spec.js";
import { draftSlot, type ReviewSettings } from "./send-drafts.js";
import { scheduleOf } from "./stored-schedule.js";

const DEFAULT_GRACE_MS = 2 * 60 * 60_000;
/** The longest a post may take (the poster's own timeouts and 429 waits are shorter); then it is uncertain. */
const DEFAULT_POST_TIMEOUT_MS = 5 * 60_000;
/** Longer than any post may take, so a live delivery is never taken over. */
const DEFAULT_STALE_CLAIM_MS = 2 * DEFAULT_POST_TIMEOUT_MS;
/** How far back missed slots are looked for (a weekly slot missed during a long outage is recorded). */
const LOOKBACK_MS = 8 * 24 * 60 * 60_000;

export interface SchedulerOptions {
  store: Store;
  briefings: BriefingService;
  posters: readonly ChannelPoster[];
  log?: Logger;
  graceMs?: number;
  /** Must stay well below staleClaimMs. */
  postTimeoutMs?: number;
  staleClaimMs?: number;
  /** Whether the process that made a claim is known to have stopped (default: never known). */
  abandoned?: (claimedBy: Actor, claimedAt: Date) => boolean;
  /** Who claims, in the audit trail. */
  who?: Actor;
  /** A briefing's archive page (PUBLIC_URL with the archive on): each post ends with a "View in browser" link to it. */
  archivePage?: (id: string) => string;
  /** Reviewed subscriptions: the platforms' desks, EDITORS, REVIEW_LEAD_MINUTES, REVIEW_UNANSWERED. */
  review?: ReviewSettings;
}

/** Slots by outcome, claims recovered, and drafts sent to reviewers. */
export type RunSummary = Record<SlotResult | "recovered" | "drafts", number>;

const DEFAULT_REVIEW: ReviewSettings = { desks: [], editors: new Set(), leadMinutes: 60, unanswered: "hold" };

export class Scheduler {
  private readonly posters: ReadonlyMap<Platform, ChannelPoster>;
  private readonly log: Logger;
  private readonly graceMs: number;
  private readonly staleClaimMs: number;
  private readonly review: ReviewSettings;
  private readonly desks: ReadonlyMap<Platform, ReviewDesk>;

  constructor(private readonly options: SchedulerOptions) {
    this.posters = new Map(options.posters.map((p) => [p.platform, p]));
    this.review = options.review ?? DEFAULT_REVIEW;
    this.desks = new Map(this.review.desks.map((d) => [d.platform, d]));
    this.log = options.log ?? silentLogger;
    this.graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
    this.staleClaimMs = options.staleClaimMs ?? DEFAULT_STALE_CLAIM_MS;
  }

  /** Delivers (or records as skipped) every slot due at `now`; one subscription's failure does not stop the rest. */
  async runDue(now: Date): Promise<RunSummary> {
    const summary: RunSummary = {
      taken: 0,
      sent: 0,
      uncertain: 0,
      failed: 0,
      skipped: 0,
      held: 0,
      paused: 0,
      recovered: 0,
      drafts: 0,
    };
    for (const subscription of await this.options.store.listSubscriptions()) {
      if (subscription.pausedReason !== null) continue;
      const poster = this.posters.get(subscription.platform);
      if (!poster) continue; // another replica, configured for that platform, delivers it
      try {
        await this.runSubscription(subscription, poster, now, summary);
      } catch (error) {
        const name = error instanceof Error ? error.name : "error";
        this.log.error("schedule.failed", { subscription: subscription.id, error: name });
      }
    }
    return summary;
  }

  private async runSubscription(subscription: Subscription, poster: ChannelPoster, now: Date, summary: RunSummary) {
    const spec = scheduleOf(subscription);
    if (!spec) {
      this.log.warn("schedule.unreadable", { subscription: subscription.id });
      return;
    }
    const recent = await this.options.store.listDeliveries(subscription.id, 20);
    summary.recovered += await this.recoverStaleClaims(recent, now);
    // Slots are compared as instants, and a local day (in the zone now subscribed) that already
    // had a delivery gets no second one: moving a subscription to another zone neither loses a
    // day (a new slot's local key once collided with an old one) nor doubles one.
    const zone = subscription.timeZone;
    const delivered = recent.map((d) => instantOfSlot(d.slot, zone));
    const newest = Math.max(0, ...delivered.map((at) => at.getTime()));
    const daysDone = new Set(delivered.map((at) => localDayOf(at, zone)));
    const after = new Date(Math.max(subscription.updatedAt.getTime(), now.getTime() - LOOKBACK_MS));
    const due = slotsBetween(spec, zone, after, now).filter(
      (slot) => slot.at.getTime() > newest && !daysDone.has(localDayOf(slot.at, zone)),
    );
    const ctx = this.slotContext(poster);
    for (const slot of due) {
      const late = now.getTime() - slot.at.getTime() > this.graceMs;
      const result = late
        ? await this.skipMissed(subscription.id, slot.key, now)
        : await deliverSlot(ctx, subscription, spec, slot, now);
      summary[result]++;
      if (result === "paused") return;
    }
    if (spec.review) summary.drafts += await this.sendDrafts(subscription, spec, now, ctx.review.desk);
  }

  /** Sends the drafts of slots due within the lead time (once each; see send-drafts.ts). */
  private async sendDrafts(subscription: Subscription, spec: ScheduleSpec, now: Date, desk: ReviewDesk | undefined) {
    if (!desk) return 0;
    const { store, briefings, who = "scheduler" } = this.options;
    const until = new Date(now.getTime() + this.review.leadMinutes * 60_000);
    const ctx = {
      store,
      briefings,
      desk,
      editors: this.review.editors,
      log: this.log,
      who,
      abandoned: (by: Actor, at: Date) =>
        now.getTime() - at.getTime() >= this.staleClaimMs || (this.options.abandoned?.(by, at) ?? false),
    };
    let sent = 0;
    for (const slot of slotsBetween(spec, subscription.timeZone, now, until))
      if (await draftSlot(ctx, subscription, spec, slot, now)) sent++;
    return sent;
  }

  private async skipMissed(subscriptionId: string, slot: string, now: Date): Promise<SlotResult> {
    const { store, who = "scheduler" } = this.options;
    if (!(await store.claimDelivery(subscriptionId, slot, who, now))) return "taken";
    const hours = this.graceMs / 3_600_000;
    const detail = `missed: no replica was running within ${hours} hour${hours === 1 ? "" : "s"} of the slot`;
    await store.markDelivery(subscriptionId, slot, { state: "skipped", detail }, who, now);
    this.log.warn("delivery.missed", { subscription: subscriptionId, slot });
    return "skipped";
  }

  /** Claims a process left unfinished become `uncertain`: never re-posted, visible to operators. */
  private async recoverStaleClaims(recent: readonly Delivery[], now: Date): Promise<number> {
    const { store, who = "scheduler" } = this.options;
    let recovered = 0;
    for (const d of recent) {
      if (d.state !== "claimed") continue;
      const stale = now.getTime() - d.claimedAt.getTime() >= this.staleClaimMs;
      if (!stale && !this.options.abandoned?.(d.claimedBy, d.claimedAt)) continue;
      const detail =
        "the process stopped during this delivery; it may or may not have posted, so it is not posted again";
      // Recorded only if still claimed: a process that finished meanwhile keeps its own outcome.
      if (!(await store.markDelivery(d.subscriptionId, d.slot, { state: "uncertain", detail }, who, now))) continue;
      recovered++;
      this.log.warn("delivery.recovered", { subscription: d.subscriptionId, slot: d.slot, state: "uncertain" });
    }
    return recovered;
  }

  private slotContext(poster: ChannelPoster): SlotContext {
    const { store, briefings, who = "scheduler", postTimeoutMs = DEFAULT_POST_TIMEOUT_MS, archivePage } = this.options;
    return {
      store,
      briefings,
      poster,
      log: this.log,
      who,
      postTimeoutMs,
      ...(archivePage ? { archivePage } : {}),
      review: { desk: this.desks.get(poster.platform), unanswered: this.review.unanswered },
    };
  }
}
