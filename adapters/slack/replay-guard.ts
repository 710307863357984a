/**
 * Answers each Slack request once, across restarts: an event by its `event_id` (Slack's retries,
 * over HTTP or Socket Mode, carry the same id), a command or click by its signature over HTTP or
 * its trigger_id over Socket Mode. A copy is acknowledged and dropped; the store remembers a day.
 * Keys arriving together (in one turn of the event loop, or while the last group was being
 * written) are committed together, in one transaction; each request waits for its own key.
 *
 * Over HTTP the receiver asks `admit` before handing the request to Bolt (a copy never enters
 * Bolt's middleware, and a first one pays no middleware pass for the check); over Socket Mode,
 * where Bolt owns the receiver, the same check runs as Bolt's first global middleware.
 *
 * The guard fails closed: when the store cannot record a key (locked, full, damaged), the request
 * is not processed, since a duplicate answer or subscription is worse than asking for a retry.
 */

import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { GroupCommit, type HandledEvents, type Logger } from "../../src/index.js";

export interface Retry {
  retryNum?: number | undefined;
  retryReason?: string | undefined;
}

/** What the guard decided: answer it, drop it as a copy, or refuse it because it could not be recorded. */
export type Admission = "first" | "copy" | "unrecorded";

/** Said to the person whose command could not be recorded (Slack does not retry commands). */
export const RETRY_LATER = "nhsai is busy and could not take that just now. Please try again in a moment.";

export class ReplayGuard {
  /** True for a key seen for the first time (within the store's memory), false for a copy. */
  private readonly marks: GroupCommit<string, boolean>;

  constructor(
    store: HandledEvents,
    now: () => Date,
    private readonly log: Logger,
  ) {
    this.marks = new GroupCommit((keys) => store.markEventsHandled(keys, now()));
  }

  /**
   * "first" when the request is to be answered: the first time its key is seen, or it has no key.
   * A copy is logged and dropped; a key the store could not record is logged and refused.
   */
  async admit(body: { event_id?: unknown }, replayKey: unknown, retry: Retry): Promise<Admission> {
    const key = replayKeyOf(body, replayKey);
    if (key === null) return "first";
    let first: boolean;
    try {
      first = await this.marks.add(key);
    } catch (error) {
      this.log.error("slack.replay_store_failed", {
        error: error instanceof Error ? error.name : "unknown",
        code: String((error as { code?: unknown }).code ?? ""),
        action: "refused",
      });
      return "unrecorded";
    }
    if (!first)
      this.log.info("slack.replay_ignored", { retry: retry.retryNum ?? null, reason: retry.retryReason ?? null });
    return first ? "first" : "copy";
  }

  /**
   * The check as Bolt middleware (Socket Mode): a copy is acknowledged and goes no further; so is
   * a request that could not be recorded, with a "try again" to the person for a command.
   */
  middleware(): Middleware<AnyMiddlewareArgs> {
    return async (args) => {
      const context = args.context as { replayKey?: unknown } & Retry;
      const admission = await this.admit(args.body as { event_id?: unknown }, context.replayKey, context);
      if (admission !== "first") {
        if ("command" in args && args.command !== undefined)
          await args.ack(admission === "unrecorded" ? retryLater() : undefined);
        else if ("ack" in args && typeof args.ack === "function") await args.ack();
        return;
      }
      await args.next();
    };
  }
}

/** The acknowledgement for a command that was not processed: only its sender sees it. */
export function retryLater(): { response_type: "ephemeral"; text: string } {
  return { response_type: "ephemeral", text: RETRY_LATER };
}

function replayKeyOf(body: { event_id?: unknown }, replayKey: unknown): string | null {
  if (typeof body.event_id === "string" && body.event_id) return `slack:event:${body.event_id.slice(0, 200)}`;
  if (typeof replayKey === "string") return `slack:${replayKey}`;
  return null;
}
