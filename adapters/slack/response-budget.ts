/**
 * Slack accepts at most five posts to a response_url, within 30 minutes of the command. This
 * counts them and refuses the sixth, or any after the window, rather than letting Slack refuse.
 */

import type { RespondFn } from "@slack/bolt";
import type { Logger } from "../../src/index.js";

const RESPONSE_URL_POSTS = 5;
const RESPONSE_URL_WINDOW_MS = 30 * 60 * 1000;

export type Responder = (message: Parameters<RespondFn>[0] & object) => Promise<boolean>;

export function budgetedRespond(respond: RespondFn, startedAt: Date, now: () => Date, log: Logger): Responder {
  let posts = 0;
  return async (message) => {
    if (posts >= RESPONSE_URL_POSTS || now().getTime() - startedAt.getTime() > RESPONSE_URL_WINDOW_MS) {
      log.warn("slack.response_url_spent", { posts });
      return false;
    }
    posts += 1;
    try {
      await respond(message);
      return true;
    } catch (error) {
      // A 404/410/500 from response_url: logged, never retried.
      log.warn("slack.response_url_failed", { error: String(error).slice(0, 200) });
      return false;
    }
  };
}
