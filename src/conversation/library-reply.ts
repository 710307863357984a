/**
 * Replies that need nothing but the library: a command, or an intent with what the conversation
 * remembers of its last reply. Plain functions of the Library, synchronous; BriefingService (the
 * facade) adds the store, the conversation's memory and timing, and `nhsai ask` calls them for
 * its one-shot intents.
 */

import { answerQuestion } from "../answers/answer-question.js";
import { buildDigest } from "../briefings/build-digest.js";
import { topicBriefing, topicsWithNews } from "../briefings/topic-briefing.js";
import type { Command } from "../commands/parse-command.js";
import type { Library } from "../knowledge/library.js";
import type { TopicId } from "../knowledge/topics.js";
import { answerReply } from "../replies/answer-reply.js";
import { digestReply, noNewsReply, topicBriefingReply } from "../replies/briefing-replies.js";
import { helpReply } from "../replies/help-reply.js";
import { aboutReply, sourcesReply, topicsReply } from "../replies/library-replies.js";
import { tooLongReply, unknownCommandReply, unknownTopicReply } from "../replies/message-replies.js";
import { feedsElsewhereReply } from "../replies/source-replies.js";
import type { Reply } from "../reply.js";
import { needsChatReply } from "../schedules/schedule-replies.js";
import { moreFromArticle, summariseArticle } from "./article-intents.js";
import { allShownReply, greetingReply, moreAboutWhatReply, thanksReply, withoutShare } from "./conversation-replies.js";
import { type Intent, intentOf, intentWords } from "./intents.js";
import type { LastReply } from "./memory.js";

export interface ReplyOptions {
  /** The moment of the request: dates the digest and is never read from the clock here. */
  now: Date;
  /** Documents the conversation has already been sent, left out of its digest. */
  alreadySent?: ReadonlySet<string>;
  /**
   * One message with no conversation to follow (`nhsai ask`): when several articles fit a
   * summary request, summarise the best rather than ask "which one?".
   */
  chooseFirst?: boolean;
}

/**
 * What one message with no conversation to follow gets: an intent's reply ("tell me more" asks
 * "more about what?") or the command's.
 */
export function replyFromLibrary(library: Library, command: Command, options: ReplyOptions): Reply {
  const intent = intentOf(command);
  return intent ? intentReply(library, intent, intentWords(command), options) : commandReply(library, command, options);
}

/** The reply to a command from the library alone; subscriptions and feed changes say where they work. */
export function commandReply(library: Library, command: Command, options: ReplyOptions): Reply {
  switch (command.kind) {
    case "help":
      return helpReply();
    case "topics":
      return topicsReply(library);
    case "sources":
      return sourcesReply(library);
    case "sources_change":
      return feedsElsewhereReply();
    case "about":
      return aboutReply(library);
    case "digest":
      return digestReply(buildDigest(library, options.now, options.alreadySent, { topic: command.topic }));
    case "briefing":
      return cachedBriefing(library, command.topic, command.all);
    case "ask":
      return answerReply(answerQuestion(library, command.question));
    case "unknown_topic":
      return unknownTopicReply(command.word, command.suggestion);
    case "unknown":
      return unknownCommandReply(command.input, command.suggestion);
    case "too_long":
      return tooLongReply(command.length, command.limit);
    case "subscribe":
    case "unsubscribe":
    case "schedule":
      // Subscriptions belong to a chat channel with a store; the facade handles them there.
      return needsChatReply();
    default: {
      const unreachable: never = command;
      throw new Error(`unhandled command ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * The reply to an intent read from `words`; `last` is what the conversation remembers of its
 * last reply (null: "tell me more" asks "more about what?").
 */
export function intentReply(
  library: Library,
  intent: Intent,
  words: string,
  options: ReplyOptions,
  last: LastReply | null = null,
): Reply {
  switch (intent.kind) {
    case "greeting":
      return greetingReply();
    case "thanks":
      return thanksReply();
    case "whats_new":
      return commandReply(library, { kind: "digest", topic: null }, options);
    case "topic_news":
      return commandReply(library, { kind: "briefing", topic: intent.topic, all: false }, options);
    case "summarise": {
      // Words that fit no article well are a question for the answer engine.
      const summary = summariseArticle(library, words, intent.subject, last, options.chooseFirst);
      if (!summary) return commandReply(library, { kind: "ask", question: words }, options);
      return intent.subject === null ? withoutShare(summary) : summary;
    }
    case "more":
      return withoutShare(more(library, words, options, last));
    default: {
      const unreachable: never = intent;
      throw new Error(`unhandled intent ${JSON.stringify(unreachable)}`);
    }
  }
}

/** "Tell me more": the rest of the last answer's article, the next stories, or every fact on the topic. */
function more(library: Library, words: string, options: ReplyOptions, last: LastReply | null): Reply {
  switch (last?.kind) {
    case "article":
      return moreFromArticle(library, words, last);
    case "digest": {
      const alreadySent = new Set([...(options.alreadySent ?? []), ...last.sent]);
      return commandReply(library, { kind: "digest", topic: last.topic }, { ...options, alreadySent });
    }
    case "briefing":
      return last.all
        ? allShownReply(last.topic)
        : commandReply(library, { kind: "briefing", topic: last.topic, all: true }, options);
    default:
      return moreAboutWhatReply();
  }
}

/**
 * Topic briefings depend on nothing but the library, which only grows: each is built once per
 * library and kept until a passage is added (the hot path of `/nhsai <topic>` in chat). Shared: read-only.
 */
const briefings = new WeakMap<Library, Map<string, { revision: number; reply: Reply }>>();

function cachedBriefing(library: Library, topic: TopicId, all: boolean): Reply {
  let held = briefings.get(library);
  if (!held) {
    held = new Map();
    briefings.set(library, held);
  }
  const key = `${topic}:${all}`;
  const cached = held.get(key);
  if (cached?.revision === library.revision) return cached.reply;
  const briefing = topicBriefing(
    library,
    topic,
    all ? { limit: Number.POSITIVE_INFINITY, perDocument: Number.POSITIVE_INFINITY } : {},
  );
  const reply = briefing.total === 0 ? noNewsReply(topic, topicsWithNews(library)) : topicBriefingReply(briefing);
  held.set(key, { revision: library.revision, reply });
  return reply;
}
