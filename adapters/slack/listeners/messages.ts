/**
 * Direct messages are answered in the DM; an @mention in a channel is answered in a thread. The
 * bot's own and other bots' messages, and edits or joins (any subtype), are ignored.
 */

import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { feedbackTargetOf } from "../../../src/index.js";
import type { SlackMessage } from "../block-kit.js";
import { parseSlackText } from "../parse.js";
import { renderBlocks } from "../render-blocks.js";
import { slackConversation } from "../slack-conversation.js";
import type { ListenerDeps } from "./listener-deps.js";

interface Said {
  channel: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  bot_id?: string;
  subtype?: string;
  channel_type?: string;
}

/** `app.message`: a direct message, answered in the DM (its thread, if typed in one). */
export async function onDirectMessage(
  deps: ListenerDeps,
  { message }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs,
): Promise<void> {
  // Edits, joins and bot posts carry a subtype; channel messages reach the bot only as mentions.
  if (message.subtype !== undefined || message.channel_type !== "im") return;
  if (message.bot_id || !message.user) return;
  await answer(deps, message, message.thread_ts);
}

/** `app_mention`: an @mention in a channel, answered in a thread under it. */
export async function onAppMention(
  deps: ListenerDeps,
  { event }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs,
): Promise<void> {
  // A mention in a DM also arrives as a message.im: answered there, once.
  if (event.bot_id || !event.user || event.channel.startsWith("D")) return;
  await answer(deps, event, event.thread_ts ?? event.ts);
}

async function answer(deps: ListenerDeps, said: Said, threadTs: string | undefined): Promise<void> {
  // The thread it was typed in, and the one the reply starts: each keeps the conversation's memory.
  const conversation = {
    ...slackConversation(deps.client, said.channel, said.user ?? "", said.channel_type),
    thread: said.thread_ts,
    replyThread: threadTs,
  };
  let messages: SlackMessage[];
  try {
    const { command } = parseSlackText(said.text ?? "");
    const reply = await deps.service.handle(command, { conversation, now: deps.now() });
    messages = renderBlocks(reply, { share: null, feedback: feedbackTargetOf(reply) });
  } catch (error) {
    // The person hears that it failed, never how (no stack trace in chat).
    deps.log.error("slack.answer_failed", { channel: said.channel, error: String(error).slice(0, 200) });
    messages = [{ text: "Sorry, something went wrong. Please try again.", blocks: [] }];
  }
  await deps.poster.send(said.channel, messages, threadTs);
}
