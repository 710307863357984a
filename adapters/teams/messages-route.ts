/**
 * `POST /api/messages` on nhsai's own HTTP server. The gate botbuilder lacks comes first: with no
 * app id and no TEAMS_LOCAL every request is refused (botbuilder alone would run the bot for
 * anyone), and the activity's `serviceUrl` must be on the allow-list before the bot may answer it,
 * since the answer goes there. Then botbuilder checks the token and runs the turn.
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import type { Activity, TurnContext } from "botbuilder";
import type { Logger } from "../../src/index.js";
import type { RouteHandler } from "../http/served-platform.js";
import { isActivityShaped } from "./activity-shape.js";
import { readJsonBody } from "./read-json-body.js";
import { isAllowedServiceUrl, type ServiceUrlPolicy } from "./service-url.js";
import { TeamsAuthError, type TeamsCloudAdapter } from "./teams-cloud-adapter.js";

export interface MessagesRouteDeps {
  adapter: TeamsCloudAdapter;
  /** Runs one turn (the bot's `run`). */
  logic: (context: TurnContext) => Promise<void>;
  /** False with neither MICROSOFT_APP_ID nor TEAMS_LOCAL: refuse everything. */
  open: boolean;
  /** With an app id, a request without a bearer token is refused before the body is read. */
  authenticated: boolean;
  policy: ServiceUrlPolicy;
  log: Logger;
}

export function messagesRoute(deps: MessagesRouteDeps): RouteHandler {
  return (req, res) => {
    handle(req, res, deps).catch((error: unknown) => {
      deps.log.error("teams.route_failed", { error: error instanceof Error ? error.name : "unknown" });
      if (!res.headersSent) send(res, 500, "internal error");
    });
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: MessagesRouteDeps): Promise<void> {
  if (req.method !== "POST") {
    res.setHeader("Allow", "POST");
    return send(res, 405, "method not allowed");
  }
  if (!deps.open) {
    deps.log.warn("teams.refused", { reason: "no MICROSOFT_APP_ID and TEAMS_LOCAL is not 1" });
    return refuse(req, res, 401, "Teams is not configured on this server");
  }
  const authHeader = req.headers.authorization ?? "";
  if (deps.authenticated && !/^Bearer \S+$/.test(authHeader)) {
    deps.log.warn("teams.refused", { reason: "no bearer token" });
    return refuse(req, res, 401, "unauthorized");
  }
  const body = await readJsonBody(req);
  if (!body.ok) return refuse(req, res, body.status, body.reason);
  const activity = body.body as Partial<Activity>;
  if (typeof activity.type !== "string") return send(res, 400, "an activity needs a type");
  if (!isActivityShaped(activity)) {
    deps.log.warn("teams.refused", { reason: "not shaped like an activity" });
    return send(res, 400, "not a Teams activity: from, recipient and conversation need ids");
  }
  if (!isAllowedServiceUrl(activity.serviceUrl, deps.policy)) {
    deps.log.warn("teams.refused", { reason: "serviceUrl not allowed", channel: String(activity.channelId ?? "") });
    return send(res, 403, "serviceUrl not allowed");
  }
  try {
    const invoke = await deps.adapter.runTurn(authHeader, activity as Activity, deps.logic);
    const status = invoke?.status ?? 200;
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(invoke?.body === undefined ? "" : JSON.stringify(invoke.body));
  } catch (error) {
    if (error instanceof TeamsAuthError) {
      deps.log.warn("teams.refused", { reason: "token not valid", error: error.message });
      return send(res, 401, "unauthorized");
    }
    throw error;
  }
}

/** Answers and closes the connection, so an unread (possibly huge) body is not read. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, reason: string): void {
  res.setHeader("connection", "close");
  res.on("finish", () => req.destroy());
  send(res, status, reason);
}

function send(res: ServerResponse, status: number, error: string): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify({ error }));
}
