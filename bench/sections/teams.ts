/**
 * Teams: message activities per second through nhsai's Teams bot (the real platform on nhsai's
 * HTTP server, answering from the seed library, storing the conversation reference, replying
 * with an Adaptive Card) beside a bare botbuilder echo bot (CloudAdapter.process, no auth, one
 * text reply), both replying to the same loopback connector, in the same run. Rounds alternate
 * so machine load hits both alike; each figure is its best round.
 */

import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import { createHttpServer } from "../../adapters/http/server.js";
import { createTeamsPlatform } from "../../adapters/teams/teams-platform.js";
import { BriefingService } from "../../src/briefing-service.js";
import { ChatService } from "../../src/chat/chat-service.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { openEmbeddedStore } from "../../src/store/embedded/open-embedded-store.js";
import type { BenchContext } from "../context.js";
import { percentile } from "../percentiles.js";
import type { Figures, Section } from "../section.js";

const ACTIVITIES = 2_000;
const WARMUP = 300;
const CONCURRENCY = 8;
const ROUNDS = 3;
const TEXTS = ["How much is the new AI lung cancer funding?", "funding", "help", "What are trusts doing with AI?"];

export const teams: Section = {
  name: "teams",
  about: "Teams message activities/s through nhsai vs a bare botbuilder echo bot (loopback connector)",
  run: async (ctx) => {
    const connector = await listen(createServer((req, res) => drain(req).then(() => res.end('{"id":"1"}'))));
    const serviceUrl = `http://127.0.0.1:${portOf(connector)}/`;
    const bare = await bareEchoBot();
    const ours = await nhsaiBot(ctx);
    try {
      const best = { bare: { rate: 0, p99: 0 }, ours: { rate: 0, p99: 0 } };
      for (let round = 0; round < ROUNDS; round++) {
        for (const [name, url] of [
          ["bare", bare.url],
          ["ours", ours.url],
        ] as const) {
          await drive(url, serviceUrl, WARMUP);
          const result = await drive(url, serviceUrl, ACTIVITIES);
          ctx.log(
            `round ${round + 1} ${name}: ${Math.round(result.rate)} activities/s, p99 ${result.p99.toFixed(1)} ms`,
          );
          if (result.rate > best[name].rate) best[name] = result;
        }
      }
      return {
        teams_bare_echo_activities_per_s: best.bare.rate,
        teams_bare_echo_p99_ms: best.bare.p99,
        teams_nhsai_activities_per_s: best.ours.rate,
        teams_nhsai_p99_ms: best.ours.p99,
        teams_nhsai_vs_bare_ratio: best.ours.rate / best.bare.rate,
        teams_bare_per_nhsai_ratio: best.bare.rate / best.ours.rate,
      } satisfies Figures;
    } finally {
      await ours.close();
      await bare.close();
      connector.close();
    }
  },
};

/** Sends `count` message activities, CONCURRENCY at a time; activities/s and p99 latency. */
async function drive(url: string, serviceUrl: string, count: number): Promise<{ rate: number; p99: number }> {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const t = performance.now();
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: activity(serviceUrl, i),
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`bench activity refused: HTTP ${res.status}`);
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { rate: count / ((performance.now() - started) / 1000), p99: percentile(times, 99) };
}

function activity(serviceUrl: string, i: number): string {
  return JSON.stringify({
    type: "message",
    id: `bench-${i}`,
    channelId: "msteams",
    serviceUrl,
    from: { id: `29:user-${i % 50}` },
    recipient: { id: "28:bot" },
    conversation: { id: `a:chat-${i % 50}`, conversationType: "personal" },
    text: TEXTS[i % TEXTS.length],
  });
}

/** The bare bot: botbuilder's own process() behind node:http with a JSON body parser, echoing. */
async function bareEchoBot() {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const server = await listen(
    createServer(async (req, res) => {
      const body = JSON.parse((await drain(req)).toString("utf8"));
      const shim = Object.assign(res, {
        header: (name: string, value: string) => {
          res.setHeader(name, value);
          return shim;
        },
        status: (code: number) => {
          res.statusCode = code;
          return shim;
        },
        send: (payload: unknown) => {
          if (payload !== undefined) res.write(typeof payload === "string" ? payload : JSON.stringify(payload));
          return shim;
        },
      });
      await adapter.process(Object.assign(req, { body }) as never, shim as never, async (context) => {
        await context.sendActivity(`echo: ${context.activity.text}`);
      });
    }),
  );
  return { url: `http://127.0.0.1:${portOf(server)}/api/messages`, close: async () => void server.close() };
}

async function nhsaiBot(ctx: BenchContext) {
  const dataDir = mkdtempSync(join(tmpdir(), "nhsai-bench-teams-"));
  const now = () => new Date();
  const store = await openEmbeddedStore({ dataDir, now: now() });
  const chat = new ChatService(new BriefingService(ctx.seedLibrary()), store);
  const config = loadConfig({ TEAMS_LOCAL: "1", DATA_DIR: dataDir });
  const platform = await createTeamsPlatform({ config, store, chat, now, log: silentLogger });
  const server = await listen(createHttpServer({ health: () => ({}) as never, routes: platform.routes }));
  return {
    url: `http://127.0.0.1:${portOf(server)}/api/messages`,
    close: async () => {
      await platform.stop();
      server.closeAllConnections();
      server.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function listen(server: Server): Promise<Server> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return server;
}

const portOf = (server: Server) => (server.address() as { port: number }).port;

async function drain(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
