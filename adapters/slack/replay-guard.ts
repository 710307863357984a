/**
 * Answers each Slack request once, across restarts: an event by its `event_id` (Slack's retries,
 * over HTTP or Socket Mode, carry the same id), a command or click by its signature (the receiver
 * puts it in `context.replayKey`). A copy is acknowledged and dropped; the store remembers a day.
 * Keys arriving together are committed together (HandledBatch).
 */

import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Logger } from "../../src/logger.js";
import type { HandledEvents } from "../../src/store/store.js";
import { HandledBatch } from "./handled-batch.js";

export function replayGuard(store: HandledEvents, now: () => Date, log: Logger): Middleware<AnyMiddlewareArgs> {
  const batch = new HandledBatch(store, now);
  return async (args) => {
    const key = replayKeyOf(args.body as { event_id?: unknown }, args.context as { replayKey?: unknown });
    if (key !== null && !(await firstTime(batch, key, log))) {
      log.info("slack.replay_ignored", {
        retry: args.context.retryNum ?? null,
        reason: args.context.retryReason ?? null,
      });
      if ("ack" in args && typeof args.ack === "function") await args.ack();
      return;
    }
    await args.next();
  };
}

function replayKeyOf(body: { event_id?: unknown }, context: { replayKey?: unknown }): string | null {
  if (typeof body.event_id === "string" && body.event_id) return `slack:event:${body.event_id.slice(0, 200)}`;
  if (typeof context.replayKey === "string") return `slack:${context.replayKey}`;
  return null;
}

/** A store outage must not silence the bot: the request is then answered (and the outage logged). */
async function firstTime(batch: HandledBatch, key: string, log: Logger): Promise<boolean> {
  try {
    return await batch.mark(key);
  } catch (error) {
    log.error("slack.replay_store_failed", { error: String(error).slice(0, 200) });
    return true;
  }
}
