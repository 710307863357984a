/**
 * A Bolt receiver mounted on nhsai's own HTTP server at /slack/events (one port with Teams and
 * /healthz). Bolt's HTTPReceiver owns its server; this one only supplies `requestListener`, and
 * adds what Bolt lacks: the ±300 s window, bodies refused before buffering, and the replay guard
 * (a command or click is keyed by its signature: the same signed request sent twice), asked before
 * Bolt sees the request, so a copy is answered with an empty 200 and never dispatched.
 */

import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { type ParsedUrlQuery, parse } from "node:querystring";
import { type App, type Logger as BoltLogger, HTTPModuleFunctions, HTTPResponseAck, type Receiver } from "@slack/bolt";
import type { Logger } from "../../src/index.js";
import { readBody } from "../http/read-body.js";
import { type ReplayGuard, retryLater } from "./replay-guard.js";
import { isSlackShaped } from "./request-shape.js";
import { CLOCK_WARNING_SECONDS, isSignedBySlack, MAX_SKEW_SECONDS, skewOf } from "./verify-signature.js";

/** Slack's payloads are a few kilobytes; 1 MB leaves room and bounds memory per request. */
const BODY_LIMIT = 1024 * 1024;

const FORM = "application/x-www-form-urlencoded";

export interface HttpReceiverOptions {
  signingSecret: string;
  now: () => Date;
  log: Logger;
  boltLogger: BoltLogger;
  /** Answers each request once; without it every request is dispatched. */
  replayGuard?: ReplayGuard;
}

export class SlackHttpReceiver implements Receiver {
  private app: App | undefined;
  private skewWarnedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: HttpReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  /** The server is nhsai's; there is nothing to start or stop here. */
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  readonly requestListener = (req: IncomingMessage, res: ServerResponse): void => {
    this.handle(req, res).catch((error: unknown) => {
      this.options.log.error("slack.request_failed", { error: String(error) });
      if (!res.headersSent) reply(res, 500);
    });
  };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== "POST") {
      res.setHeader("Allow", "POST");
      return reply(res, 405);
    }
    // Slack sends JSON (events) or a form (commands, clicks): anything else, e.g. a multipart
    // upload, is refused before its body is read.
    const type = req.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
    if (type !== "application/json" && type !== FORM) return refuse(req, res, 415);
    const read = await readBody(req, BODY_LIMIT);
    if (!read.ok) {
      this.options.log.warn("slack.body_refused", { status: read.status });
      return refuse(req, res, read.status);
    }
    const raw = read.body.toString("utf8");
    const fields = type === FORM ? parse(raw) : null;
    // Slack's certificate check is unsigned: answer it, and dispatch nothing that rides along.
    if (fields?.ssl_check === "1") return reply(res, 200);
    const now = this.options.now();
    if (!isSignedBySlack(req.headers, raw, this.options.signingSecret, now)) {
      this.options.log.warn("slack.signature_refused");
      return reply(res, 401);
    }
    this.warnOfSkew(skewOf(req.headers, now), now);
    const body = parseBody(raw, fields);
    if (!body) return reply(res, 400);
    if (body.type === "url_verification") return HTTPModuleFunctions.buildUrlVerificationResponse(res, body);
    // Slack's notice that it is dropping this app's events for a minute: worth a log line, not a 400.
    if (body.type === "app_rate_limited") {
      this.options.log.warn("slack.app_rate_limited", { minute: String(body.minute_rate_limited ?? "") });
      return reply(res, 200);
    }
    if (!isSlackShaped(body)) {
      this.options.log.warn("slack.body_unrecognised");
      return reply(res, 400);
    }
    await this.dispatch(req, res, body);
  }

  /**
   * Slack's clock is kept right; a signed request 30 s or more away from ours means ours drifts
   * (NTP), and at 300 s every request would be refused. Said at most every ten minutes.
   */
  private warnOfSkew(seconds: number, now: Date): void {
    if (Math.abs(seconds) < CLOCK_WARNING_SECONDS || now.getTime() - this.skewWarnedAt < 600_000) return;
    this.skewWarnedAt = now.getTime();
    this.options.log.warn("slack.clock_skew", { seconds: Math.round(seconds), limit: MAX_SKEW_SECONDS });
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>): Promise<void> {
    if (!this.app) return reply(res, 503);
    // A command or click has no id of its own: its signature names this one signed request.
    const signature = String(req.headers["x-slack-signature"]);
    const replayKey = `sig:${createHash("sha256").update(signature).digest("base64url")}`;
    const retryNum = HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req);
    const retryReason = HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req);
    const guard = this.options.replayGuard;
    const admission = guard ? await guard.admit(body, replayKey, { retryNum, retryReason }) : "first";
    if (admission === "copy") return reply(res, 200);
    // Not recorded, so not processed: Slack retries an event answered 503; a command is not
    // retried, so its sender is told to try again.
    if (admission === "unrecorded") {
      if (typeof body.command !== "string") return reply(res, 503);
      return HTTPModuleFunctions.buildContentResponse(res, retryLater());
    }
    const ack = new HTTPResponseAck({
      logger: this.options.boltLogger,
      processBeforeResponse: false,
      httpRequest: req,
      httpRequestBody: body,
      httpResponse: res,
    });
    try {
      await this.app.processEvent({
        body,
        ack: ack.bind(),
        ...(retryNum === undefined ? {} : { retryNum }),
        ...(retryReason === undefined ? {} : { retryReason }),
      });
      if (ack.storedResponse !== undefined) HTTPModuleFunctions.buildContentResponse(res, ack.storedResponse);
    } catch (error) {
      this.options.log.error("slack.dispatch_failed", { error: String(error) });
      if (!res.headersSent) reply(res, 500);
    }
  }
}

function parseBody(raw: string, fields: ParsedUrlQuery | null): Record<string, unknown> | null {
  try {
    if (!fields) return asObject(JSON.parse(raw));
    return typeof fields.payload === "string"
      ? asObject(JSON.parse(fields.payload))
      : (fields as Record<string, unknown>);
  } catch {
    return null;
  }
}

function asObject(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** How long a refused upload may keep sending (its bytes discarded, never buffered). */
const LINGER_MS = 2_000;
/** Nor more than this much of it: each discarded read is garbage, and a fast sender could pile it up. */
const LINGER_BYTES = 4 * 1024 * 1024;

/**
 * Answers, then closes the connection without reading the rest of the body. Closing with the
 * client's bytes unread makes the kernel reset the connection, and the client may lose the answer
 * (Node does exactly that after a `connection: close` answer); so the answer goes out as a
 * keep-alive one, our side is then shut (FIN), and the rest of the upload is discarded as it comes
 * (never buffered) for at most LINGER_MS or LINGER_BYTES, like nginx's lingering close, before the cut.
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number): void {
  const socket = req.socket;
  req.removeAllListeners("data");
  let discarded = 0;
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > LINGER_BYTES) socket.destroy();
  });
  req.resume();
  const cut = setTimeout(() => socket.destroy(), LINGER_MS);
  cut.unref();
  socket.once("close", () => clearTimeout(cut));
  res.once("finish", () => socket.end());
  reply(res, status);
}

function reply(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}
