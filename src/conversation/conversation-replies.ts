/**
 * Replies of the conversation itself: a greeting, thanks, an article's summary or "more" from it,
 * and the honest answers when the bot cannot tell what is meant ("which one?", "more about
 * what?", "I don't hold an article about that").
 */

import { shortHeadline } from "../briefings/build-digest.js";
import { tidy } from "../briefings/pick-key-sentences.js";
import type { LibraryDocument, Passage } from "../knowledge/library.js";
import { findTopic, type TopicId } from "../knowledge/topics.js";
import { replyCitation } from "../replies/reply-citation.js";
import { textReply } from "../replies/text-reply.js";
import {
  type AnswerReply,
  command,
  link,
  note,
  paragraph,
  type Reply,
  runsFromMessage,
  type TextReply,
  text,
} from "../reply.js";
import { verbatimQuote } from "./article-passages.js";

/** What the bot can do, in one line: said with a greeting. */
const CAN_DO = "Try `what's new`, a topic such as `funding`, `summarise` an article, or just ask a question.";

export function greetingReply(): TextReply {
  return textReply("Hello!", `I brief NHS digital teams on AI and digital news. ${CAN_DO}`);
}

export function thanksReply(): TextReply {
  return textReply("You're welcome!", "Ask me anything else, or type `what's new` for the latest.");
}

export function moreAboutWhatReply(): TextReply {
  return textReply(
    "More about what?",
    "Ask me a question or `summarise` an article first; then `more` shows what else it says.",
  );
}

/** "More" after a topic briefing that showed every fact. */
export function allShownReply(topic: TopicId): TextReply {
  const label = findTopic(topic)?.label ?? topic;
  return textReply(
    "That's everything",
    `That's everything I hold on ${label.toLowerCase()}. Try \`what's new\`, another topic (\`topics\`), or ask a question.`,
  );
}

/** "summarise …" with no article named; `example` is one the library holds, as an example to type. */
export function whichArticleToSummariseReply(example: LibraryDocument | undefined): TextReply {
  const typed = example ? `, e.g. \`summarise ${shortHeadline(example.document.title)}\`` : "";
  return textReply(
    "Which article?",
    `Tell me its headline, publisher or subject${typed}, or type \`sources\` to see them all.`,
  );
}

/** Several articles fit the words given: list them, each with what to type to pick it. */
export function whichOneReply(subject: string, entries: readonly LibraryDocument[]): TextReply {
  const shown = entries.slice(0, 5);
  return textReply("Which one?", paragraph(text(`${entries.length} articles fit “${subject}”:`)), {
    type: "bullets",
    items: shown.map((entry) => ({
      runs: [command(`summarise ${shortHeadline(entry.document.title)}`), text(` — ${byline(entry)}`)],
      citation: null,
    })),
  });
}

export function noArticleReply(subject: string, held: number): TextReply {
  return textReply(
    "No article about that",
    `I don't hold an article about “${subject}”. I hold ${held} ${held === 1 ? "article" : "articles"}: type \`sources\` to see them, or ask a question.`,
  );
}

/** The article's key sentences, quoted and cited: what "summarise <article>" answers. */
export function summaryReply(question: string, entry: LibraryDocument, passages: readonly Passage[]): AnswerReply {
  return passagesReply(question, entry, passages, "Summary of");
}

/**
 * A reply to words whose meaning depends on the conversation ("more", "summarise it") offers no
 * "share": sharing runs the same words again in the channel, where they would mean something else.
 */
export function withoutShare<R extends Reply>(reply: R): R {
  return reply.actions.some((a) => a.type === "share")
    ? { ...reply, actions: reply.actions.filter((a) => a.type !== "share") }
    : reply;
}

/** The next passages of the article the conversation was about. */
export function moreReply(question: string, entry: LibraryDocument, passages: readonly Passage[]): AnswerReply {
  return passagesReply(question, entry, passages, "More from");
}

/** Everything worth quoting has been shown. */
export function nothingMoreReply(question: string, entry: LibraryDocument): AnswerReply {
  return {
    kind: "answer",
    title: "That's all",
    sections: [
      {
        heading: null,
        blocks: [
          paragraph(
            text("That's everything I can quote from "),
            link(entry.document.title, entry.document.url),
            ...runsFromMessage(". Ask another question, or type `what's new`."),
          ),
        ],
      },
    ],
    citations: [],
    actions: [],
    question,
    abstained: true,
    confidence: 0,
  };
}

/** The passages as bullets under "<lead> “<headline>”"; the article, its publisher and date are the citation. */
function passagesReply(
  question: string,
  entry: LibraryDocument,
  passages: readonly Passage[],
  lead: string,
): AnswerReply {
  return {
    kind: "answer",
    title: `${lead} “${shortHeadline(entry.document.title)}”`,
    sections: [
      {
        heading: null,
        blocks: [
          // Article text is quoted as plain runs: never parsed for commands or links.
          { type: "bullets", items: passages.map((p) => ({ runs: [text(tidy(p.text))], citation: null })) },
          note(...runsFromMessage("Type `more` for what else it says.")),
        ],
      },
    ],
    citations: [replyCitation(entry.document, verbatimQuote(passages))],
    actions: [
      { type: "share", label: "Share with the channel" },
      { type: "feedback", label: "Useful", value: "helpful" },
      { type: "feedback", label: "Not useful", value: "not_helpful" },
    ],
    question,
    abstained: false,
    confidence: 1,
  };
}

/** "National Health Executive, October 2023". */
function byline(entry: LibraryDocument): string {
  const citation = replyCitation(entry.document, "");
  return `${citation.publisher}, ${citation.publishedLabel}`;
}
