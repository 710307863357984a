/**
 * Answers each Slack request once, across restarts: an event by its `event_id` (Slack's retries,
 * over HTTP or Socket Mode, carry the same id), a command or click by its signature over HTTP or
 * its trigger_id over Socket Mode. A copy is acknowledged and dropped; the store remembers a day.
 * Keys arriving together are committed together (HandledBatch).
 *
 * Over HTTP the receiver asks `admit` before handing the request to Bolt (a copy never enters
 * Bolt's middleware, and a first one pays no middleware pass for the check); over Socket Mode,
 * where Bolt owns the receiver, the same check runs as Bolt's first global middleware.
 */

import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Logger } from "../../src/logger.js";
import type { HandledEvents } from "../../src/store/store.js";
import { HandledBatch } from "./handled-batch.js";

export interface Retry {
  retryNum?: number | undefined;
  retryReason?: string | undefined;
}

export class ReplayGuard {
  private readonly batch: HandledBatch;

  constructor(
    store: HandledEvents,
    now: () => Date,
    private readonly log: Logger,
  ) {
    this.batch = new HandledBatch(store, now);
  }

  /**
   * True when the request is to be answered: the first time its key is seen, or it has no key.
   * A copy is logged and refused. A store outage must not silence the bot: the request is then
   * answered (and the outage logged).
   */
  async admit(body: { event_id?: unknown }, replayKey: unknown, retry: Retry): Promise<boolean> {
    const key = replayKeyOf(body, replayKey);
    if (key === null) return true;
    let first: boolean;
    try {
      first = await this.batch.mark(key);
    } catch (error) {
      this.log.error("slack.replay_store_failed", { error: String(error).slice(0, 200) });
      return true;
    }
    if (!first)
      this.log.info("slack.replay_ignored", { retry: retry.retryNum ?? null, reason: retry.retryReason ?? null });
    return first;
  }

  /** The check as Bolt middleware (Socket Mode): a copy is acknowledged and goes no further. */
  middleware(): Middleware<AnyMiddlewareArgs> {
    return async (args) => {
      const context = args.context as { replayKey?: unknown } & Retry;
      if (!(await this.admit(args.body as { event_id?: unknown }, context.replayKey, context))) {
        if ("ack" in args && typeof args.ack === "function") await args.ack();
        return;
      }
      await args.next();
    };
  }
}

function replayKeyOf(body: { event_id?: unknown }, replayKey: unknown): string | null {
  if (typeof body.event_id === "string" && body.event_id) return `slack:event:${body.event_id.slice(0, 200)}`;
  if (typeof replayKey === "string") return `slack:${replayKey}`;
  return null;
}
