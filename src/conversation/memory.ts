/**
 * What a conversation remembers between messages: its last reply that has more to give, so "tell
 * me more" goes on from it without repeating. An answer or summary: its article, what was asked
 * and which passages were shown. A digest: the stories it carried, so "more" brings the next ones.
 * A topic briefing: whether every fact was shown. One memory per conversation (a DM, a thread, a
 * channel, a shell session), forgotten after 30 minutes. Chat keeps it in the store, so every
 * replica sees it; the shell keeps it in its own process.
 */

import { TOPIC_IDS, type TopicId } from "../knowledge/topics.js";
import { GroupCommit } from "../store/group-commit.js";
import type { ConversationMemories, JsonObject, MemoryEntry } from "../store/store.js";
import type { Conversation } from "./conversation.js";

const MEMORY_TTL_MS = 30 * 60 * 1000;
/** Passages or stories remembered as shown at most: enough for any "more", small in the store. */
const MAX_SHOWN = 200;

export type LastReply =
  | {
      kind: "article";
      documentId: string;
      /** What was asked, so "more" ranks the rest of the article by it. */
      question: string;
      /** The article's passages already shown ("paragraph.sentence"). */
      shown: string[];
    }
  /** The documents the digests of this conversation have carried so far. */
  | { kind: "digest"; topic: TopicId | null; sent: string[] }
  | { kind: "briefing"; topic: TopicId; all: boolean };

export interface ConversationMemory {
  recall(conversationKey: string, now: Date): Promise<LastReply | null>;
  remember(conversationKey: string, last: LastReply, now: Date): Promise<void>;
}

/**
 * The conversation's memory in the store, with its expiry. The memories of replies given together
 * (a burst of messages on any conversations) are saved in one transaction; each reply still waits
 * for its own to be committed.
 */
export function storedMemory(store: ConversationMemories, ttlMs = MEMORY_TTL_MS): ConversationMemory {
  const saves = new GroupCommit(async (entries: Array<MemoryEntry & { now: Date }>) => {
    const latest = entries.reduce((a, b) => (b.now > a.now ? b : a)).now;
    await store.saveConversationMemories(entries, latest);
    return [];
  });
  return {
    recall: async (key, now) => lastReplyOf(await store.getConversationMemory(key, now)),
    remember: (conversationKey, last, now) =>
      saves.add({ conversationKey, memory: toJson(last), expiresAt: new Date(now.getTime() + ttlMs), now }),
  };
}

/** One process's memory (the shell): the same expiry, nothing stored. */
export function processMemory(ttlMs = MEMORY_TTL_MS): ConversationMemory {
  const held = new Map<string, { last: LastReply; expiresAt: number }>();
  return {
    recall: async (key, now) => {
      const entry = held.get(key);
      if (entry && entry.expiresAt > now.getTime()) return entry.last;
      held.delete(key);
      return null;
    },
    remember: async (key, last, now) => {
      for (const [k, entry] of held) if (entry.expiresAt <= now.getTime()) held.delete(k);
      held.set(key, { last, expiresAt: now.getTime() + ttlMs });
    },
  };
}

/**
 * Which conversation a message belongs to: the platform's channel (or DM, or chat) and, when the
 * message is in a thread, the thread. Never the same for two channels, platforms or sessions.
 */
export function conversationKey(conversation: Pick<Conversation, "platform" | "channelId" | "thread">): string {
  const thread = conversation.thread ? `/${conversation.thread}` : "";
  return `${conversation.platform}:${conversation.channelId}${thread}`;
}

function toJson(last: LastReply): JsonObject {
  if (last.kind === "article") return { ...last, shown: last.shown.slice(-MAX_SHOWN) };
  if (last.kind === "digest") return { ...last, sent: last.sent.slice(-MAX_SHOWN) };
  return { ...last };
}

/** The store holds JSON that any version may have written: read it defensively. */
function lastReplyOf(json: JsonObject | null): LastReply | null {
  if (!json) return null;
  const texts = (value: unknown) =>
    Array.isArray(value) ? value.filter((s): s is string => typeof s === "string") : null;
  const topic = (value: unknown) => TOPIC_IDS.find((id) => id === value) ?? null;
  switch (json.kind) {
    case "article": {
      const { documentId, question } = json;
      const shown = texts(json.shown);
      if (typeof documentId !== "string" || typeof question !== "string" || !shown) return null;
      return { kind: "article", documentId, question, shown };
    }
    case "digest": {
      const sent = texts(json.sent);
      return sent ? { kind: "digest", topic: topic(json.topic), sent } : null;
    }
    case "briefing": {
      const id = topic(json.topic);
      return id ? { kind: "briefing", topic: id, all: json.all === true } : null;
    }
    default:
      return null;
  }
}
