/**
 * The review buttons on Slack, as one Bolt middleware registered before nhsai's other listeners:
 * a click on a review button (its request already signed and checked by the receiver) is
 * acknowledged at once, applied through the core's ReviewClicks, and answered to the clicker
 * alone; anything else goes on to the other listeners untouched.
 */

import type { AnyMiddlewareArgs, Middleware, RespondFn } from "@slack/bolt";
import type { Logger } from "../../src/logger.js";
import { parseClick, ReviewClicks } from "../../src/review/review-clicks.js";
import type { PlatformDeps } from "../serve/served-platform.js";
import { budgetedRespond } from "./response-budget.js";
import { REVIEW_ACTION, SlackReviewDesk } from "./review-desk.js";
import type { SlackPoster } from "./slack-poster.js";

type WebClient = ConstructorParameters<typeof SlackReviewDesk>[0];

/** The desk the scheduler sends drafts through, and the middleware that takes the clicks. */
export function slackReview(
  deps: PlatformDeps,
  client: WebClient,
  poster: SlackPoster,
): { desk: SlackReviewDesk; middleware: Middleware<AnyMiddlewareArgs> } {
  const desk = new SlackReviewDesk(client, poster, deps.log);
  const clicks = new ReviewClicks({ store: deps.store, editors: deps.config.EDITORS, desk, log: deps.log });
  return { desk, middleware: reviewMiddleware(clicks, deps.now, deps.log) };
}

interface ClickArgs {
  ack: () => Promise<void>;
  respond: RespondFn;
  body: { user?: { id?: string; name?: string; username?: string } };
  action: { action_id?: unknown; value?: unknown };
}

function reviewMiddleware(clicks: ReviewClicks, now: () => Date, log: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const action = "action" in args ? (args.action as ClickArgs["action"] | undefined) : undefined;
    if (typeof action?.action_id !== "string" || !REVIEW_ACTION.test(action.action_id)) return args.next();
    const { ack, respond, body } = args as unknown as ClickArgs;
    await ack();
    const click = parseClick(action.value);
    const userId = body.user?.id;
    const send = budgetedRespond(respond, now(), now, log);
    if (!click || !userId) {
      log.warn("slack.review_click_unreadable");
      await send({ response_type: "ephemeral", replace_original: false, text: "I couldn't read that button." });
      return;
    }
    const name = body.user?.name ?? body.user?.username ?? userId;
    const told = await clicks.click({ platform: "slack", userId, name }, click, now());
    await send({ response_type: "ephemeral", replace_original: false, text: told });
  };
}
