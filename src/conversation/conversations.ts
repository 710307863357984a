/**
 * The bot holding a conversation: each message is served by BriefingService with what the
 * conversation remembers of its last answer, and the answer it gets is remembered in turn (the
 * article, the question, the passages shown), so "tell me more" and "summarise it" go on from it.
 */

import type { BriefingService, ServiceContext } from "../briefing-service.js";
import type { Conversation } from "../chat/conversation.js";
import type { Command } from "../commands/parse-command.js";
import type { Library } from "../knowledge/library.js";
import type { Reply } from "../reply.js";
import { passagesQuoted } from "./article-passages.js";
import { type Intent, intentOf } from "./intents.js";
import { type ConversationMemory, conversationKey, type LastAnswer } from "./memory.js";

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
    readonly briefings: BriefingService,
    private readonly memory: ConversationMemory,
    /** Memory is a convenience: when the store fails, the reply still goes out and this hears why. */
    private readonly onMemoryError: (error: unknown) => void = () => {},
  ) {}

  /** Serves a parsed message in its conversation. */
  async respond(command: Command, typed: string, keys: MemoryKeys, ctx: ServiceContext): Promise<Reply> {
    const intent = intentOf(command, typed);
    if (!intent) {
      const reply = this.briefings.handle(command, ctx);
      await this.rememberAfter(reply, null, keys, ctx.now);
      return reply;
    }
    const last = followsOn(intent) ? await this.recall(keys.recall, ctx.now) : null;
    const reply = this.briefings.handleIntent(intent, typed, ctx, last);
    await this.rememberAfter(reply, followsOn(intent) ? last : null, keys, ctx.now);
    return reply;
  }

  private async recall(key: string, now: Date): Promise<LastAnswer | null> {
    try {
      return await this.memory.recall(key, now);
    } catch (error) {
      this.onMemoryError(error);
      return null;
    }
  }

  private async rememberAfter(reply: Reply, previous: LastAnswer | null, keys: MemoryKeys, now: Date) {
    const next = memoryOf(this.briefings.library, reply, previous);
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
 * What to remember of a reply: an answer that quotes an article. Going on with the same article
 * adds to what was shown and keeps the original question; anything else starts afresh.
 */
function memoryOf(library: Library, reply: Reply, previous: LastAnswer | null): LastAnswer | null {
  if (reply.kind !== "answer" || reply.abstained) return null;
  const documentId = reply.citations[0]?.documentId;
  const entry = documentId ? library.get(documentId) : undefined;
  if (!documentId || !entry) return null;
  const quoted = passagesQuoted(
    entry,
    reply.citations.filter((c) => c.documentId === documentId).map((c) => c.quote),
  );
  if (previous?.documentId === documentId)
    return { documentId, question: previous.question, shown: [...new Set([...previous.shown, ...quoted])] };
  return { documentId, question: reply.question, shown: quoted };
}
