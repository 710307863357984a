/**
 * The bot holding a conversation: each message is served from the library with what the
 * conversation remembers of its last reply, and the reply it gets is remembered in turn (an
 * answer's article and the passages shown, a digest's stories, a briefing's topic), so "tell me
 * more" and "summarise it" go on from it.
 */

import type { Command } from "../commands/parse-command.js";
import type { Library } from "../knowledge/library.js";
import type { AnswerReply, Reply } from "../reply.js";
import { passagesQuoted } from "./article-passages.js";
import type { Conversation } from "./conversation.js";
import { type Intent, intentOf, intentWords } from "./intents.js";
import { commandReply, intentReply, type ReplyOptions, replyFromLibrary } from "./library-reply.js";
import { type ConversationMemory, conversationKey, type LastReply } from "./memory.js";

/** Where a message's memory is read from, and where the memory of its reply is written. */
export interface MemoryKeys {
  recall: string;
  remember: string[];
}

/**
 * A message is read in the memory of the thread (or channel) it was typed in; its answer is
 * remembered there and, when the reply starts a thread (a Slack @mention), in that thread too,
 * so "more" works both in the thread and in the channel.
 */
export function memoryKeysOf(conversation: Pick<Conversation, "platform" | "channelId" | "thread" | "replyThread">) {
  const recall = conversationKey(conversation);
  const { replyThread } = conversation;
  const replyKey = replyThread ? conversationKey({ ...conversation, thread: replyThread }) : recall;
  return { recall, remember: replyKey === recall ? [recall] : [recall, replyKey] };
}

export class Conversations {
  constructor(
    readonly library: Library,
    private readonly memory: ConversationMemory,
    /** Memory is a convenience: when the store fails, the reply still goes out and this hears why. */
    private readonly onMemoryError: (error: unknown) => void = () => {},
  ) {}

  /** Serves a parsed message in its conversation; with no keys (one message, no conversation) nothing is remembered. */
  async respond(command: Command, keys: MemoryKeys | null, options: ReplyOptions): Promise<Reply> {
    if (!keys) return replyFromLibrary(this.library, command, options);
    const intent = intentOf(command);
    if (!intent) {
      const reply = commandReply(this.library, command, options);
      await this.rememberAfter(reply, null, keys, options.now);
      return reply;
    }
    const last = followsOn(intent) ? await this.recall(keys.recall, options.now) : null;
    const reply = intentReply(this.library, intent, intentWords(command), options, last);
    await this.rememberAfter(reply, followsOn(intent) ? last : null, keys, options.now);
    return reply;
  }

  private async recall(key: string, now: Date): Promise<LastReply | null> {
    try {
      return await this.memory.recall(key, now);
    } catch (error) {
      this.onMemoryError(error);
      return null;
    }
  }

  private async rememberAfter(reply: Reply, previous: LastReply | null, keys: MemoryKeys, now: Date) {
    const next = memoryOf(this.library, reply, previous);
    if (!next) return;
    try {
      for (const key of keys.remember) await this.memory.remember(key, next, now);
    } catch (error) {
      this.onMemoryError(error);
    }
  }
}

/** Intents that go on from the last answer rather than start afresh. */
function followsOn(intent: Intent): boolean {
  return intent.kind === "more" || (intent.kind === "summarise" && intent.subject === null);
}

/**
 * What to remember of a reply: one with more to give (an answer quoting an article, a digest, a
 * topic briefing). Going on ("more", "summarise it") adds to what was shown and keeps the original
 * question; anything else starts afresh. Other replies leave the memory as it was.
 */
function memoryOf(library: Library, reply: Reply, previous: LastReply | null): LastReply | null {
  switch (reply.kind) {
    case "answer":
      return reply.abstained ? null : articleMemory(library, reply, previous);
    case "digest": {
      if (reply.digest.items.length === 0) return null;
      const carried = reply.digest.items.flatMap((item) => [item.documentId, ...item.sources.map((s) => s.documentId)]);
      const before = previous?.kind === "digest" ? previous.sent : [];
      return { kind: "digest", topic: reply.digest.topic, sent: [...new Set([...before, ...carried])] };
    }
    case "briefing":
      return { kind: "briefing", topic: reply.topic, all: reply.shown >= reply.total };
    default:
      return null;
  }
}

function articleMemory(library: Library, reply: AnswerReply, previous: LastReply | null): LastReply | null {
  const documentId = reply.citations[0]?.documentId;
  const entry = documentId ? library.get(documentId) : undefined;
  if (!documentId || !entry) return null;
  const quoted = passagesQuoted(
    entry,
    reply.citations.filter((c) => c.documentId === documentId).map((c) => c.quote),
  );
  if (previous?.kind === "article" && previous.documentId === documentId)
    return { ...previous, shown: [...new Set([...previous.shown, ...quoted])] };
  return { kind: "article", documentId, question: reply.question, shown: quoted };
}
