/** `GET /metrics`: Prometheus text for operators, only with METRICS_TOKEN, counting what the server answered. */
import { once } from "node:events";
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createMetrics } from "../../adapters/http/metrics.js";
import { createHttpServer, type HealthStatus } from "../../adapters/http/server.js";

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
