/**
 * The one HTTP server of `nhsai serve` (CONTRACT.md): `GET /healthz` now; `/slack/events` and
 * `/api/messages` arrive with the Slack and Teams adapters. Plain node:http, with tight limits.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { StoreHealthSummary } from "../../src/store/health-summary.js";

export interface HealthStatus {
  status: "ok" | "degraded";
  platforms: string[];
  documents: number;
  /** The store's backend, state and schema version (see summariseStoreHealth). */
  store: StoreHealthSummary;
}

export interface HttpServerOptions {
  health: () => HealthStatus | Promise<HealthStatus>;
}

export function createHttpServer({ health }: HttpServerOptions): Server {
  const server = createServer((req, res) => route(req, res, health));
  // Slow or idle clients do not hold sockets open (slow-loris).
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  server.keepAliveTimeout = 5_000;
  return server;
}

function route(req: IncomingMessage, res: ServerResponse, health: HttpServerOptions["health"]): void {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  if (path === "/healthz" && (req.method === "GET" || req.method === "HEAD")) {
    Promise.resolve()
      .then(health)
      .then(
        (status) => sendJson(res, status.status === "ok" ? 200 : 503, status),
        () => sendJson(res, 503, { status: "degraded" }),
      );
    return;
  }
  if (path === "/healthz") {
    res.setHeader("Allow", "GET, HEAD");
    sendJson(res, 405, { error: "method not allowed" });
    return;
  }
  sendJson(res, 404, { error: "not found" });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(text);
}
