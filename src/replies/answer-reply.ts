import type { Answer } from "../answers/answer.js";
import { type AnswerReply, paragraph, runsFromMessage, text } from "../reply.js";
import { publishedLabelOf } from "./reply-citation.js";

const TITLE_LENGTH = 120;

/** An answer (or an honest "not in the library") with its sources, to share or rate. */
export function answerReply(answer: Answer): AnswerReply {
  const title =
    answer.question.length > TITLE_LENGTH ? `${answer.question.slice(0, TITLE_LENGTH - 1)}…` : answer.question;
  return {
    kind: "answer",
    title: title || "Your question",
    // The engine's own messages mark commands with backticks; a quoted answer is article text, never parsed.
    sections: [
      {
        heading: null,
        blocks: [answer.abstained ? paragraph(...runsFromMessage(answer.answer)) : paragraph(text(answer.answer))],
      },
    ],
    citations: answer.citations.map((c) => ({ ...c, publishedLabel: publishedLabelOf(c.published) })),
    actions: answer.abstained
      ? []
      : [
          { type: "share", label: "Share with the channel" },
          { type: "feedback", label: "Useful", value: "helpful" },
          { type: "feedback", label: "Not useful", value: "not_helpful" },
        ],
    question: answer.question,
    abstained: answer.abstained,
    confidence: answer.confidence,
    ...(answer.reason ? { reason: answer.reason } : {}),
  };
}
