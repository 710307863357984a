/**
 * A stand-in for Slack's Web API on 127.0.0.1 (what lies beyond the machine): records every
 * chat.postMessage and answers as Slack would, or as a channel's script says (an error such as
 * `not_in_channel`; `drop`: record the post, then destroy the socket so the reply is lost;
 * `rate_limited`: answer 429 with Retry-After: 1 once, then as usual).
 */

import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";

export interface RecordedPost {
  channel: string;
  text: string;
  /** The Block Kit blocks as sent (JSON text), or "" when none. */
  blocks: string;
  at: number;
}

export interface FakeSlackApi {
  /** Base URL for SLACK_API_URL, ending with "/". */
  url: string;
  posts: RecordedPost[];
  /** Requests answered 429. */
  rateLimited: RecordedPost[];
  /** What a channel's posts get instead of `ok`: a Slack error code, or "drop". */
  script: Map<string, string>;
  close(): Promise<void>;
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const posts: RecordedPost[] = [];
  const rateLimited: RecordedPost[] = [];
  const script = new Map<string, string>();
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0];
    if (method === "auth.test") return json(res, { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" });
    if (method !== "chat.postMessage") return json(res, { ok: false, error: "unknown_method" });
    const channel = String(body.channel ?? "");
    const scripted = script.get(channel);
    if (scripted === "rate_limited") {
      script.delete(channel);
      rateLimited.push({ channel, text: "", blocks: "", at: Date.now() });
      res.writeHead(429, { "retry-after": "1", "content-type": "application/json" });
      return void res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
    }
    if (scripted && scripted !== "drop") return json(res, { ok: false, error: scripted });
    const blocks = typeof body.blocks === "string" ? body.blocks : JSON.stringify(body.blocks ?? "");
    posts.push({ channel, text: String(body.text ?? ""), blocks, at: Date.now() });
    if (scripted === "drop") return void req.socket.destroy();
    json(res, { ok: true, channel, ts: `${Date.now() / 1000}` });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/api/`,
    posts,
    rateLimited,
    script,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Slack's Web API takes form-encoded or JSON bodies. */
async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if ((req.headers["content-type"] ?? "").includes("json")) return JSON.parse(text || "{}");
  return Object.fromEntries(new URLSearchParams(text));
}

function json(res: import("node:http").ServerResponse, value: unknown): void {
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(value));
}
