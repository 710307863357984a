/**
 * One list of replies, covering every reply kind, that each renderer's tests share: the parity
 * test renders them all for every platform and checks each rendering carries the same facts.
 */

import type { Reply, ReplyKind } from "../../src/reply.js";
import { replyTo, seedLibrary } from "./factories.js";

/** What was typed for each sample (a question, or a command after `/nhsai`). */
export const SAMPLE_INPUTS = [
  "How much is the new AI lung cancer funding?",
  "What is the dose of amoxicillin for a child?",
  "strategy",
  "strategy all",
  "digest",
  "help",
  "topics",
  "sources",
  "about",
  "fundng",
  `/nhsai ${"x".repeat(600)}`,
] as const;

let cached: Array<{ input: string; reply: Reply }> | null = null;

/** The samples, answered from the seed library at FIXED_NOW. */
export function sampleReplies(): Array<{ input: string; reply: Reply }> {
  if (cached) return cached;
  const library = seedLibrary();
  cached = SAMPLE_INPUTS.map((input) => ({ input, reply: replyTo(library, input) }));
  return cached;
}

/** The kinds the samples cover, for a test that every kind is exercised. */
export const sampleKinds = (): Set<ReplyKind> => new Set(sampleReplies().map((s) => s.reply.kind));
