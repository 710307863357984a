/**
 * The Teams route when Teams is not configured. With no app id Bot Framework would switch its
 * authentication off and answer anyone, so an unconfigured `/api/messages` refuses every request
 * (401) and sends nothing, rather than looking absent.
 */

import type { RouteHandler } from "../http/served-platform.js";

export const TEAMS_ROUTE = "/api/messages";

export const refuseUnconfiguredTeams: RouteHandler = (req, res) => {
  // The body is not read: close the connection rather than drain a stranger's upload.
  res.writeHead(401, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    connection: "close",
  });
  res.end(JSON.stringify({ error: "Teams is not configured on this server" }));
  req.resume();
};
