/**
 * The chat platforms `nhsai serve` can run, each imported only when its variables are set, so a
 * Slack-only deployment never loads botbuilder and the reverse.
 */

import { type Config, type PlatformName, platformsOf } from "../../src/index.js";
import type { PlatformDeps, ServedPlatform } from "../http/served-platform.js";

type PlatformFactory = {
  name: PlatformName;
  /** Whether the configuration turns it on: src/config.ts's rule, the one doctor uses too. */
  wanted: (config: Config) => boolean;
  load: () => Promise<(deps: PlatformDeps) => Promise<ServedPlatform>>;
};

export const PLATFORMS: readonly PlatformFactory[] = [
  {
    name: "slack",
    wanted: (c) => platformsOf(c).includes("slack"),
    load: async () => (await import("../slack/slack-platform.js")).createSlackPlatform,
  },
  {
    name: "teams",
    wanted: (c) => platformsOf(c).includes("teams"),
    load: async () => (await import("../teams/teams-platform.js")).createTeamsPlatform,
  },
];

/**
 * The platforms the configuration turns on, created (nothing started, nothing called); a platform
 * set up by half throws the ConfigError that names what is missing, as `doctor` reports it.
 */
export async function createPlatforms(deps: PlatformDeps): Promise<ServedPlatform[]> {
  const platforms: ServedPlatform[] = [];
  for (const factory of PLATFORMS.filter((p) => p.wanted(deps.config)))
    platforms.push(await (await factory.load())(deps));
  return platforms;
}
