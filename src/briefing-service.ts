/**
 * The facade every adapter calls: a parsed command (or raw text) in, one platform-neutral
 * `Reply` out. It holds the library and nothing else; time and what a channel has already been
 * sent arrive with each call, so the same service serves the terminal, Slack, Teams and the
 * scheduler.
 */

import { answerQuestion } from "./answers/answer-question.js";
import { buildDigest } from "./briefings/build-digest.js";
import type { Digest, DigestOptions } from "./briefings/digest.js";
import { topicBriefing, topicsWithNews } from "./briefings/topic-briefing.js";
import { type Command, parseCommand } from "./commands/parse-command.js";
import { moreFromArticle, summariseArticle } from "./conversation/article-intents.js";
import {
  allShownReply,
  greetingReply,
  moreAboutWhatReply,
  thanksReply,
  withoutShare,
} from "./conversation/conversation-replies.js";
import { type Intent, intentOf } from "./conversation/intents.js";
import type { LastReply } from "./conversation/memory.js";
import type { Library } from "./knowledge/library.js";
import type { TopicId } from "./knowledge/topics.js";
import { answerReply } from "./replies/answer-reply.js";
import { digestReply, noNewsReply, topicBriefingReply } from "./replies/briefing-replies.js";
import { helpReply } from "./replies/help-reply.js";
import { aboutReply, sourcesReply, topicsReply } from "./replies/library-replies.js";
import { tooLongReply, unknownCommandReply, unknownTopicReply } from "./replies/message-replies.js";
import { feedsElsewhereReply } from "./replies/source-replies.js";
import type { Reply } from "./reply.js";
import { needsChatReply } from "./schedules/schedule-replies.js";

/**
 * What a person typed, read once by their platform's adapter (`adapters/<platform>/parse.ts`):
 * the plain text, its markup already turned into words and addresses, and the command it asks for.
 */
export interface Typed {
  text: string;
  command: Command;
}

/** Reads plain text (no platform markup left) with the one grammar. */
export function readTyped(text: string): Typed {
  return { text, command: parseCommand(text) };
}

export interface ServiceContext {
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

export class BriefingService {
  /**
   * Topic briefings depend on nothing but the library, which only grows: each is built once and
   * kept until a passage is added (the hot path of `/nhsai <topic>` in chat). Shared: read-only.
   */
  private readonly briefings = new Map<string, { revision: number; reply: Reply }>();

  constructor(readonly library: Library) {}

  /**
   * Parses `text` (what was typed after `/nhsai`, or to the bot) and handles it: a command, an
   * intent ("thanks", "what's new", "summarise …"), or a question. With no memory of the
   * conversation, "tell me more" asks "more about what?" (ChatService and the shell remember).
   */
  handleText(text: string, ctx: ServiceContext): Reply {
    return this.handleTyped(readTyped(text), ctx);
  }

  /** As handleText, for what an adapter has already read (its parse.ts). */
  handleTyped({ text, command }: Typed, ctx: ServiceContext): Reply {
    const intent = intentOf(command, text);
    return intent ? this.handleIntent(intent, text, ctx) : this.handle(command, ctx);
  }

  /** Serves an intent; `last` is what the conversation remembers of its last reply. */
  handleIntent(intent: Intent, typed: string, ctx: ServiceContext, last: LastReply | null = null): Reply {
    switch (intent.kind) {
      case "greeting":
        return greetingReply();
      case "thanks":
        return thanksReply();
      case "whats_new":
        return this.handle({ kind: "digest", topic: null }, ctx);
      case "topic_news":
        return this.handle({ kind: "briefing", topic: intent.topic, all: false }, ctx);
      case "summarise": {
        // Words that fit no article well are a question for the answer engine.
        const summary = summariseArticle(this.library, typed, intent.subject, last, ctx.chooseFirst);
        if (!summary) return this.handle({ kind: "ask", question: typed }, ctx);
        return intent.subject === null ? withoutShare(summary) : summary;
      }
      case "more":
        return withoutShare(this.more(typed, ctx, last));
      default: {
        const unreachable: never = intent;
        throw new Error(`unhandled intent ${JSON.stringify(unreachable)}`);
      }
    }
  }

  handle(command: Command, ctx: ServiceContext): Reply {
    switch (command.kind) {
      case "help":
        return helpReply();
      case "topics":
        return topicsReply(this.library);
      case "sources":
        return sourcesReply(this.library);
      case "sources_change":
        return feedsElsewhereReply();
      case "about":
        return aboutReply(this.library);
      case "digest":
        return digestReply(this.digest(ctx, { topic: command.topic }));
      case "briefing":
        return this.briefing(command.topic, command.all);
      case "ask":
        return answerReply(answerQuestion(this.library, command.question));
      case "unknown_topic":
        return unknownTopicReply(command.word, command.suggestion);
      case "unknown":
        return unknownCommandReply(command.input, command.suggestion);
      case "too_long":
        return tooLongReply(command.length, command.limit);
      case "subscribe":
      case "unsubscribe":
      case "schedule":
        // Subscriptions belong to a chat channel; ChatService handles them there.
        return needsChatReply();
      default: {
        const unreachable: never = command;
        throw new Error(`unhandled command ${JSON.stringify(unreachable)}`);
      }
    }
  }

  /** "Tell me more": the rest of the last answer's article, the next stories, or every fact on the topic. */
  private more(typed: string, ctx: ServiceContext, last: LastReply | null): Reply {
    switch (last?.kind) {
      case "article":
        return moreFromArticle(this.library, typed, last);
      case "digest": {
        const alreadySent = new Set([...(ctx.alreadySent ?? []), ...last.sent]);
        return this.handle({ kind: "digest", topic: last.topic }, { ...ctx, alreadySent });
      }
      case "briefing":
        return last.all
          ? allShownReply(last.topic)
          : this.handle({ kind: "briefing", topic: last.topic, all: true }, ctx);
      default:
        return moreAboutWhatReply();
    }
  }

  /** The Coffee Time briefing as data (what `nhsai digest --json` prints). */
  digest(ctx: ServiceContext, options: DigestOptions = {}): Digest {
    return buildDigest(this.library, ctx.now, ctx.alreadySent, options);
  }

  private briefing(topic: TopicId, all: boolean): Reply {
    const key = `${topic}:${all}`;
    const cached = this.briefings.get(key);
    if (cached?.revision === this.library.revision) return cached.reply;
    const reply = this.buildBriefing(topic, all);
    this.briefings.set(key, { revision: this.library.revision, reply });
    return reply;
  }

  private buildBriefing(topic: TopicId, all: boolean): Reply {
    const briefing = topicBriefing(
      this.library,
      topic,
      all ? { limit: Number.POSITIVE_INFINITY, perDocument: Number.POSITIVE_INFINITY } : {},
    );
    return briefing.total === 0 ? noNewsReply(topic, topicsWithNews(this.library)) : topicBriefingReply(briefing);
  }
}
