/**
 * Direct messages are answered in the DM; an @mention in a channel is answered in a thread. The
 * bot's own and other bots' messages, and edits or joins (any subtype), are ignored.
 */

import { feedbackTargetOf } from "../../../src/chat/chat-service.js";
import type { SlackMessage } from "../block-kit.js";
import { typedText } from "../escape-text.js";
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

/** A `message` or `app_mention` event (dispatched by ./dispatch.ts). */
export async function onMessage(deps: ListenerDeps, event: { type: string }): Promise<void> {
  const said = event as unknown as Said;
  if (said.bot_id || !said.user) return;
  if (event.type === "message") {
    if (said.channel_type !== "im" || said.subtype) return;
    await answer(deps, said, said.thread_ts);
    return;
  }
  // A mention in a DM also arrives as a message.im: answered there, once.
  if (said.channel.startsWith("D")) return;
  await answer(deps, said, said.thread_ts ?? said.ts);
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
    const reply = await deps.chat.handleMessage(typedText(said.text ?? ""), conversation, deps.now());
    messages = renderBlocks(reply, { share: null, feedback: feedbackTargetOf(reply) });
  } catch (error) {
    // The person hears that it failed, never how (no stack trace in chat).
    deps.log.error("slack.answer_failed", { channel: said.channel, error: String(error).slice(0, 200) });
    messages = [{ text: "Sorry, something went wrong. Please try again.", blocks: [] }];
  }
  await deps.poster.send(said.channel, messages, threadTs);
}
