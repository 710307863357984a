/**
 * Teams: message activities per second through nhsai's Teams bot (the real platform on nhsai's
 * HTTP server: route checks, conversation reference, the core's reply as an Adaptive Card) beside
 * a bare botbuilder echo bot (CloudAdapter.process, no auth, one text reply), both replying to the
 * same loopback connector, in the same run. Two workloads: `help` (the adapter's own cost, which
 * the ≥ 0.8 target is about) and a mix with questions (adds retrieval, which an echo bot does not
 * do). Bursts alternate so machine load hits both alike.
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
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { openEmbeddedStore } from "../../src/store/embedded/open-embedded-store.js";
import type { BenchContext } from "../context.js";
import { percentile } from "../percentiles.js";
import type { Figures, Section } from "../section.js";

const WARMUP = 300;
/** Activities per burst, and bursts per bot and workload: 3,000 activities each. */
const BURST = 250;
const BURSTS = 12;
const CONCURRENCY = 8;
const COMMANDS = ["help"];
const MIX = ["How much is the new AI lung cancer funding?", "funding", "help", "What are trusts doing with AI?"];

export const teams: Section = {
  name: "teams",
  about: "Teams message activities/s through nhsai vs a bare botbuilder echo bot (loopback connector)",
  run: async (ctx) => {
    const connector = await listen(
      createServer((req, res) =>
        drain(req).then(() => {
          replies.count++;
          res.end('{"id":"1"}');
        }),
      ),
    );
    const serviceUrl = `http://127.0.0.1:${portOf(connector)}/`;
    const bare = await bareEchoBot();
    const ours = await nhsaiBot(ctx);
    try {
      const command = await compare(ctx, bare.url, ours.url, serviceUrl, COMMANDS, "help");
      const mix = await compare(ctx, bare.url, ours.url, serviceUrl, MIX, "mix");
      return {
        teams_bare_echo_activities_per_s: command.bare.rate,
        teams_bare_echo_p99_ms: command.bare.p99,
        teams_nhsai_help_activities_per_s: command.ours.rate,
        teams_nhsai_help_p99_ms: command.ours.p99,
        teams_nhsai_vs_bare_ratio: command.ours.rate / command.bare.rate,
        teams_bare_per_nhsai_ratio: command.bare.rate / command.ours.rate,
        teams_nhsai_mix_activities_per_s: mix.ours.rate,
        teams_nhsai_mix_p99_ms: mix.ours.p99,
        teams_nhsai_mix_vs_bare_ratio: mix.ours.rate / mix.bare.rate,
      } satisfies Figures;
    } finally {
      await ours.close();
      await bare.close();
      connector.close();
    }
  },
};

type Rate = { rate: number; p99: number };

/** Messages the loopback connector received: every activity must get its reply. */
const replies = { count: 0 };

/**
 * Both bots on one workload, in short alternating bursts (so a busy neighbour on the machine slows
 * both alike); each bot's rate is its activities over its own time, p99 over all its bursts.
 */
async function compare(
  ctx: BenchContext,
  bareUrl: string,
  oursUrl: string,
  serviceUrl: string,
  texts: string[],
  label: string,
): Promise<Record<"bare" | "ours", Rate>> {
  const totals = { bare: { ms: 0, times: [] as number[] }, ours: { ms: 0, times: [] as number[] } };
  const bots = [
    ["bare", bareUrl],
    ["ours", oursUrl],
  ] as const;
  for (const [, url] of bots) await drive(url, serviceUrl, texts, WARMUP);
  for (let burst = 0; burst < BURSTS; burst++) {
    for (const [name, url] of burst % 2 ? [...bots].reverse() : bots) {
      const before = replies.count;
      const result = await drive(url, serviceUrl, texts, BURST);
      if (replies.count - before < BURST) throw new Error(`${name} replied to ${replies.count - before} of ${BURST}`);
      totals[name].ms += result.ms;
      totals[name].times.push(...result.times);
    }
  }
  const rateOf = (t: { ms: number; times: number[] }): Rate => ({
    rate: t.times.length / (t.ms / 1000),
    p99: percentile(t.times, 99),
  });
  const result = { bare: rateOf(totals.bare), ours: rateOf(totals.ours) };
  ctx.log(`${label}: bare ${Math.round(result.bare.rate)}/s, nhsai ${Math.round(result.ours.rate)}/s`);
  return result;
}

/** Sends `count` message activities, CONCURRENCY at a time; activities/s and p99 latency. */
async function drive(
  url: string,
  serviceUrl: string,
  texts: string[],
  count: number,
): Promise<{ ms: number; times: number[] }> {
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
        body: activity(serviceUrl, texts, i),
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`bench activity refused: HTTP ${res.status}`);
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { ms: performance.now() - started, times };
}

function activity(serviceUrl: string, texts: string[], i: number): string {
  return JSON.stringify({
    type: "message",
    id: `bench-${i}`,
    channelId: "msteams",
    serviceUrl,
    from: { id: `29:user-${i % 50}` },
    recipient: { id: "28:bot" },
    conversation: { id: `a:chat-${i % 50}`, conversationType: "personal" },
    text: texts[i % texts.length],
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
  const service = new BriefingService(ctx.seedLibrary(), { store });
  const config = loadConfig({ TEAMS_LOCAL: "1", DATA_DIR: dataDir });
  const platform = await createTeamsPlatform({ config, store, service, now, log: silentLogger });
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
