/**
 * Reads a request body up to a limit, for every route of the one server (Slack's raw body for its
 * signature, Teams' JSON): larger bodies are refused before they are buffered.
 */

import type { IncomingMessage } from "node:http";

export type BodyResult = { ok: true; body: Buffer } | { ok: false; status: 413 | 400 };

/**
 * The whole body, or 413 as soon as the declared length or the bytes received pass `limit` (the
 * rest is never buffered; the stream is left paused), or 400 when the client goes away mid-body.
 * Plain stream events: a request is usually one chunk, returned without a copy.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) return Promise.resolve({ ok: false, status: 413 });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (result: BodyResult) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onGone);
      req.off("close", onGone);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        done({ ok: false, status: 413 });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () =>
      done({ ok: true, body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size) });
    // An error, or the connection closed before the end: the client went away.
    const onGone = () => done({ ok: false, status: 400 });
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onGone);
    req.on("close", onGone);
  });
}
