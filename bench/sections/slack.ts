/**
 * `/nhsai funding` over signed HTTP on loopback, through the real `nhsai serve` (signature and
 * ±300 s check, replay record in the embedded store, the core, Block Kit), beside a bare Bolt app
 * that only acks: requests per second and p99 for both, with 10 connections, in the same run.
 * Every request is unique (its own trigger_id, so its own signature): replays would be refused.
 */

import { type ChildProcess, spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import type { BenchContext } from "../context.js";
import type { Figures, Section } from "../section.js";

const SECRET = "bench-signing-secret";
const CONNECTIONS = 10;
const WARMUP_S = 2;
const MEASURE_S = 5;

export const slack: Section = {
  name: "slack",
  about: "/nhsai funding over signed HTTP: nhsai serve vs a bare Bolt app that only acks (10 connections)",
  async run(ctx: BenchContext): Promise<Figures> {
    const api = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" }));
    }).listen(0, "127.0.0.1");
    await once(api, "listening");
    const apiUrl = `http://127.0.0.1:${(api.address() as { port: number }).port}/api/`;
    const dataDir = mkdtempSync(join(tmpdir(), "nhsai-bench-slack-"));
    const dist = join(ctx.root, "dist");
    try {
      const bare = await serve(spawn(process.execPath, [join(dist, "bench", "slack-bare-app.js"), SECRET, apiUrl]));
      const bareRun = await measure(bare.url, "/slack/events");
      bare.child.kill();
      const port = await freePort();
      const nhsai = await serve(
        spawn(process.execPath, [join(dist, "adapters", "cli", "nhsai.js"), "serve"], {
          env: {
            PATH: process.env.PATH,
            PORT: String(port),
            DATA_DIR: dataDir,
            SLACK_BOT_TOKEN: "xoxb-bench",
            SLACK_SIGNING_SECRET: SECRET,
            SLACK_API_URL: apiUrl,
            LOG_LEVEL: "error",
          },
        }),
        port,
      );
      await expectAnswer(`${nhsai.url}/slack/events`);
      const ours = await measure(nhsai.url, "/slack/events");
      nhsai.child.kill();
      ctx.log(`bare Bolt: ${bareRun.rps} req/s, p99 ${bareRun.p99} ms; nhsai: ${ours.rps} req/s, p99 ${ours.p99} ms`);
      return {
        slack_bare_rps: bareRun.rps,
        slack_bare_p99_ms: bareRun.p99,
        slack_funding_rps: ours.rps,
        slack_funding_p99_ms: ours.p99,
        slack_funding_vs_bare_rps_ratio: ours.rps / bareRun.rps,
        slack_bare_over_funding_rps_ratio: bareRun.rps / ours.rps,
        slack_bare_non2xx_count: bareRun.non2xx,
        slack_funding_non2xx_count: ours.non2xx,
      };
    } finally {
      api.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

/** Waits for a child's "ready" line (or the port it was given) and gives its base URL. */
async function serve(child: ChildProcess, port?: number): Promise<{ child: ChildProcess; url: string }> {
  let out = "";
  const ready = await new Promise<number>((resolve, reject) => {
    child.stdout?.on("data", (chunk) => {
      out += chunk;
      const bare = /ready (\d+)/.exec(out);
      if (bare) resolve(Number(bare[1]));
      else if (port && /ready on port/.test(out)) resolve(port);
    });
    child.once("exit", (code) => reject(new Error(`bench server exited ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${ready}` };
}

let sequence = 0;

/** A warm-up, then the measured run; every request a new signed slash command. */
async function measure(base: string, path: string) {
  const run = (duration: number) =>
    autocannon({
      url: `${base}${path}`,
      connections: CONNECTIONS,
      duration,
      requests: [{ method: "POST", setupRequest: (request) => ({ ...request, ...signed() }) }],
    });
  await run(WARMUP_S);
  const result = await run(MEASURE_S);
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx + result.errors };
}

function signed() {
  sequence += 1;
  const body = new URLSearchParams({
    team_id: "T1",
    channel_id: "C1",
    channel_name: "digital",
    user_id: "U1",
    command: "/nhsai",
    text: "funding",
    api_app_id: "A1",
    response_url: "http://127.0.0.1:9/respond",
    trigger_id: `bench-${process.pid}-${sequence}`,
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
  return {
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": signature,
    },
  };
}

/** What is measured must be the real answer: one request first, its Block Kit checked. */
async function expectAnswer(url: string): Promise<void> {
  const { body, headers } = signed();
  const res = await fetch(url, { method: "POST", body, headers });
  const text = await res.text();
  if (res.status !== 200 || !text.includes('"blocks"') || !text.includes("Funding"))
    throw new Error(`nhsai did not answer /nhsai funding (${res.status}): ${text.slice(0, 200)}`);
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as { port: number }).port;
  server.close();
  await once(server, "close");
  return port;
}
