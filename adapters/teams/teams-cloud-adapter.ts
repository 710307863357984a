/**
 * botbuilder's CloudAdapter with its turn entry point made public, so nhsai's route (not
 * botbuilder's express-style `process`) owns the HTTP side: body limits, content types, status
 * codes, and logging through our logger rather than `console`.
 */

import { type Activity, CloudAdapter, type InvokeResponse, type TurnContext } from "botbuilder";
import type { AuthenticateRequestResult, BotFrameworkAuthentication } from "botframework-connector";
import type { Logger } from "../../src/logger.js";

/** The token was missing, malformed, expired, for someone else, or its keys could not be fetched. */
export class TeamsAuthError extends Error {
  override name = "TeamsAuthError";
}

export class TeamsCloudAdapter extends CloudAdapter {
  constructor(private readonly auth: BotFrameworkAuthentication) {
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
    return this.processActivity(identity, activity, logic);
  }
}

/** A turn that throws is logged by name only (no message text, no stack in the chat). */
export function onTurnError(adapter: TeamsCloudAdapter, log: Logger): void {
  adapter.onTurnError = async (context, error) => {
    log.error("teams.turn_failed", {
      error: error instanceof Error ? error.name : "unknown",
      type: context.activity.type,
    });
    await context.sendActivity("Sorry, something went wrong on my side. Please try again in a minute.");
  };
}
