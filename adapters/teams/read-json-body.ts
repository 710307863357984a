/**
 * Reads a request's JSON body for /api/messages: JSON content types only (415 otherwise, so a form
 * or Slack's body never reaches botbuilder), at most `limit` bytes (413 before buffering more),
 * and an object at the top (400 otherwise). Expected refusals are values, not exceptions.
 */

import type { IncomingMessage } from "node:http";
import { readBody } from "../http/read-body.js";

export type BodyResult =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; status: 400 | 413 | 415; reason: string };

/** Bot Framework activities are small; Teams' own limit on a message is about 100 KB. */
const MAX_ACTIVITY_BYTES = 512 * 1024;

export async function readJsonBody(req: IncomingMessage, limit = MAX_ACTIVITY_BYTES): Promise<BodyResult> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") return { ok: false, status: 415, reason: "content-type must be application/json" };
  const read = await readBody(req, limit);
  if (!read.ok)
    return { ok: false, status: read.status, reason: read.status === 413 ? "body too large" : "body not received" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.body.toString("utf8"));
  } catch {
    return { ok: false, status: 400, reason: "body is not valid JSON" };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    return { ok: false, status: 400, reason: "body must be a JSON object" };
  return { ok: true, body: parsed as Record<string, unknown> };
}
