/**
 * The buttons: 👍/👎 (recorded against the answer named in the button's value), "Share in
 * channel" (the same command again, posted for everyone) and "show more".
 */

import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { z } from "zod";
import { feedbackTargetOf, parseCommand } from "../../../src/index.js";
import { ACTION_IDS, renderBlocks } from "../render-blocks.js";
import { budgetedRespond } from "../response-budget.js";
import { slackConversation } from "../slack-conversation.js";
import type { ListenerDeps } from "./listener-deps.js";

/** The button value is ours, but arrives from outside: read it through a schema. */
const feedbackValue = z.object({ target: z.enum(["answer", "briefing_item"]), targetId: z.string().min(1).max(200) });

/** The answer buttons' action ids (./render-blocks.ts names them; review buttons have a listener of their own). */
export const NHSAI_ACTION = new RegExp(`^(${Object.values(ACTION_IDS).join("|")})$`);

/**
 * `app.action(NHSAI_ACTION)`: one listener for the answer buttons. Bolt runs every listener's filters
 * on every request, so one listener here rather than four keeps a slash command's pass through
 * Bolt short (the bench measured each listener's filters).
 */
export async function onButton(deps: ListenerDeps, args: ButtonArgs): Promise<void> {
  switch (args.action.action_id) {
    case ACTION_IDS.helpful:
      return feedback(deps, args, "helpful");
    case ACTION_IDS.notHelpful:
      return feedback(deps, args, "not_helpful");
    case ACTION_IDS.share:
      return share(deps, args);
    case ACTION_IDS.showMore:
      return showMore(deps, args);
    default:
      return args.ack();
  }
}

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

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
  await deps.service.recordFeedback(conversationOf(deps, body), target.data, value, deps.now());
  deps.log.info("slack.feedback", { value });
  const send = budgetedRespond(respond, deps.now(), deps.now, deps.log);
  await send({ response_type: "ephemeral", replace_original: false, text: "Thanks, your feedback is recorded." });
}

/** "Show more": the command again, still visible only to the person who clicked. */
async function showMore(deps: ListenerDeps, { ack, body, action, respond }: ButtonArgs) {
  await ack();
  const text = action.value ?? "";
  const reply = await deps.service.handle(parseCommand(text), {
    conversation: conversationOf(deps, body),
    now: deps.now(),
  });
  const send = budgetedRespond(respond, deps.now(), deps.now, deps.log);
  for (const message of renderBlocks(reply, { share: text, feedback: feedbackTargetOf(reply) }))
    await send({ response_type: "ephemeral", replace_original: false, ...message });
}

/**
 * "Share in channel": the command again, posted to the channel with chat.postMessage (paced, no
 * blind retries). Where the bot is not a member, Slack lets the click's response_url post it instead.
 */
async function share(deps: ListenerDeps, { ack, body, action, respond }: ButtonArgs) {
  await ack();
  const conversation = conversationOf(deps, body);
  const reply = await deps.service.handle(parseCommand(action.value ?? ""), { conversation, now: deps.now() });
  const messages = renderBlocks(reply, { share: null, feedback: feedbackTargetOf(reply) });
  const send = budgetedRespond(respond, deps.now(), deps.now, deps.log);
  const outcome = await deps.poster.send(conversation.channelId, messages);
  deps.log.info("slack.shared", { channel: conversation.channelId, state: outcome.state });
  if (outcome.state === "gone") {
    for (const message of messages) await send({ response_type: "in_channel", replace_original: false, ...message });
    return;
  }
  const told: Record<typeof outcome.state, string> = {
    sent: "Shared in the channel.",
    uncertain: "I couldn't confirm the post reached the channel, so I haven't tried again: please check the channel.",
    failed: "Slack refused the post, so nothing was shared.",
  };
  await send({ response_type: "ephemeral", replace_original: false, text: told[outcome.state] });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
