/**
 * What a failed Slack Web API call means for a post: wait and retry (429), resend as plain text
 * (blocks refused), or a final outcome. Only a 429 is certain to have posted nothing and to be
 * worth retrying; anything ambiguous (network, timeout, 5xx) is `uncertain` and never re-sent.
 */

import { webApi } from "@slack/bolt";
import type { PostOutcome } from "../../src/index.js";
export type FailedCall =
  | { next: "wait"; retryAfterMs: number }
  | { next: "plain_text"; detail: string }
  | { next: "stop"; outcome: PostOutcome };

/** The bot can no longer post there: the subscription should pause. */
const GONE = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "account_inactive",
  "team_access_not_granted",
]);
/** The blocks were refused; the same message as plain text may go through. */
const BLOCKS_REFUSED = new Set(["msg_blocks_too_long", "invalid_blocks", "invalid_blocks_format"]);
/** Slack's own failures: the message may or may not exist. */
const SLACK_SIDE = new Set(["internal_error", "fatal_error", "service_unavailable", "request_timeout"]);

export function classifyFailure(error: unknown): FailedCall {
  const e = error as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number };
  switch (e.code) {
    case webApi.ErrorCode.RateLimitedError:
      return { next: "wait", retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1_000 };
    case webApi.ErrorCode.PlatformError: {
      const reason = e.data?.error ?? "unknown_error";
      if (GONE.has(reason)) return { next: "stop", outcome: { state: "gone", detail: reason } };
      if (BLOCKS_REFUSED.has(reason)) return { next: "plain_text", detail: reason };
      if (SLACK_SIDE.has(reason)) return { next: "stop", outcome: { state: "uncertain", detail: reason } };
      return { next: "stop", outcome: { state: "failed", detail: reason } };
    }
    case webApi.ErrorCode.HTTPError:
      return { next: "stop", outcome: { state: "uncertain", detail: `HTTP ${e.statusCode ?? "error"}` } };
    default:
      // Network errors and our timeout: the request may have reached Slack.
      return { next: "stop", outcome: { state: "uncertain", detail: describe(error) } };
  }
}

function describe(error: unknown): string {
  const e = error as { original?: { name?: string; message?: string }; message?: string };
  return (
    e.original?.name === "TimeoutError" ? "timed out" : (e.original?.message ?? e.message ?? String(error))
  ).slice(0, 200);
}
