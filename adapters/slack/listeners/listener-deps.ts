/** What every Slack listener needs: the core, the poster, the Web API client, the clock and the log. */

import type { webApi } from "@slack/bolt";
import type { BriefingService, Logger } from "../../../src/index.js";
import type { SlackPoster } from "../slack-poster.js";

export interface ListenerDeps {
  service: BriefingService;
  poster: SlackPoster;
  client: webApi.WebClient;
  now: () => Date;
  log: Logger;
  /** How long a slash command may take before it is acknowledged and finished by response_url. */
  fastReplyMs: number;
}
