/**
 * The Slack variables `nhsai serve` needs, checked before anything is built: a bot token always;
 * a signing secret over HTTP; an app token for Socket Mode. A missing (or empty) one stops
 * start-up with one line naming it.
 */

import { type Config, ConfigError } from "../../src/index.js";

export type SlackSettings =
  | { mode: "http"; botToken: string; signingSecret: string; apiUrl: string | undefined }
  | { mode: "socket"; botToken: string; appToken: string; apiUrl: string | undefined };

export function slackSettings(config: Config): SlackSettings {
  const botToken = config.SLACK_BOT_TOKEN;
  if (!botToken)
    throw new ConfigError(
      "SLACK_BOT_TOKEN is missing or empty: set the bot token (xoxb-…) from the Slack app's OAuth page",
    );
  const apiUrl = config.SLACK_API_URL ? withSlash(config.SLACK_API_URL) : undefined;
  if (config.SLACK_APP_TOKEN) return { mode: "socket", botToken, appToken: config.SLACK_APP_TOKEN, apiUrl };
  if (!config.SLACK_SIGNING_SECRET)
    throw new ConfigError(
      "SLACK_SIGNING_SECRET is missing or empty: set the app's signing secret (Basic Information), or SLACK_APP_TOKEN for Socket Mode",
    );
  return { mode: "http", botToken, signingSecret: config.SLACK_SIGNING_SECRET, apiUrl };
}

/** The Web API client joins method names onto the base URL, so it must end with "/". */
function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
