/**
 * The review buttons on Teams: an `Action.Submit` on a draft arrives as a message activity (only
 * after messages-route.ts has checked its token) whose value is the button's data. Such a turn is
 * taken here, before the bot's own handlers: the data is read through the core's schema, the
 * clicker is named as the bot names senders (Entra object id, or "unverified:…" with no token),
 * and the core's ReviewClicks decides; the clicker gets one line back.
 */

import { type Activity, ActivityTypes, type TurnContext } from "botbuilder";
import { type Logger, parseClick, ReviewClicks } from "../../src/index.js";
import type { PlatformDeps } from "../http/served-platform.js";
import type { ConnectorDeps } from "./connector-client.js";
import { conversationOf } from "./incoming.js";
import { REVIEW_SUBMIT, TeamsReviewDesk } from "./review-desk.js";
import { isAllowedServiceUrl, type ServiceUrlPolicy } from "./service-url.js";
import type { TeamsSender } from "./teams-sender.js";

export interface TeamsReview {
  desk: TeamsReviewDesk;
  /** True when the turn was a review click (and has been answered); false leaves it to the bot. */
  handles(context: TurnContext): Promise<boolean>;
}

export function teamsReview(
  deps: PlatformDeps,
  sender: TeamsSender,
  connector: ConnectorDeps,
  policy: ServiceUrlPolicy,
  verifiedSenders: boolean,
): TeamsReview {
  const desk = new TeamsReviewDesk(deps.store, sender, connector, (url) => isAllowedServiceUrl(url, policy), deps.log);
  const clicks = new ReviewClicks({ store: deps.store, editors: deps.config.EDITORS, desk, log: deps.log });
  const tenants = deps.config.TEAMS_TENANTS;
  return {
    desk,
    handles: async (context) => {
      const { activity } = context;
      const value = activity.value as { nhsai?: unknown; click?: unknown } | undefined;
      if (activity.type !== ActivityTypes.Message || value?.nhsai !== REVIEW_SUBMIT) return false;
      // A foreign tenant's activity is the bot's to drop (and log), as for every other turn.
      if (tenants.size > 0 && !tenants.has(tenantOf(activity))) return false;
      await context.sendActivity(await answer(clicks, activity, verifiedSenders, deps.now, deps.log));
      return true;
    },
  };
}

async function answer(
  clicks: ReviewClicks,
  activity: Activity,
  verified: boolean,
  now: () => Date,
  log: Logger,
): Promise<string> {
  const click = parseClick((activity.value as { click?: unknown }).click);
  const { userId } = conversationOf(activity, verified);
  if (!click || !userId) {
    log.warn("teams.review_click_unreadable");
    return "I couldn't read that button.";
  }
  const name = activity.from?.name ?? userId;
  return clicks.click({ platform: "teams", userId, name }, click, now());
}

function tenantOf(activity: Activity): string {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const id = typeof fromChannelData === "string" ? fromChannelData : activity.conversation?.tenantId;
  return typeof id === "string" ? id.toLowerCase() : "";
}
