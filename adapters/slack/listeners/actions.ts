/**
 * The buttons: 👍/👎 (recorded against the answer named in the button's value), "Share in
 * channel" (the same command again, posted for everyone through response_url) and "show more".
 */

import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { z } from "zod";
import { feedbackTargetOf } from "../../../src/chat/chat-service.js";
import { ACTION_IDS, renderBlocks } from "../render-blocks.js";
import { budgetedRespond } from "../response-budget.js";
import { slackConversation } from "../slack-conversation.js";
import type { ListenerDeps } from "./listener-deps.js";

/** The button value is ours, but arrives from outside: read it through a schema. */
const feedbackValue = z.object({ target: z.enum(["answer", "briefing_item"]), targetId: z.string().min(1).max(200) });

export function registerActions(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.helpful, async (args) => feedback(deps, args, "helpful"));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.notHelpful, async (args) => feedback(deps, args, "not_helpful"));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.share, async (args) => rerun(deps, args, "in_channel"));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.showMore, async (args) => rerun(deps, args, "ephemeral"));
}

type ButtonArgs = Parameters<Parameters<App["action"]>[1]>[0] & {
  body: BlockAction<ButtonAction>;
  action: ButtonAction;
};

function conversationOf(deps: ListenerDeps, body: BlockAction) {
  return slackConversation(deps.client, body.channel?.id ?? body.user.id, body.user.id);
}

async function feedback(
  deps: ListenerDeps,
  { ack, body, action, respond }: ButtonArgs,
  value: "helpful" | "not_helpful",
) {
  await ack();
  const target = feedbackValue.safeParse(safeJson(action.value ?? ""));
  if (!target.success) {
    deps.log.warn("slack.feedback_refused");
    return;
  }
  await deps.chat.recordFeedback(conversationOf(deps, body), target.data, value, deps.now());
  deps.log.info("slack.feedback", { value });
  const send = budgetedRespond(respond, deps.now(), deps.now, deps.log);
  await send({ response_type: "ephemeral", replace_original: false, text: "Thanks, your feedback is recorded." });
}

async function rerun(
  deps: ListenerDeps,
  { ack, body, action, respond }: ButtonArgs,
  visibility: "in_channel" | "ephemeral",
) {
  await ack();
  const text = action.value ?? "";
  const reply = await deps.chat.handleMessage(text, conversationOf(deps, body), deps.now());
  const shared = visibility === "in_channel";
  const messages = renderBlocks(reply, { share: shared ? null : text, feedback: feedbackTargetOf(reply) });
  const send = budgetedRespond(respond, deps.now(), deps.now, deps.log);
  for (const message of messages) await send({ response_type: visibility, replace_original: false, ...message });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
