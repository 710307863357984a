import type { ChannelPoster } from "../../src/chat/channel-poster.js";
import { PLATFORMS } from "./platforms.js";
import type { PlatformDeps } from "./served-platform.js";

/**
 * The posters of the platforms the configuration turns on, without starting them: creating a
 * platform opens no connection, so `nhsai run-due` can post and exit.
 */
export async function createPosters(deps: PlatformDeps): Promise<ChannelPoster[]> {
  const posters: ChannelPoster[] = [];
  for (const factory of PLATFORMS.filter((p) => p.wanted(deps.config)))
    posters.push((await (await factory.load())(deps)).poster);
  return posters;
}
