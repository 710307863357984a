/**
 * The one HTTP server of `nhsai serve`: `GET /healthz`, plus the routes the chat
 * platforms mount (`POST /slack/events`, `POST /api/messages`). Plain node:http, with tight limits;
 * each route reads its own body, so Slack's raw-body signature check and Teams' JSON never meet.
 *
 * One error policy: whatever a request carries, a failure answers that request (400 for a request
 * target that is not a URL, 500 for a handler's error, thrown or rejected) with one JSON log line,
 * and the process keeps serving everyone else.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type Logger, type StoreHealthSummary, silentLogger } from "../../src/index.js";
import { isArchivePath, type PageRoutes } from "../archive/archive-routes.js";
import type { RouteHandler } from "./served-platform.js";

export interface HealthStatus {
  status: "ok" | "degraded";
  /** Why the status is degraded, in words safe for a public route (no hosts, paths or secrets). */
  reason?: string;
  platforms: string[];
  documents: number;
  /** The store's backend, state and schema version (see summariseStoreHealth). */
  store: StoreHealthSummary;
  /** Each configured platform and part of serve: ready, or not and why (adapters/serve/health.ts). */
  ready?: Record<string, { ready: boolean; reason?: string }>;
}

export interface HttpServerOptions {
  /** Should answer at once (serve gives cached state): a load balancer waits only seconds. */
  health: () => HealthStatus | Promise<HealthStatus>;
  /** Exact paths to handlers, e.g. { "/slack/events": … }. */
  routes?: Record<string, RouteHandler>;
  /** Paths matched by prefix after the exact routes (the web archive); true when it took the request. */
  pages?: PageRoutes;
  log?: Logger;
  /** Told of every request with the route it reached (a mounted path, "/healthz", or "other"): metrics. */
  observe?: (req: IncomingMessage, res: ServerResponse, route: string) => void;
}

export function createHttpServer({
  health,
  routes = {},
  pages,
  log = silentLogger,
  observe,
}: HttpServerOptions): Server {
  // Node checks those timeouts every connectionsCheckingInterval (30 s by default): once a
  // second, a slow-loris client is closed within about 11 s instead of up to 40.
  const server = createServer({ connectionsCheckingInterval: 1_000 }, (req, res) => {
    const failed = (error: unknown) => answerFailure(res, log, error);
    try {
      const pending = route(req, res, health, routes, pages, observe);
      if (pending) pending.catch(failed);
    } catch (error) {
      failed(error);
    }
  });
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
  observe: HttpServerOptions["observe"],
): void | Promise<void> {
  // A request for exactly a mounted path (the usual case) skips URL parsing: a route's key is
  // already a plain pathname, which parsing would return unchanged.
  const url = req.url ?? "/";
  const path = Object.hasOwn(routes, url) ? url : pathOf(url);
  if (path === null) {
    sendJson(res, 400, { error: "bad request target" });
    return;
  }
  const handler = Object.hasOwn(routes, path) ? routes[path] : undefined;
  observe?.(req, res, handler || path === "/healthz" ? path : pages && isArchivePath(path) ? "archive" : "other");
  if (handler) return handler(req, res);
  if (pages?.(req, res, path)) return;
  if (path === "/healthz" && (req.method === "GET" || req.method === "HEAD")) {
    return Promise.resolve()
      .then(health)
      .then(
        (status) => sendJson(res, status.status === "ok" ? 200 : 503, status),
        () => sendJson(res, 503, { status: "degraded", reason: "health could not be read" }),
      );
  }
  if (path === "/healthz") {
    res.setHeader("Allow", "GET, HEAD");
    sendJson(res, 405, { error: "method not allowed" });
    return;
  }
  sendJson(res, 404, { error: "not found" });
}

/** The pathname of a request target (origin or absolute form), or null when it is no URL at all (`//`, `http://%zz/`). */
function pathOf(target: string): string | null {
  try {
    return new URL(target, "http://localhost").pathname;
  } catch {
    return null;
  }
}

/** A handler's error costs that request a 500 (or its connection, once an answer has started), never the process. */
function answerFailure(res: ServerResponse, log: Logger, error: unknown): void {
  log.error("http.handler_failed", { error: error instanceof Error ? error.name : typeof error });
  if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
  else res.destroy();
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(text);
}
