/**
 * Conversation memory in the store, on each backend (PostgreSQL when DATABASE_URL is set): kept
 * per conversation, shared by replicas, exact expiry on read, expired rows cleaned on write.
 */

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LastReply, storedMemory } from "../../src/conversation/memory.js";
import { MEMORY_SWEEP_MS } from "../../src/store/operations/conversation-memory.js";
import type { Store } from "../../src/store/store.js";
import { StoreInputError } from "../../src/store/store-errors.js";
import { BACKENDS, type StoreHarness, T0 } from "../store/harness.js";

const MINUTE = 60_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const last = (documentId: string, shown: string[] = ["0.0"]): LastReply => ({
  kind: "article",
  documentId,
  question: "How much?",
  shown,
});

for (const backend of BACKENDS) {
  const suite = backend.skip ? describe.skip : describe;
  suite(`conversation memory, ${backend.name}`, () => {
    let harness: StoreHarness;
    let store: Store;

    beforeEach(async () => {
      harness = backend.harness();
      store = await harness.open();
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it("keeps one memory per conversation, replaced by the next answer", async () => {
      const memory = storedMemory(store);
      await memory.remember("slack:D1", last("doc-a"), T0);
      await memory.remember("slack:C1/1700.1", last("doc-b"), T0);
      await memory.remember("slack:D1", last("doc-c", ["1.0", "1.1"]), at(MINUTE));
      expect(await memory.recall("slack:D1", at(2 * MINUTE))).toEqual(last("doc-c", ["1.0", "1.1"]));
      expect(await memory.recall("slack:C1/1700.1", at(2 * MINUTE))).toEqual(last("doc-b"));
      expect(await memory.recall("slack:C1", at(2 * MINUTE))).toBeNull();
      expect(await memory.recall("teams:D1", at(2 * MINUTE))).toBeNull();
    });

    it("is seen by another replica (a second store on the same database)", async () => {
      await storedMemory(store).remember("teams:19:abc", last("doc-a"), T0);
      const replica = await harness.open();
      expect(await storedMemory(replica).recall("teams:19:abc", at(MINUTE))).toEqual(last("doc-a"));
    });

    it("is forgotten after 30 minutes, exactly, and the expired rows are deleted on a later write", async () => {
      const memory = storedMemory(store);
      await memory.remember("slack:D1", last("doc-a"), T0);
      expect(await memory.recall("slack:D1", at(30 * MINUTE - 1))).not.toBeNull();
      expect(await memory.recall("slack:D1", at(30 * MINUTE))).toBeNull();
      expect(await harness.count("conversation_memory")).toBe(1);
      await memory.remember("slack:D2", last("doc-b"), at(30 * MINUTE + MEMORY_SWEEP_MS));
      expect(await harness.count("conversation_memory")).toBe(1);
      expect(await memory.recall("slack:D2", at(31 * MINUTE))).toEqual(last("doc-b"));
    });

    it("keeps keys of any text apart and refuses what it cannot store", async () => {
      const keys = ["slack:C1/1.2'; DROP TABLE conversation_memory; --", "shell:😀", "teams:a:b;messageid=1"];
      for (const [i, key] of keys.entries()) await storedMemory(store).remember(key, last(`doc-${i}`), T0);
      for (const [i, key] of keys.entries())
        expect(await storedMemory(store).recall(key, at(MINUTE))).toEqual(last(`doc-${i}`));
      await expect(store.saveConversationMemory("bad\u0000key", {}, at(MINUTE), T0)).rejects.toThrow(StoreInputError);
      const huge = { documentId: "x", question: "q".repeat(20_000), shown: [] };
      await expect(store.saveConversationMemory("slack:D9", huge, at(MINUTE), T0)).rejects.toThrow(StoreInputError);
    });

    it("saves several conversations in one call, the later of a key given twice, and refuses them all for one bad entry", async () => {
      const until = at(MINUTE);
      await store.saveConversationMemories(
        [
          { conversationKey: "slack:D1", memory: { kind: "briefing", topic: "funding", all: false }, expiresAt: until },
          { conversationKey: "slack:D2", memory: { kind: "briefing", topic: "safety", all: false }, expiresAt: until },
          { conversationKey: "slack:D1", memory: { kind: "briefing", topic: "funding", all: true }, expiresAt: until },
        ],
        T0,
      );
      expect(await store.getConversationMemory("slack:D1", T0)).toEqual({
        kind: "briefing",
        topic: "funding",
        all: true,
      });
      expect(await store.getConversationMemory("slack:D2", T0)).toEqual({
        kind: "briefing",
        topic: "safety",
        all: false,
      });
      const refused = store.saveConversationMemories(
        [
          { conversationKey: "slack:D3", memory: { kind: "briefing", topic: "funding", all: false }, expiresAt: until },
          { conversationKey: "bad\u0000key", memory: {}, expiresAt: until },
        ],
        T0,
      );
      await expect(refused).rejects.toThrow(StoreInputError);
      expect(await store.getConversationMemory("slack:D3", T0)).toBeNull();
    });

    it("keeps a digest's stories and a briefing's topic too", async () => {
      const memory = storedMemory(store);
      await memory.remember("slack:D1", { kind: "digest", topic: null, sent: ["a", "b"] }, T0);
      await memory.remember("slack:D2", { kind: "briefing", topic: "funding", all: false }, T0);
      expect(await memory.recall("slack:D1", T0)).toEqual({ kind: "digest", topic: null, sent: ["a", "b"] });
      expect(await memory.recall("slack:D2", T0)).toEqual({ kind: "briefing", topic: "funding", all: false });
    });

    it("reads a memory some other version wrote in another shape as none", async () => {
      for (const [key, odd] of [
        ["slack:D1", { unexpected: true }],
        ["slack:D2", { kind: "article", documentId: 7, question: "q", shown: [] }],
        ["slack:D3", { kind: "briefing", topic: "astrology", all: true }],
      ] as const) {
        await store.saveConversationMemory(key, odd, at(MINUTE), T0);
        expect(await storedMemory(store).recall(key, T0)).toBeNull();
      }
    });
  });
}
