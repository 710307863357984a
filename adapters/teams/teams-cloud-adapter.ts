/**
 * botbuilder's CloudAdapter with its turn entry point made public, so nhsai's route (not
 * botbuilder's express-style `process`) owns the HTTP side: body limits, content types, status
 * codes, and logging through our logger rather than `console`.
 */

import { type Activity, CloudAdapter, type InvokeResponse, type TurnContext } from "botbuilder";
import type { AuthenticateRequestResult, BotFrameworkAuthentication, ConnectorClient } from "botframework-connector";
import type { Logger } from "../../src/index.js"; /** The token was missing, malformed, expired, for someone else, or its keys could not be fetched. */
export class TeamsAuthError extends Error {
  override name = "TeamsAuthError";
}

/**
 * How long all of a turn's replies together may take: Teams waits about 15 s for the turn, and
 * botbuilder's ConnectorClient has no timeout of its own (a connector that never answers would
 * hold the turn, and the inbound request, for minutes).
 */
const TURN_REPLY_BUDGET_MS = 10_000;

export class TeamsCloudAdapter extends CloudAdapter {
  constructor(
    private readonly auth: BotFrameworkAuthentication,
    private readonly replyBudgetMs = TURN_REPLY_BUDGET_MS,
  ) {
    super(auth);
  }

  /**
   * Authenticates `authHeader` for `activity`, then runs `logic`. Every failure of the check
   * (botbuilder throws AuthenticationError, but also jsonwebtoken's own errors and network errors
   * fetching keys) is a TeamsAuthError, so the route answers 401, never 500 or 200.
   */
  async runTurn(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    let identity: AuthenticateRequestResult;
    try {
      identity = await this.auth.authenticateRequest(activity, authHeader);
    } catch (error) {
      throw new TeamsAuthError(error instanceof Error ? error.name : "token not valid");
    }
    return this.processActivity(identity, activity, async (context) => {
      this.limitReplies(context);
      await logic(context);
    });
  }

  /**
   * The turn's connector client, with every reply it sends aborted once the turn's reply budget
   * is spent (one signal for the whole turn, so several replies cannot add up past it).
   */
  private limitReplies(context: TurnContext): void {
    const client = context.turnState.get<ConnectorClient | undefined>(this.ConnectorClientKey);
    if (!client) return;
    const conversations = client.conversations;
    const abortSignal = AbortSignal.timeout(this.replyBudgetMs);
    const limited = Object.create(conversations) as typeof conversations;
    limited.replyToActivity = (conversationId: string, activityId: string, activity: Partial<Activity>) =>
      conversations.replyToActivity(conversationId, activityId, activity, { abortSignal });
    limited.sendToConversation = (conversationId: string, activity: Partial<Activity>) =>
      conversations.sendToConversation(conversationId, activity, { abortSignal });
    context.turnState.set(this.ConnectorClientKey, Object.assign(Object.create(client), { conversations: limited }));
  }
}

/**
 * A turn that throws is logged by name only (no message text, no stack in the chat). A reply cut
 * off by the turn's budget is only logged: the connector is not answering, so an apology would
 * wait in vain too, and the turn ends normally (a 500 could make Teams send the activity again).
 */
export function onTurnError(adapter: TeamsCloudAdapter, log: Logger): void {
  adapter.onTurnError = async (context, error) => {
    const name = error instanceof Error ? error.name : "unknown";
    if (name === "AbortError" || name === "TimeoutError") {
      log.warn("teams.reply_timed_out", { type: context.activity.type });
      return;
    }
    log.error("teams.turn_failed", { error: name, type: context.activity.type });
    await context.sendActivity("Sorry, something went wrong on my side. Please try again in a minute.");
  };
}
