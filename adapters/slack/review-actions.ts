/**
 * The review buttons on Slack, as one Bolt action listener (`app.action(REVIEW_ACTION)`, registered
 * in ./slack-platform.ts beside the others): a click on a review button (its request already signed
 * and checked by the receiver) is acknowledged at once, applied through the core's ReviewClicks,
 * and answered to the clicker alone.
 */

import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { type Logger, parseClick, ReviewClicks } from "../../src/index.js";
import type { PlatformDeps } from "../http/served-platform.js";
import { budgetedRespond } from "./response-budget.js";
import { SlackReviewDesk } from "./review-desk.js";
import type { SlackPoster } from "./slack-poster.js";

type WebClient = ConstructorParameters<typeof SlackReviewDesk>[0];
type ClickArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** The desk the scheduler sends drafts through, and the listener that takes the clicks. */
export function slackReview(
  deps: PlatformDeps,
  client: WebClient,
  poster: SlackPoster,
): { desk: SlackReviewDesk; onClick: (args: ClickArgs) => Promise<void> } {
  const desk = new SlackReviewDesk(client, poster, deps.log);
  const clicks = new ReviewClicks({ store: deps.store, editors: deps.config.EDITORS, desk, log: deps.log });
  return { desk, onClick: (args) => onReviewClick(clicks, deps.now, deps.log, args) };
}

async function onReviewClick(
  clicks: ReviewClicks,
  now: () => Date,
  log: Logger,
  { ack, respond, body, action }: ClickArgs,
): Promise<void> {
  await ack();
  const click = parseClick(action.value);
  const userId = body.user?.id;
  const send = budgetedRespond(respond, now(), now, log);
  if (!click || !userId) {
    log.warn("slack.review_click_unreadable");
    await send({ response_type: "ephemeral", replace_original: false, text: "I couldn't read that button." });
    return;
  }
  const name = body.user.name ?? body.user.username ?? userId;
  const told = await clicks.click({ platform: "slack", userId, name }, click, now());
  await send({ response_type: "ephemeral", replace_original: false, text: told });
}
