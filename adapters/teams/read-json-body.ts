/**
 * Reads a request's JSON body for /api/messages: JSON content types only (415 otherwise, so a form
 * or Slack's body never reaches botbuilder), at most `limit` bytes (413 before buffering more),
 * and an object at the top (400 otherwise). Expected refusals are values, not exceptions.
 */

import type { IncomingMessage } from "node:http";

export type BodyResult =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; status: 400 | 413 | 415; reason: string };

/** Bot Framework activities are small; Teams' own limit on a message is about 100 KB. */
export const MAX_ACTIVITY_BYTES = 512 * 1024;

export async function readJsonBody(req: IncomingMessage, limit = MAX_ACTIVITY_BYTES): Promise<BodyResult> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") return { ok: false, status: 415, reason: "content-type must be application/json" };
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) return { ok: false, status: 413, reason: "body too large" };
  const raw = await readUpTo(req, limit);
  if (raw === null) return { ok: false, status: 413, reason: "body too large" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8"));
  } catch {
    return { ok: false, status: 400, reason: "body is not valid JSON" };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    return { ok: false, status: 400, reason: "body must be a JSON object" };
  return { ok: true, body: parsed as Record<string, unknown> };
}

/**
 * The body's bytes, or null as soon as they pass `limit` (reading stops there). Plain stream
 * events rather than an async iterator: a request is usually one chunk, read with no copy.
 */
function readUpTo(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    const done = (result: Buffer | null) => {
      stop();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        done(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => done(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    // Closed before the end (the client went away): an error, as the stream iterator had it.
    const onClose = () => onError(new Error("request closed before its body was read"));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}
