/**
 * The chat platforms `nhsai serve` can run, each imported only when its variables are set, so a
 * Slack-only deployment never loads botbuilder and the reverse.
 */

import type { Config } from "../../src/config.js";
import type { PlatformDeps, ServedPlatform } from "./served-platform.js";

type PlatformFactory = {
  name: "slack" | "teams";
  wanted: (config: Config) => boolean;
  load: () => Promise<(deps: PlatformDeps) => Promise<ServedPlatform>>;
};

export const PLATFORMS: readonly PlatformFactory[] = [
  // Any Slack variable turns Slack on, so a token or secret left empty stops start-up by name.
  {
    name: "slack",
    wanted: (c) => Boolean(c.SLACK_BOT_TOKEN || c.SLACK_APP_TOKEN || c.SLACK_SIGNING_SECRET),
    load: async () => (await import("../slack/slack-platform.js")).createSlackPlatform,
  },
  {
    name: "teams",
    wanted: (c) => Boolean(c.MICROSOFT_APP_ID || c.TEAMS_LOCAL),
    load: async () => (await import("../teams/teams-platform.js")).createTeamsPlatform,
  },
];
