/**
 * Every Slack listener, registered with Bolt's own methods (one file per listener, as Slack's
 * Bolt starter template does). Bolt's `ignoreSelf` middleware drops the bot's own events before
 * any of them runs. A new listener is one more line here.
 */

import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { NHSAI_ACTION, onButton } from "./actions.js";
import { onAppHomeOpened } from "./app-home.js";
import type { ListenerDeps } from "./listener-deps.js";
import { onAppMention, onDirectMessage } from "./messages.js";
import { NHSAI_COMMAND, onSlashCommand } from "./slash-command.js";

export function registerListeners(app: App, deps: ListenerDeps): void {
  app.command(NHSAI_COMMAND, (args) => onSlashCommand(deps, args));
  app.message((args) => onDirectMessage(deps, args));
  app.event("app_mention", (args) => onAppMention(deps, args));
  app.event("app_home_opened", (args) => onAppHomeOpened(deps, args));
  app.action<BlockAction<ButtonAction>>(NHSAI_ACTION, (args) => onButton(deps, args));
}
