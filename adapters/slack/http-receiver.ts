/**
 * A Bolt receiver mounted on nhsai's own HTTP server at /slack/events (one port with Teams and
 * /healthz). Bolt's HTTPReceiver owns its server; this one only supplies `requestListener`, and
 * adds what Bolt lacks: the ±300 s window, bodies refused before buffering, and a replay key for
 * commands and clicks (the same signed request sent twice), which the replay guard records.
 */

import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse } from "node:querystring";
import { type App, type Logger as BoltLogger, HTTPModuleFunctions, HTTPResponseAck, type Receiver } from "@slack/bolt";
import type { Logger } from "../../src/logger.js";
import { readBody } from "./read-body.js";
import { CLOCK_WARNING_SECONDS, isSignedBySlack, MAX_SKEW_SECONDS, skewOf } from "./verify-signature.js";

/** Slack's payloads are a few kilobytes; 1 MB leaves room and bounds memory per request. */
export const BODY_LIMIT = 1024 * 1024;

export interface HttpReceiverOptions {
  signingSecret: string;
  now: () => Date;
  log: Logger;
  boltLogger: BoltLogger;
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
    const read = await readBody(req, BODY_LIMIT);
    if (!read.ok) {
      this.options.log.warn("slack.body_refused", { status: read.status });
      res.setHeader("connection", "close");
      reply(res, read.status);
      req.destroy();
      return;
    }
    const raw = read.body.toString("utf8");
    const form = req.headers["content-type"]?.split(";")[0]?.trim() === "application/x-www-form-urlencoded";
    // Slack's certificate check is unsigned: answer it, and dispatch nothing that rides along.
    if (form && parse(raw).ssl_check === "1") return reply(res, 200);
    const now = this.options.now();
    if (!isSignedBySlack(req.headers, raw, this.options.signingSecret, now)) {
      this.options.log.warn("slack.signature_refused");
      return reply(res, 401);
    }
    this.warnOfSkew(skewOf(req.headers, now), now);
    const body = parseBody(raw, form);
    if (!body) return reply(res, 400);
    if (body.type === "url_verification") return HTTPModuleFunctions.buildUrlVerificationResponse(res, body);
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
    const ack = new HTTPResponseAck({
      logger: this.options.boltLogger,
      processBeforeResponse: false,
      httpRequest: req,
      httpRequestBody: body,
      httpResponse: res,
    });
    // A command or click has no id of its own: its signature names this one signed request.
    const signature = String(req.headers["x-slack-signature"]);
    const replayKey = `sig:${createHash("sha256").update(signature).digest("base64url")}`;
    const retryNum = HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req);
    const retryReason = HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req);
    try {
      await this.app.processEvent({
        body,
        ack: ack.bind(),
        ...(retryNum === undefined ? {} : { retryNum }),
        ...(retryReason === undefined ? {} : { retryReason }),
        customProperties: { replayKey },
      });
      if (ack.storedResponse !== undefined) HTTPModuleFunctions.buildContentResponse(res, ack.storedResponse);
    } catch (error) {
      this.options.log.error("slack.dispatch_failed", { error: String(error) });
      if (!res.headersSent) reply(res, 500);
    }
  }
}

function parseBody(raw: string, form: boolean): Record<string, unknown> | null {
  try {
    if (!form) return asObject(JSON.parse(raw));
    const fields = parse(raw);
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

function reply(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}
