/** Signed Slack requests as Slack sends them: slash commands, events and button clicks. */

import { createHmac } from "node:crypto";

export const SECRET = "test-signing-secret-0123456789";

export interface SignedOptions {
  secret?: string;
  /** Seconds since the epoch; default now. */
  ts?: number;
  contentType?: string;
  headers?: Record<string, string>;
}

export function signatureOf(body: string, ts: number, secret = SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`;
}

export function signedHeaders(body: string, options: SignedOptions = {}): Record<string, string> {
  const ts = options.ts ?? Math.floor(Date.now() / 1000);
  return {
    "content-type":
      options.contentType ?? (body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded"),
    "x-slack-request-timestamp": String(ts),
    "x-slack-signature": signatureOf(body, ts, options.secret),
    ...options.headers,
  };
}

export async function postSigned(url: string, body: string, options: SignedOptions = {}) {
  const started = performance.now();
  const res = await fetch(url, { method: "POST", body, headers: signedHeaders(body, options) });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started, json: () => JSON.parse(text) };
}

let sequence = 0;
const next = () => {
  sequence += 1;
  return sequence;
};

export function commandBody(text: string, responseUrl: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: "legacy",
    team_id: "T1",
    team_domain: "nhs",
    channel_id: "C1",
    channel_name: "digital",
    user_id: "U1",
    user_name: "alex",
    command: "/nhsai",
    text,
    api_app_id: "A1",
    response_url: responseUrl,
    trigger_id: `trigger-${next()}`,
    ...extra,
  }).toString();
}

export function eventBody(event: Record<string, unknown>, eventId = `Ev${next()}`): string {
  return JSON.stringify({
    token: "legacy",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
    event: { event_ts: `${Date.now() / 1000}`, ...event },
  });
}

export function dmEvent(text: string, extra: Record<string, unknown> = {}) {
  return { type: "message", channel: "D1", channel_type: "im", user: "U1", text, ts: `1700000001.${next()}`, ...extra };
}

export function mentionEvent(text: string, extra: Record<string, unknown> = {}) {
  return {
    type: "app_mention",
    channel: "C1",
    user: "U1",
    text: `<@UBOT> ${text}`,
    ts: `1700000002.${next()}`,
    ...extra,
  };
}

export function buttonBody(actionId: string, value: string, responseUrl: string): string {
  const payload = {
    type: "block_actions",
    user: { id: "U1", team_id: "T1", username: "alex" },
    team: { id: "T1", domain: "nhs" },
    api_app_id: "A1",
    channel: { id: "C1", name: "digital" },
    container: { type: "message", is_ephemeral: true },
    response_url: responseUrl,
    trigger_id: `trigger-${next()}`,
    actions: [
      { type: "button", action_id: actionId, block_id: "nhsai_actions", value, action_ts: `${Date.now() / 1000}` },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
