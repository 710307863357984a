/**
 * The chat platforms `nhsai serve` can run, each imported only when its variables are set, so a
 * Slack-only deployment never loads botbuilder and the reverse. Creating a platform opens no
 * connection, so `nhsai run-due` creates them only to use their posters.
 */

import { type ChannelPoster, type PlatformName, platformsOf, type ReviewDesk } from "../../src/index.js";
import type { PlatformDeps, RouteHandler, ServedPlatform } from "../http/served-platform.js";

type PlatformFactory = {
  name: PlatformName;
  load: () => Promise<(deps: PlatformDeps) => Promise<ServedPlatform>>;
};

const PLATFORMS: readonly PlatformFactory[] = [
  { name: "slack", load: async () => (await import("../slack/slack-platform.js")).createSlackPlatform },
  { name: "teams", load: async () => (await import("../teams/teams-platform.js")).createTeamsPlatform },
];

/**
 * The platforms the configuration turns on (src/config.ts's rule, the one doctor uses too),
 * created: nothing started, nothing called. A platform set up by half throws the ConfigError that
 * names what is missing, as `doctor` reports it.
 */
export async function createPlatforms(deps: PlatformDeps): Promise<ServedPlatform[]> {
  const wanted = platformsOf(deps.config);
  const platforms: ServedPlatform[] = [];
  for (const factory of PLATFORMS.filter((p) => wanted.includes(p.name)))
    platforms.push(await (await factory.load())(deps));
  return platforms;
}

/** The posters (and reviewers' desks) of the platforms the configuration turns on, for `nhsai run-due`. */
export async function createPosters(deps: PlatformDeps): Promise<{ posters: ChannelPoster[]; desks: ReviewDesk[] }> {
  const platforms = await createPlatforms(deps);
  return {
    posters: platforms.map((p) => p.poster),
    desks: platforms.flatMap((p) => (p.reviewDesk ? [p.reviewDesk] : [])),
  };
}

const TEAMS_ROUTE = "/api/messages";

/**
 * The Teams route when Teams is not configured. With no app id Bot Framework would switch its
 * authentication off and answer anyone, so an unconfigured `/api/messages` refuses every request
 * (401) and sends nothing, rather than looking absent.
 */
const refuseUnconfiguredTeams: RouteHandler = (req, res) => {
  // The body is not read: close the connection rather than drain a stranger's upload.
  res.writeHead(401, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    connection: "close",
  });
  res.end(JSON.stringify({ error: "Teams is not configured on this server" }));
  req.resume();
};

/** The routes every serve mounts, whichever platforms run; a running platform's own routes replace them. */
export const CLOSED_ROUTES: Readonly<Record<string, RouteHandler>> = { [TEAMS_ROUTE]: refuseUnconfiguredTeams };
