/**
 * Sends one activity to a Bot Framework connector (`POST {serviceUrl}/v3/conversations/{id}/activities`)
 * with Teams' retry rules: 429, 412, 502 and 504 are retried with
 * exponential backoff and jitter, honouring Retry-After; 403 MessageWritesBlocked (and 404, the
 * conversation is gone) is final; other failures are never re-sent blindly. Written against the
 * REST API rather than botbuilder's ConnectorClient, whose pipeline also re-sends 500 and 503
 * (a message may then appear twice) and has no request timeout.
 */

import type { Logger } from "../../src/index.js";
export type SendResult =
  | { state: "sent"; id: string }
  /** 413 MessageSizeTooBig: nothing was posted; split and send again. */
  | { state: "too_big"; detail: string }
  | { state: "gone"; detail: string }
  | { state: "failed"; detail: string }
  | { state: "uncertain"; detail: string };

export interface ConnectorDeps {
  /** A bearer token for this serviceUrl's connector, or null when authentication is off (TEAMS_LOCAL). */
  token: (serviceUrl: string) => Promise<string | null>;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** 0 ≤ x < 1, for jitter. */
  random?: () => number;
  log: Logger;
  /** Per attempt. */
  timeoutMs?: number;
  /** Attempts in all, for the retried statuses. */
  attempts?: number;
  /** First backoff; doubled each time, plus up to as much again in jitter. */
  baseDelayMs?: number;
}

const RETRIED = new Set([429, 412, 502, 504]);
/** Retry-After beyond this is not waited for: the scheduler's run would hang. */
const MAX_DELAY_MS = 30_000;

export async function sendToConversation(
  serviceUrl: string,
  conversationId: string,
  activity: object,
  deps: ConnectorDeps,
): Promise<SendResult> {
  const attempts = deps.attempts ?? 5;
  const sleep = deps.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const url = `${serviceUrl.replace(/\/+$/, "")}/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
  let last = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const response = await post(url, activity, deps);
    if ("error" in response) return response.error;
    const { status, body, retryAfter } = response;
    if (status >= 200 && status < 300) return { state: "sent", id: idOf(body) };
    last = `HTTP ${status}`;
    if (status === 413) return { state: "too_big", detail: last };
    if (status === 404 || (status === 403 && body.includes("MessageWritesBlocked")))
      return {
        state: "gone",
        detail: `${last}${status === 403 ? " MessageWritesBlocked" : " conversation not found"}`,
      };
    if (!RETRIED.has(status)) return { state: status >= 500 ? "uncertain" : "failed", detail: last };
    if (attempt === attempts) break;
    const base = (deps.baseDelayMs ?? 500) * 2 ** (attempt - 1);
    const delay = Math.min(MAX_DELAY_MS, Math.max(retryAfter ?? 0, base + base * (deps.random ?? Math.random)()));
    deps.log.warn("teams.send_retry", { status, attempt, delayMs: Math.round(delay) });
    await sleep(delay);
  }
  // 429 and 412 mean "not accepted"; a gateway error may hide a delivered message.
  const unsure = last === "HTTP 502" || last === "HTTP 504";
  return { state: unsure ? "uncertain" : "failed", detail: `${last} after ${attempts} attempts` };
}

type PostResponse = { status: number; body: string; retryAfter: number | null } | { error: SendResult };

async function post(url: string, activity: object, deps: ConnectorDeps): Promise<PostResponse> {
  const token = await deps.token(url);
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    const response = await (deps.fetch ?? fetch)(url, {
      method: "POST",
      headers,
      body: JSON.stringify(activity),
      redirect: "error",
      signal: AbortSignal.timeout(deps.timeoutMs ?? 15_000),
    });
    const body = await response.text();
    return { status: response.status, body, retryAfter: retryAfterMs(response.headers.get("retry-after")) };
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    // A refused connection never reached the connector; anything later might have.
    if (code === "ECONNREFUSED" || code === "ENOTFOUND") return { error: { state: "failed", detail: code } };
    return { error: { state: "uncertain", detail: error instanceof Error ? error.name : "network error" } };
  }
}

function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

function idOf(body: string): string {
  try {
    const id = (JSON.parse(body) as { id?: unknown }).id;
    return typeof id === "string" ? id : "";
  } catch {
    return "";
  }
}
