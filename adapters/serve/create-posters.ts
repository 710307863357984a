import type { ChannelPoster, ReviewDesk } from "../../src/index.js";
import type { PlatformDeps } from "../http/served-platform.js";
import { PLATFORMS } from "./platforms.js";

/**
 * The posters of the platforms the configuration turns on, without starting them: creating a
 * platform opens no connection, so `nhsai run-due` can post (and send reviewers drafts) and exit.
 */
export async function createPosters(deps: PlatformDeps): Promise<{ posters: ChannelPoster[]; desks: ReviewDesk[] }> {
  const posters: ChannelPoster[] = [];
  const desks: ReviewDesk[] = [];
  for (const factory of PLATFORMS.filter((p) => p.wanted(deps.config))) {
    const platform = await (await factory.load())(deps);
    posters.push(platform.poster);
    if (platform.reviewDesk) desks.push(platform.reviewDesk);
  }
  return { posters, desks };
}
