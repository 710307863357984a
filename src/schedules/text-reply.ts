/** The schedules feature's replies are all of the existing `text` kind: a title and paragraphs. */

import { type Block, paragraph, runsFromMessage, type TextReply } from "../reply.js";
import { SUBSCRIBE_EXAMPLE } from "./schedule-spec.js";

/** A text reply; backticked words in `paragraphs` become commands the user can type. */
export function textReply(title: string, ...paragraphs: (string | Block)[]): TextReply {
  const blocks = paragraphs.map((p) => (typeof p === "string" ? paragraph(...runsFromMessage(p)) : p));
  return {
    kind: "text",
    title,
    sections: blocks.length ? [{ heading: null, blocks }] : [],
    citations: [],
    actions: [],
  };
}

/**
 * Subscriptions belong to a chat channel: said where there is none (the terminal, `nhsai command`).
 * Here, beside textReply, so the question path never loads the schedule grammar and its validator.
 */
export function needsChatReply(): TextReply {
  return textReply(
    "Subscriptions are set in Slack or Teams",
    `In a Slack or Teams channel, type \`/nhsai ${SUBSCRIBE_EXAMPLE}\` to get briefings there. Operators can list every subscription with \`nhsai schedules\`.`,
  );
}
