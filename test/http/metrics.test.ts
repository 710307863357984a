/** `GET /metrics`: Prometheus text for operators, only with METRICS_TOKEN, counting what the server answered. */
import { once } from "node:events";
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createMetrics } from "../../adapters/http/metrics.js";
import { createHttpServer, type HealthStatus } from "../../adapters/http/server.js";
import { type ServeProcess, startServe } from "../teams/serve-process.js";
import { type ConnectorStub, messageActivity, postActivity, startConnectorStub } from "../teams/teams-harness.js";

const TOKEN = "a-metrics-token-long-enough";
const healthy: HealthStatus = {
  status: "ok",
  platforms: ["slack"],
  documents: 7,
  store: { backend: "embedded", state: "ok", schemaVersion: 5 },
};

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

async function serveWithMetrics(): Promise<string> {
  const metrics = createMetrics({ token: TOKEN, documents: () => 7 });
  server = createHttpServer({
    health: () => healthy,
    routes: {
      "/metrics": metrics.route,
      "/slack/events": (_req, res) => {
        res.writeHead(401).end();
      },
    },
    observe: metrics.observe,
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

describe("GET /metrics", () => {
  it("refuses a scrape without the bearer token, or with another one", async () => {
    const base = await serveWithMetrics();
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${base}/metrics`, { headers: { authorization: "Bearer not-the-token-at-all" } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain("nhsai_");
  });

  it("counts requests by route and outcome, times them, and gives the library's size", async () => {
    const base = await serveWithMetrics();
    await fetch(`${base}/healthz`);
    await fetch(`${base}/healthz`);
    await fetch(`${base}/slack/events`, { method: "POST" });
    await fetch(`${base}/no-such-page`);
    const scrape = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await scrape.text();
    expect(text).toMatch(/^nhsai_http_requests_total\{route="healthz",outcome="2xx"\} 2$/m);
    expect(text).toMatch(/^nhsai_http_requests_total\{route="slack",outcome="4xx"\} 1$/m);
    expect(text).toMatch(/^nhsai_http_requests_total\{route="other",outcome="4xx"\} 1$/m);
    expect(text).toMatch(/^nhsai_http_request_duration_seconds_count\{route="healthz"\} 2$/m);
    expect(text).toMatch(/^nhsai_library_documents 7$/m);
    expect(text).toMatch(/^nhsai_process_resident_memory_bytes \d+/m);
  });
});

describe("scheduled posts and feed polls in /metrics", () => {
  it("counts each slot's outcome and each feed read's, and failed runs and rounds apart", async () => {
    const metrics = createMetrics({ token: TOKEN, documents: () => 7 });
    metrics.schedulerRun({
      taken: 1,
      sent: 2,
      uncertain: 0,
      failed: 1,
      skipped: 0,
      paused: 0,
      recovered: 0,
      drafts: 0,
      held: 0,
    });
    metrics.schedulerRun(null);
    metrics.feedPoll([
      { source: "https://news.example/feed", status: "not_modified" },
      { source: "https://other.example/feed", status: "failed", reason: "HTTP 500" },
    ]);
    metrics.feedPoll(null);
    server = createHttpServer({ health: () => healthy, routes: { "/metrics": metrics.route } });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const port = (server.address() as { port: number }).port;
    const text = await (
      await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).text();
    expect(text).toMatch(/^nhsai_scheduled_posts_total\{outcome="sent"\} 2$/m);
    expect(text).toMatch(/^nhsai_scheduled_posts_total\{outcome="failed"\} 1$/m);
    expect(text).toMatch(/^nhsai_scheduled_posts_total\{outcome="taken"\} 1$/m);
    expect(text).not.toMatch(/^nhsai_scheduled_posts_total\{outcome="skipped"\}/m);
    expect(text).toMatch(/^nhsai_scheduler_runs_total\{outcome="ok"\} 1$/m);
    expect(text).toMatch(/^nhsai_scheduler_runs_total\{outcome="failed"\} 1$/m);
    expect(text).toMatch(/^nhsai_feed_polls_total\{outcome="ok"\} 1$/m);
    expect(text).toMatch(/^nhsai_feed_polls_total\{outcome="failed"\} 1$/m);
    expect(text).toMatch(/^nhsai_feed_reads_total\{outcome="failed"\} 1$/m);
    expect(text).toMatch(/^nhsai_feed_reads_total\{outcome="not_modified"\} 1$/m);
  });
});

describe("/metrics from a running nhsai serve", () => {
  let serve: ServeProcess | undefined;
  let connector: ConnectorStub | undefined;
  afterEach(async () => {
    await serve?.stop();
    await connector?.close();
    serve = connector = undefined;
  });

  const scrape = async (port: number) =>
    (await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
  const value = (text: string, series: string) => {
    const line = text.split("\n").find((l) => l.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : 0;
  };

  it("counts Teams messages by outcome, times the answers, and shows readiness and the scheduler's runs", async () => {
    connector = await startConnectorStub();
    serve = await startServe({ TEAMS_LOCAL: "1", METRICS_TOKEN: TOKEN });
    const url = `http://127.0.0.1:${serve.port}/api/messages`;
    const before = await scrape(serve.port);
    expect(value(before, 'nhsai_messages_total{platform="teams",outcome="answered"}')).toBe(0);

    const questions = [
      "How much is the lung cancer AI funding?",
      "Who is leading the volcano tariff?",
      "What dose of ibuprofen should I take for my back pain?",
      "help",
    ];
    for (const text of questions)
      expect((await postActivity(url, messageActivity(connector.url, text))).status).toBe(200);

    const after = await scrape(serve.port);
    const count = (outcome: string) => value(after, `nhsai_messages_total{platform="teams",outcome="${outcome}"}`);
    expect(count("answered")).toBe(1);
    expect(count("abstained")).toBe(1);
    expect(count("refused_clinical")).toBe(1);
    expect(count("other")).toBe(1);
    // Three questions timed (answered, declined, refused); `help` is not an answer.
    expect(value(after, 'nhsai_answer_duration_seconds_count{platform="teams"}')).toBe(3);
    expect(value(after, 'nhsai_http_requests_total{route="teams",outcome="2xx"}')).toBe(4);
    expect(value(after, 'nhsai_ready{part="teams"}')).toBe(1);
    expect(value(after, 'nhsai_ready{part="scheduler"}')).toBe(1);
    expect(value(after, 'nhsai_scheduler_runs_total{outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(value(after, 'nhsai_feed_polls_total{outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(value(after, "nhsai_library_documents")).toBeGreaterThan(0);
  });
});
