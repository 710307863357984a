/**
 * The one HTTP server of `nhsai serve` (CONTRACT.md): `GET /healthz`, plus the routes the chat
 * platforms mount (`POST /slack/events`, `POST /api/messages`). Plain node:http, with tight limits;
 * each route reads its own body, so Slack's raw-body signature check and Teams' JSON never meet.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { StoreHealthSummary } from "../../src/store/health-summary.js";
import type { PageRoutes } from "../archive/archive-routes.js";
import type { RouteHandler } from "../serve/served-platform.js";

export interface HealthStatus {
  status: "ok" | "degraded";
  platforms: string[];
  documents: number;
  /** The store's backend, state and schema version (see summariseStoreHealth). */
  store: StoreHealthSummary;
}

export interface HttpServerOptions {
  health: () => HealthStatus | Promise<HealthStatus>;
  /** Exact paths to handlers, e.g. { "/slack/events": … }. */
  routes?: Record<string, RouteHandler>;
  /** Paths matched by prefix after the exact routes (the web archive); true when it took the request. */
  pages?: PageRoutes;
}

export function createHttpServer({ health, routes = {}, pages }: HttpServerOptions): Server {
  // Node checks those timeouts every connectionsCheckingInterval (30 s by default): once a
  // second, a slow-loris client is closed within about 11 s instead of up to 40.
  const server = createServer({ connectionsCheckingInterval: 1_000 }, (req, res) =>
    route(req, res, health, routes, pages),
  );
  // Slow or idle clients do not hold sockets open (slow-loris).
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  server.keepAliveTimeout = 5_000;
  return server;
}

function route(
  req: IncomingMessage,
  res: ServerResponse,
  health: HttpServerOptions["health"],
  routes: Record<string, RouteHandler>,
  pages: PageRoutes | undefined,
): void {
  // A request for exactly a mounted path (the usual case) skips URL parsing: a route's key is
  // already a plain pathname, which parsing would return unchanged.
  const url = req.url ?? "/";
  const path = Object.hasOwn(routes, url) ? url : new URL(url, "http://localhost").pathname;
  const handler = Object.hasOwn(routes, path) ? routes[path] : undefined;
  if (handler) {
    handler(req, res);
    return;
  }
  if (pages?.(req, res, path)) return;
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
