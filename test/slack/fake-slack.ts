/**
 * A Slack Web API and response_url receiver on 127.0.0.1: what lies beyond the machine. It
 * records every call (method, arguments, arrival time) and answers from a script per method, so
 * tests can make Slack rate-limit, refuse, hang or lose a reply.
 */

import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { parse } from "node:querystring";

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
}

export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

/** Answers one call; the call is recorded before it runs. */
export type Responder = (res: ServerResponse, call: ApiCall) => void;

export const ok =
  (extra: Record<string, unknown> = {}): Responder =>
  (res) =>
    json(res, 200, { ok: true, ...extra });
export const platformError =
  (error: string): Responder =>
  (res) =>
    json(res, 200, { ok: false, error });
export const rateLimited =
  (seconds: number): Responder =>
  (res) => {
    res.writeHead(429, { "retry-after": String(seconds), "content-type": "application/json" });
    res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
  };
export const status =
  (code: number): Responder =>
  (res) =>
    json(res, code, { ok: false });
/** Records the post, then drops the connection: the message exists but the caller never hears so. */
export const loseReply: Responder = (res) => res.socket?.destroy();
/** Never answers. */
export const hang: Responder = () => {};

export interface FakeSlack {
  /** The Web API base URL (SLACK_API_URL). */
  apiUrl: string;
  /** A response_url for one command. */
  responseUrl(id: string): string;
  calls: ApiCall[];
  responses: ResponsePost[];
  posts(): ApiCall[];
  /** The next calls of `method` get these answers, in order; then the default. */
  script(method: string, ...responders: Responder[]): void;
  /** The next posts to response_url get these statuses. */
  scriptResponses(...statuses: number[]): void;
  /** Posts to this command's response_url are never answered. */
  hangResponses(id: string): void;
  waitFor(condition: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const DEFAULTS: Record<string, Responder> = {
  "auth.test": ok({ user_id: "UBOT", bot_id: "BBOT", team_id: "T1" }),
  "conversations.members": ok({ members: ["U1", "U2"], response_metadata: { next_cursor: "" } }),
};

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: ApiCall[] = [];
  const responses: ResponsePost[] = [];
  const scripts = new Map<string, Responder[]>();
  const responseStatuses: number[] = [];
  const hanging = new Set<string>();
  let posted = 0;
  const server = createServer(async (req, res) => {
    const raw = await readAll(req);
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path.startsWith("/respond/")) {
      responses.push({ id: path.slice("/respond/".length), body: JSON.parse(raw || "{}"), at: Date.now() });
      if (hanging.has(path.slice("/respond/".length))) return;
      res.writeHead(responseStatuses.shift() ?? 200);
      res.end("ok");
      return;
    }
    const method = path.replace(/^\/api\//, "");
    const call: ApiCall = { method, args: parseArgs(raw, req.headers["content-type"]), at: Date.now() };
    calls.push(call);
    const scripted = scripts.get(method)?.shift();
    if (scripted) return scripted(res, call);
    const fallback = DEFAULTS[method];
    if (fallback) return fallback(res, call);
    posted += 1;
    return ok({ ts: `1700000000.${String(posted).padStart(6, "0")}`, channel: call.args.channel })(res, call);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/respond/${id}`,
    calls,
    responses,
    posts: () => calls.filter((c) => c.method === "chat.postMessage"),
    script: (method, ...responders) => scripts.set(method, [...(scripts.get(method) ?? []), ...responders]),
    scriptResponses: (...codes) => responseStatuses.push(...codes),
    hangResponses: (id) => hanging.add(id),
    waitFor: async (condition, timeoutMs = 5_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error("fake Slack: condition not met in time");
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}

function parseArgs(raw: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes("application/json")) return JSON.parse(raw || "{}");
  const fields = parse(raw) as Record<string, unknown>;
  for (const key of ["blocks", "view"])
    if (typeof fields[key] === "string") fields[key] = JSON.parse(fields[key] as string);
  return fields;
}

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    req.on("data", (c) => {
      text += c;
    });
    req.on("end", () => resolve(text));
    req.on("error", () => resolve(text));
  });
}

function json(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
