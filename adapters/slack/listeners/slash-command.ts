/**
 * `/nhsai …`: acknowledged within Slack's 3 seconds every time. An answer ready within
 * `fastReplyMs` goes in the acknowledgement; otherwise the ack says "working on it" and the answer
 * follows through response_url. Visible only to the asker, with a "Share in channel" button.
 */

import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { feedbackTargetOf, type Reply } from "../../../src/index.js";
import type { SlackMessage } from "../block-kit.js";
import { parseSlackText } from "../parse.js";
import { renderBlocks } from "../render-blocks.js";
import { budgetedRespond } from "../response-budget.js";
import { slackConversation } from "../slack-conversation.js";
import type { ListenerDeps } from "./listener-deps.js";

/** Whose commands these are: `/nhsai` (and a renamed `/nhsai-test` in a test workspace). */
export const NHSAI_COMMAND = /^\/nhsai/;

/** `app.command(NHSAI_COMMAND)`: acknowledged within 3 s, answered in the ack or by response_url. */
export async function onSlashCommand(
  deps: ListenerDeps,
  { command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs,
): Promise<void> {
  const startedAt = deps.now();
  const typed = parseSlackText(command.text);
  const conversation = slackConversation(
    deps.client,
    command.channel_id,
    command.user_id,
    command.channel_name === "directmessage" ? "im" : undefined,
  );
  const work: Promise<Outcome> = deps.service.handle(typed.command, { conversation, now: startedAt }).then(
    (reply) => ({ reply }),
    (error: unknown) => ({ error }),
  );
  const quick = await within(work, deps.fastReplyMs);
  const send = budgetedRespond(respond, startedAt, deps.now, deps.log);
  if (quick && "reply" in quick) {
    const [first, ...rest] = messagesOf(quick.reply, typed.text);
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
  const messages = messagesOf(reply, typed.text);
  for (const [i, message] of messages.entries())
    await send({ response_type: "ephemeral", replace_original: i === 0, ...message });
}

/**
 * Rendered messages per reply object and command text. The core hands out the same Reply for a
 * cached briefing (`/nhsai funding` again and again), so its Block Kit is built once, not per
 * request; a WeakMap lets it go with the cache entry. A few texts per reply at most (they differ
 * only in spacing or case), so the inner map is simply emptied when it grows.
 */
const rendered = new WeakMap<Reply, Map<string, SlackMessage[]>>();
const TEXTS_PER_REPLY = 16;

/** Ephemeral replies may be shared: the button runs the same command again, in the channel. */
function messagesOf(reply: Reply, text: string): SlackMessage[] {
  let byText = rendered.get(reply);
  if (!byText) {
    byText = new Map();
    rendered.set(reply, byText);
  }
  let messages = byText.get(text);
  if (!messages) {
    if (byText.size >= TEXTS_PER_REPLY) byText.clear();
    messages = renderBlocks(reply, { share: text, feedback: feedbackTargetOf(reply) });
    byText.set(text, messages);
  }
  return messages;
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
