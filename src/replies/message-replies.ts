/** Short replies to input that is not a request the bot can serve as it stands. */

import { TOPICS } from "../knowledge/topics.js";
import {
  command,
  paragraph,
  type Run,
  runsFromMessage,
  type TextReply,
  text,
  type UnknownCommandReply,
} from "../reply.js";
import { helpReply } from "./help-reply.js";
import { formatCount } from "./reply-citation.js";
import { textReply } from "./text-reply.js";

/** "I don't know `fundng`. Did you mean `funding`?" — `input` is already neutralised. */
export function unknownCommandReply(input: string, suggestion: string | null): UnknownCommandReply {
  const guess: Run[] = suggestion ? [text(" Did you mean "), command(suggestion), text("?")] : [];
  return {
    kind: "unknown_command",
    title: "I don't know that command",
    sections: [
      {
        heading: null,
        blocks: [
          paragraph(text("I don't know “"), text(input), text("”."), ...guess),
          paragraph(...runsFromMessage("Here is what I can do; or ask a question in a full sentence.")),
        ],
      },
      ...helpReply().sections.filter((s) => s.heading !== null),
    ],
    citations: [],
    actions: [],
    input,
    suggestion,
  };
}

/** "“ambient” is not a topic." with the topics there are, and the nearest one if it is a typo. */
export function unknownTopicReply(word: string, suggestion: string | null): UnknownCommandReply {
  const guess: Run[] = suggestion ? [text(" Did you mean "), command(suggestion), text("?")] : [];
  const topics = TOPICS.flatMap((topic, i): Run[] => [text(i === 0 ? "" : ", "), command(topic.id)]);
  return {
    kind: "unknown_command",
    title: "That is not a topic",
    sections: [
      {
        heading: null,
        blocks: [
          paragraph(text("“"), text(word), text("” is not a topic."), ...guess),
          paragraph(text("The topics are "), ...topics, text(". Or ask a question in a full sentence.")),
        ],
      },
    ],
    citations: [],
    actions: [],
    input: `digest ${word}`,
    suggestion,
  };
}

/** Input over the length limit is not read at all. */
export function tooLongReply(length: number, limit: number): TextReply {
  return textReply(
    "That message is too long",
    paragraph(
      text(
        `That message is ${formatCount(length)} characters long. I read up to ${formatCount(limit)} characters, so please ask a shorter question.`,
      ),
    ),
  );
}
