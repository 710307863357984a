/**
 * What a conversation remembers between messages: the article of the last answer, what was asked
 * and which of its passages were shown, so "tell me more" goes on without repeating. One memory
 * per conversation (a DM, a thread, a channel, a shell session), forgotten after 30 minutes.
 * Chat keeps it in the store, so every replica sees it; the shell keeps it in its own process.
 */

import type { Conversation } from "../chat/conversation.js";
import type { ConversationMemories, JsonObject } from "../store/store.js";

export const MEMORY_TTL_MS = 30 * 60 * 1000;
/** Passages remembered as shown at most: enough for any article's "more", small in the store. */
const MAX_SHOWN = 200;

export interface LastAnswer {
  documentId: string;
  /** What was asked, so "more" ranks the rest of the article by it. */
  question: string;
  /** The article's passages already shown ("paragraph.sentence"). */
  shown: string[];
}

export interface ConversationMemory {
  recall(conversationKey: string, now: Date): Promise<LastAnswer | null>;
  remember(conversationKey: string, last: LastAnswer, now: Date): Promise<void>;
}

/** The conversation's memory in the store, with its expiry. */
export function storedMemory(store: ConversationMemories, ttlMs = MEMORY_TTL_MS): ConversationMemory {
  return {
    recall: async (key, now) => lastAnswerOf(await store.getConversationMemory(key, now)),
    remember: (key, last, now) => store.saveConversationMemory(key, toJson(last), new Date(now.getTime() + ttlMs), now),
  };
}

/** One process's memory (the shell): the same expiry, nothing stored. */
export function processMemory(ttlMs = MEMORY_TTL_MS): ConversationMemory {
  const held = new Map<string, { last: LastAnswer; expiresAt: number }>();
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

function toJson(last: LastAnswer): JsonObject {
  return { documentId: last.documentId, question: last.question, shown: last.shown.slice(-MAX_SHOWN) };
}

/** The store holds JSON that any version may have written: read it defensively. */
function lastAnswerOf(json: JsonObject | null): LastAnswer | null {
  if (!json) return null;
  const { documentId, question, shown } = json;
  if (typeof documentId !== "string" || typeof question !== "string" || !Array.isArray(shown)) return null;
  return { documentId, question, shown: shown.filter((s): s is string => typeof s === "string") };
}
