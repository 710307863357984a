/**
 * Every Slack listener behind one Bolt middleware: the slash command (./slash-command.ts), the
 * buttons (./actions.ts), messages and mentions (./messages.ts) and the App Home tab
 * (./app-home.ts). Bolt runs every registered listener's filters on every request, each filter a
 * pass that copies the request's arguments; one middleware that looks at the kind of request once
 * costs a slash command one pass instead of five. It also drops the bot's own events, which Bolt's
 * ignoreSelf middleware (off: one more pass for every request) would have dropped.
 */

import type { AnyMiddlewareArgs, App, SlackEventMiddlewareArgs } from "@slack/bolt";
import { type ButtonArgs, NHSAI_ACTION, onButton } from "./actions.js";
import { onAppHomeOpened } from "./app-home.js";
import type { ListenerDeps } from "./listener-deps.js";
import { onMessage } from "./messages.js";
import { NHSAI_COMMAND, onSlashCommand } from "./slash-command.js";

type Args = AnyMiddlewareArgs & Parameters<Parameters<App["use"]>[0]>[0];

export function registerListeners(app: App, deps: ListenerDeps): void {
  app.use(async (args: Args) => {
    if ("command" in args && args.command) {
      if (NHSAI_COMMAND.test(args.command.command)) await onSlashCommand(deps, args);
      return;
    }
    if ("action" in args && args.action) {
      const id = (args.action as { action_id?: unknown }).action_id;
      if (typeof id === "string" && NHSAI_ACTION.test(id)) await onButton(deps, args as unknown as ButtonArgs);
      return;
    }
    if ("event" in args && args.event) await onEvent(deps, args as SlackEventMiddlewareArgs & Args);
  });
}

async function onEvent(deps: ListenerDeps, { event, context, client }: SlackEventMiddlewareArgs & Args) {
  const user = "user" in event ? event.user : undefined;
  if (context.botUserId !== undefined && user === context.botUserId) return;
  if (event.type === "app_home_opened") await onAppHomeOpened(deps, event, client);
  else if (event.type === "message" || event.type === "app_mention") await onMessage(deps, event);
}
