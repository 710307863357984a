/** The `text` reply, a title and paragraphs: most of the bot's short answers to commands are one. */

import { type Block, paragraph, runsFromMessage, type TextReply } from "../reply.js";

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
