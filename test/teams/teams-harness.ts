/**
 * Loopback parts for the Teams tests: a Bot Framework connector stub (the `serviceUrl`) that
 * records what the bot sends and answers with scripted statuses, the real Teams platform on the
 * real nhsai HTTP server, and activity factories shaped like Teams' own.
 */

import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHttpServer } from "../../adapters/http/server.js";
import {
  createTeamsPlatform,
  type TeamsPlatform,
  type TeamsPlatformOptions,
} from "../../adapters/teams/teams-platform.js";
import { BriefingService } from "../../src/briefing-service.js";
import { loadConfig } from "../../src/config.js";
import { type Logger, silentLogger } from "../../src/logger.js";
import { openEmbeddedStore } from "../../src/store/embedded/open-embedded-store.js";
import type { Store } from "../../src/store/store.js";
import { FIXED_NOW, seedLibrary } from "../helpers/factories.js";

export interface Received {
  path: string;
  conversationId: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
  at: number;
}

export interface ConnectorStub {
  url: string;
  received: Received[];
  /** Statuses (and bodies) to answer with, in order, or `hang` to never answer; 200 once they run out. */
  script: Array<{ status: number; body?: unknown; headers?: Record<string, string>; hang?: boolean }>;
  /** Connections accepted, including ones that sent nothing valid. */
  connections: () => number;
  close(): Promise<void>;
}

export async function startConnectorStub(): Promise<ConnectorStub> {
  const received: Received[] = [];
  const script: ConnectorStub["script"] = [];
  let connections = 0;
  let next = 1;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(path);
    received.push({
      path,
      conversationId: decodeURIComponent(match?.[1] ?? ""),
      authorization: req.headers.authorization,
      body: JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}"),
      at: performance.now(),
    });
    const step = script.shift() ?? { status: 200, body: { id: `m${next++}` } };
    if (step.hang) return;
    res.writeHead(step.status, { "content-type": "application/json", ...step.headers });
    res.end(JSON.stringify(step.body ?? {}));
  });
  server.on("connection", () => connections++);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    script,
    connections: () => connections,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RunningBot {
  url: string;
  platform: TeamsPlatform;
  store: Store;
  service: BriefingService;
  /** The embedded store's folder. */
  dataDir: string;
  close(): Promise<void>;
}

/** The real Teams platform and nhsai's HTTP server on a loopback port, with a fresh embedded store. */
export async function startBot(
  env: Record<string, string>,
  options: TeamsPlatformOptions = {},
  serviceOf: (store: Store) => BriefingService = (store) => new BriefingService(seedLibrary(), { store }),
  log: Logger = silentLogger,
): Promise<RunningBot> {
  const dataDir = mkdtempSync(join(tmpdir(), "nhsai-teams-"));
  const store = await openEmbeddedStore({ dataDir, now: FIXED_NOW });
  const service = serviceOf(store);
  const config = loadConfig({ DATA_DIR: dataDir, ...env });
  const platform = await createTeamsPlatform(
    { config, store, service, now: () => FIXED_NOW, log },
    { connector: { baseDelayMs: 5 }, ...options },
  );
  const server = createHttpServer({ health: () => ({}) as never, routes: platform.routes });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    platform,
    store,
    service,
    dataDir,
    close: async () => {
      await platform.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const BOT = { id: "28:nhsai-bot", name: "nhsai" };
export const USER = { id: "29:alice", name: "Alice", aadObjectId: "aad-alice" };

type Scope = "personal" | "channel" | "groupChat";

const CONVERSATION_IDS: Record<Scope, string> = {
  personal: "a:personal-chat-1",
  channel: "19:general@thread.tacv2",
  groupChat: "19:group-chat@thread.v2",
};

/** A message activity as Teams sends it; in a channel it mentions the bot unless told not to. */
export function messageActivity(
  serviceUrl: string,
  text: string,
  scope: Scope = "personal",
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const mention = scope !== "personal" && extra.mention !== false;
  const id = scope === "channel" ? `${CONVERSATION_IDS.channel};messageid=1700000000000` : CONVERSATION_IDS[scope];
  const { mention: _drop, ...rest } = extra;
  return {
    type: "message",
    id: `act-${Math.random().toString(36).slice(2)}`,
    channelId: "msteams",
    serviceUrl,
    from: USER,
    recipient: BOT,
    conversation: { id, conversationType: scope, tenantId: "tenant-1" },
    text: mention ? `<at>nhsai</at> ${text}` : text,
    entities: mention ? [{ type: "mention", text: "<at>nhsai</at>", mentioned: BOT }] : [],
    channelData: { tenant: { id: "tenant-1" } },
    ...rest,
  };
}

export function installActivity(serviceUrl: string, action: "add" | "remove", scope: Scope = "channel") {
  return {
    type: "installationUpdate",
    action,
    id: `install-${action}`,
    channelId: "msteams",
    serviceUrl,
    from: USER,
    recipient: BOT,
    conversation: { id: CONVERSATION_IDS[scope], conversationType: scope, tenantId: "tenant-1" },
    channelData: { tenant: { id: "tenant-1" } },
  };
}

export const conversationIdOf = (scope: Scope) => CONVERSATION_IDS[scope];

export async function postActivity(url: string, activity: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(activity),
  });
}

/** Visible text of the cards in activities the connector received, for assertions. */
export function cardText(received: readonly Received[]): string {
  return JSON.stringify(received.map((r) => r.body.attachments ?? r.body.text ?? ""));
}
