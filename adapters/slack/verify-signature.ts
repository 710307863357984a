/**
 * Slack's request signature: Bolt's own check (`verifySlackRequest`), with two of ours in front.
 * Bolt 5.1 refuses only old timestamps, so a request signed for the future would stay replayable:
 * we refuse |now − timestamp| > 300 s in both directions, as Slack asks. And a duplicated header
 * (Node joins the values with ", ") is refused before Bolt reads it as one.
 */

import type { IncomingHttpHeaders } from "node:http";
import { verifySlackRequest } from "@slack/bolt";

/** Slack's rule: refuse when |now − timestamp| > 300 s. */
export const MAX_SKEW_SECONDS = 300;

/** Above this, a signed request says our clock (not Slack's) is probably wrong: worth a warning. */
export const CLOCK_WARNING_SECONDS = 30;

/** How far Slack's signed timestamp is from our clock, in seconds (positive: Slack is ahead). */
export function skewOf(headers: IncomingHttpHeaders, now: Date): number {
  return Number(headers["x-slack-request-timestamp"]) - now.getTime() / 1000;
}

/** True for one well-formed `v0=` signature over `v0:{timestamp}:{body}` within ±300 s of `now`. */
export function isSignedBySlack(headers: IncomingHttpHeaders, body: string, secret: string, now: Date): boolean {
  const signature = headers["x-slack-signature"];
  const timestamp = headers["x-slack-request-timestamp"];
  if (typeof signature !== "string" || !/^v0=[0-9a-f]{64}$/.test(signature)) return false;
  if (typeof timestamp !== "string" || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(skewOf(headers, now)) > MAX_SKEW_SECONDS) return false;
  try {
    verifySlackRequest({
      signingSecret: secret,
      body,
      headers: { "x-slack-signature": signature, "x-slack-request-timestamp": Number(timestamp) },
      nowMilliseconds: now.getTime(),
    });
    return true;
  } catch {
    return false; // Bolt's check refused it: the receiver logs the refusal and answers 401
  }
}
