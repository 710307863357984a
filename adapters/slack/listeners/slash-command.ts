/**
 * `/nhsai …`: acknowledged within Slack's 3 seconds every time. An answer ready within
 * `fastReplyMs` goes in the acknowledgement; otherwise the ack says "working on it" and the answer
 * follows through response_url. Visible only to the asker, with a "Share in channel" button.
 */

import type { App } from "@slack/bolt";
import { feedbackTargetOf } from "../../../src/chat/chat-service.js";
import type { Reply } from "../../../src/reply.js";
import { typedText } from "../escape-text.js";
import { renderBlocks } from "../render-blocks.js";
import { budgetedRespond } from "../response-budget.js";
import { slackConversation } from "../slack-conversation.js";
import type { ListenerDeps } from "./listener-deps.js";

export function registerSlashCommand(app: App, deps: ListenerDeps): void {
  app.command(/^\/nhsai/, async ({ command, ack, respond }) => {
    const startedAt = deps.now();
    const text = typedText(command.text);
    const conversation = slackConversation(
      deps.client,
      command.channel_id,
      command.user_id,
      command.channel_name === "directmessage" ? "im" : undefined,
    );
    const work: Promise<Outcome> = deps.chat.handleMessage(text, conversation, startedAt).then(
      (reply) => ({ reply }),
      (error: unknown) => ({ error }),
    );
    const quick = await within(work, deps.fastReplyMs);
    const send = budgetedRespond(respond, startedAt, deps.now, deps.log);
    if (quick && "reply" in quick) {
      const [first, ...rest] = messagesOf(quick.reply, text);
      await ack({ response_type: "ephemeral", ...first });
      for (const message of rest) await send({ response_type: "ephemeral", replace_original: false, ...message });
      return;
    }
    if (!quick) await ack({ response_type: "ephemeral", text: "Working on it…" });
    const outcome = quick ?? (await work);
    if ("error" in outcome) {
      deps.log.error("slack.command_failed", { error: String(outcome.error).slice(0, 200) });
      const sorry = { response_type: "ephemeral" as const, text: "Sorry, something went wrong. Please try again." };
      if (quick) await ack(sorry);
      else await send({ ...sorry, replace_original: true });
      return;
    }
    const reply = outcome.reply;
    const messages = messagesOf(reply, text);
    for (const [i, message] of messages.entries())
      await send({ response_type: "ephemeral", replace_original: i === 0, ...message });
  });
}

/** Ephemeral replies may be shared: the button runs the same command again, in the channel. */
function messagesOf(reply: Reply, text: string) {
  return renderBlocks(reply, { share: text, feedback: feedbackTargetOf(reply) });
}

type Outcome = { reply: Reply } | { error: unknown };

/** The outcome if it settles within `ms`, else null; the timer never outlives the race. */
async function within(work: Promise<Outcome>, ms: number): Promise<Outcome | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
