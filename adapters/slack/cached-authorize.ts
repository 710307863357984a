/** Bolt's authorize for one workspace and one bot token, with the bot's ids looked up once. */

import type { Authorize, webApi } from "@slack/bolt";
import type { Logger } from "../../src/index.js"; /**
 * One auth.test for the bot's ids (Bolt would call it for every event when it cannot verify at
 * construction, and construction must make no calls). A failure is retried on the next event.
 */
export function cachedAuthorize(
  client: webApi.WebClient,
  botToken: string,
): Authorize<boolean> & { warm(log: Logger): Promise<void> } {
  let ids: Promise<{ botId: string; botUserId: string }> | undefined;
  const load = () => {
    ids ??= client.auth.test().then(
      (r) => ({ botId: String(r.bot_id ?? ""), botUserId: String(r.user_id ?? "") }),
      (error: unknown) => {
        ids = undefined;
        throw error;
      },
    );
    return ids;
  };
  const authorize = async () => ({ botToken, ...(await load()) });
  return Object.assign(authorize, {
    warm: async (log: Logger) => {
      await load().catch((error: unknown) =>
        log.warn("slack.auth_test_failed", { error: String(error).slice(0, 200) }),
      );
    },
  });
}
