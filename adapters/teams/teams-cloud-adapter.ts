/**
 * botbuilder's CloudAdapter with its turn entry point made public, so nhsai's route (not
 * botbuilder's express-style `process`) owns the HTTP side: body limits, content types, status
 * codes, and logging through our logger rather than `console`.
 */

import { type Activity, CloudAdapter, type InvokeResponse, type TurnContext } from "botbuilder";
import type { Logger } from "../../src/logger.js";

export class TeamsCloudAdapter extends CloudAdapter {
  /** Authenticates `authHeader` for `activity` (throws AuthenticationError) and runs `logic`. */
  runTurn(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
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
