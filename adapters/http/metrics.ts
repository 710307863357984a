/**
 * `GET /metrics` in Prometheus' text format (prom-client), for operators who graph and alert: every
 * HTTP request by route and outcome with its duration, the library's size, and Node's own process
 * figures. Off unless METRICS_TOKEN is set, and then only with `Authorization: Bearer <token>`:
 * the figures say how busy a trust's bot is, which is nobody else's business.
 */

import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { RouteHandler } from "./served-platform.js";

export interface MetricsOptions {
  token: string;
  /** How many documents the library holds now (read at each scrape). */
  documents: () => number;
}

export interface Metrics {
  /** The `/metrics` route. */
  route: RouteHandler;
  /** Counts one request once its response is finished. */
  observe(req: IncomingMessage, res: ServerResponse, route: string): void;
}

/** The routes a request is counted under; anything else is "other", so labels stay few. */
const ROUTE_LABELS: Record<string, string> = {
  "/slack/events": "slack",
  "/api/messages": "teams",
  "/healthz": "healthz",
  "/metrics": "metrics",
  archive: "archive",
};

export function createMetrics({ token, documents }: MetricsOptions): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "nhsai_" });
  const requests = new Counter({
    name: "nhsai_http_requests_total",
    help: "HTTP requests answered, by route (slack, teams, healthz, archive, metrics, other) and status class",
    labelNames: ["route", "outcome"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "nhsai_http_request_duration_seconds",
    help: "Time from a request's arrival to the end of its response, by route",
    labelNames: ["route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: "nhsai_library_documents",
    help: "Documents the knowledge base holds (seeds and ingested)",
    registers: [registry],
    collect() {
      this.set(documents());
    },
  });
  const expected = Buffer.from(`Bearer ${token}`);

  return {
    observe(_req, res, route) {
      const label = ROUTE_LABELS[route] ?? "other";
      const stop = duration.startTimer({ route: label });
      res.once("finish", () => {
        stop();
        requests.inc({ route: label, outcome: `${Math.floor(res.statusCode / 100)}xx` });
      });
    },
    route: (req, res) => {
      const given = Buffer.from(req.headers.authorization ?? "");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.writeHead(401, { "content-type": "text/plain", "www-authenticate": "Bearer" });
        res.end("metrics need Authorization: Bearer <METRICS_TOKEN>\n");
        return;
      }
      return registry.metrics().then((text) => {
        res.writeHead(200, { "content-type": registry.contentType });
        res.end(text);
      });
    },
  };
}
