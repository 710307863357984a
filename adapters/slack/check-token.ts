/**
 * `nhsai doctor --online` for Slack: one real `auth.test` with the bot token, through the same
 * client settings serve uses (base URL, proxy, timeout), so a made-up or revoked token is found
 * before a channel waits for a briefing that never comes.
 */

import { webApi } from "@slack/bolt";
import { silentLogger } from "../../src/index.js";
import { boltLogger } from "./bolt-logger.js";
import { proxySetup } from "./proxy-fetch.js";
import { slackClientOptions } from "./slack-client.js";

export type SlackTokenCheck = { ok: true; team: string; bot: string } | { ok: false; problem: string };

/** What to do about each error `auth.test` answers with. */
const FIXES: Record<string, string> = {
  invalid_auth: "the token is not one Slack knows: copy the Bot User OAuth Token (xoxb-…) from the app's OAuth page",
  not_authed: "no token reached Slack: set SLACK_BOT_TOKEN",
  account_inactive: "the app was uninstalled or its workspace deleted: reinstall the app",
  token_revoked: "the token was revoked: reinstall the app and copy the new token",
  token_expired: "the token has expired: turn off token rotation or reinstall the app",
};

export async function checkSlackToken(
  token: string,
  apiUrl: string | undefined,
  env: Record<string, string | undefined>,
): Promise<SlackTokenCheck> {
  const proxy = proxySetup(env);
  const client = new webApi.WebClient(
    token,
    slackClientOptions({ apiUrl, logger: boltLogger(silentLogger, "error"), fetch: proxy?.fetch }),
  );
  try {
    const answer = await client.auth.test();
    return { ok: true, team: String(answer.team ?? answer.team_id ?? "?"), bot: String(answer.user ?? "?") };
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code)
      return {
        ok: false,
        problem: `Slack refused the bot token (${code}): ${FIXES[code] ?? "see Slack's auth.test errors"}`,
      };
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: `Slack could not be reached (${reason.slice(0, 160)}): check the network, HTTPS_PROXY/NO_PROXY and SLACK_API_URL`,
    };
  }
}
