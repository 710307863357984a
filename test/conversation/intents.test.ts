/** Intent recognition: varied, casual phrasings in; news questions left for the answer engine. */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Intent, recogniseIntent } from "../../src/conversation/intents.js";
import { TOPIC_IDS } from "../../src/knowledge/topics.js";
import { ROOT } from "../helpers/factories.js";

const kindOf = (text: string) => recogniseIntent(text)?.kind ?? null;

describe("recogniseIntent", () => {
  it.each([
    "hi",
    "Hi!",
    "hello there",
    "hey nhsai",
    "hiya",
    "Good morning!",
    "good afternoon team",
    "morning all",
    "yo",
    "how are you?",
    "hi, how's it going?",
    "helo",
    "hiya!!",
  ])("greeting: %s", (text) => {
    expect(kindOf(text)).toBe("greeting");
  });

  it.each([
    "thanks",
    "thanks!",
    "Thank you so much",
    "cheers",
    "ta",
    "thx",
    "ty!",
    "great, thanks",
    "ok thanks, that's helpful",
    "much appreciated",
    "cheers mate 👍",
    "thnks",
    "thankss!",
    "thank u",
  ])("thanks: %s", (text) => {
    expect(kindOf(text)).toBe("thanks");
  });

  it.each([
    "what's new",
    "What's new?",
    "whats new",
    "latest",
    "latest news",
    "the latest?",
    "anything new this week?",
    "Any news today",
    "what's happening in NHS digital this week?",
    "news",
    "what's new in AI?",
    "catch me up on the latest",
    "hi, what's new?",
    "can you give me the headlines please",
    "any updates?",
    "What’s the news this morning",
    "wats new",
    "what news do you have?",
    "latest headlines",
    "news on AI",
    "so what's going on in the NHS?",
  ])("what's new: %s", (text) => {
    expect(kindOf(text)).toBe("whats_new");
  });

  it.each([
    ["news on cyber", "safety"],
    ["any news on cyber?", "safety"],
    ["what's happening with funding", "funding"],
    ["what's new in workforce this week?", "workforce"],
    ["latest on regulation", "regulation"],
    ["Any updates about the money side?", "funding"],
    ["tell me about funding", "funding"],
    ["What's the news on clinical AI", "diagnostics"],
    ["any cyber news?", "safety"],
    ["funding news", "funding"],
    ["what's the latest funding news", "funding"],
    ["whats happening in cyber security", "safety"],
    ["what's new with AI ethics", "regulation"],
    ["workforce updates this week", "workforce"],
  ])("topic news: %s", (text, topic) => {
    expect(recogniseIntent(text)).toEqual({ kind: "topic_news", topic });
  });

  it.each([
    ["summarise the charter article", "the charter article"],
    ["Summarize the NHS App piece please", "the nhs app piece"],
    ["tell me about the NHS App piece", "the nhs app piece"],
    ["what's the gist of the lung cancer story?", "the lung cancer story"],
    ["can you sum up the Health Foundation report", "the health foundation report"],
    ["what is the charter article about?", "charter"],
    ["tl;dr of the AI tsar piece", "the ai tsar piece"],
    ["give me the lowdown on the NHS App piece", "the nhs app piece"],
    ["what's the lowdown on the charter article?", "the charter article"],
    ["run me through the charter article", "the charter article"],
    ["give me the highlights of the charter article", "the charter article"],
    ["what is the FDP blog about?", "fdp"],
    // Who it is for is not what it is about.
    ["summarise the scanner deal for me", "the scanner deal"],
    ["can you summarise the NHS App story for us please", "the nhs app story"],
  ])("summarise: %s", (text, subject) => {
    expect(recogniseIntent(text)).toEqual({ kind: "summarise", subject });
  });

  it.each(["summarise it", "tell me about that", "sum up that article"])("summarise the last one: %s", (text) => {
    expect(recogniseIntent(text)).toEqual({ kind: "summarise", subject: null });
  });

  it.each([
    "more",
    "More!",
    "tell me more",
    "go on",
    "Go on then",
    "what else?",
    "anything else",
    "more please",
    "tell me more about it",
    "thanks, tell me more",
    "keep going",
    "can you expand on that?",
  ])("more: %s", (text) => {
    expect(kindOf(text)).toBe("more");
  });

  it.each([
    "what's new about the FDP contract value?",
    "What new tools has the NHS launched?",
    "What are the latest figures on AI funding?",
    "Is there any news on when the charter was signed?",
    "Any updates on the FDP?",
    "news on the FDP funding",
    "NHS App news",
    "What more is the NHS doing on AI?",
    "Is there more funding for trusts?",
    "hello, who wrote the charter piece?",
    "help",
    "hell of a week for the NHS App?",
    "How much is the new AI lung cancer funding?",
    "thanks to whom was the funding awarded?",
    "Who is the new AI tsar?",
    "what happened next with the charter?",
    "",
    "   ",
  ])("a question, not an intent: %s", (text) => {
    expect(recogniseIntent(text)).toBeNull();
  });

  it.each([
    "tell me about my scan results",
    "summarise my blood test results",
    "any news on my prescription?",
    "what's the gist of my diagnosis",
    "tell me about ibuprofen doses",
    "what's new on side effects of statins",
  ])("a personal or clinical question, left for the clinical guard: %s", (text) => {
    expect(recogniseIntent(text)).toBeNull();
  });

  it("takes none of the question sets' questions for an intent", () => {
    const files = [
      join(ROOT, "test", "fixtures", "independent-qa.json"),
      join(ROOT, "test", "fixtures", "extra-qa.json"),
    ];
    const taken: Array<[string, Intent]> = [];
    for (const file of files) {
      const { items } = JSON.parse(readFileSync(file, "utf8")) as { items: Array<{ question: string }> };
      for (const { question } of items) {
        const intent = recogniseIntent(question);
        if (intent) taken.push([question, intent]);
      }
    }
    expect(taken).toEqual([]);
  });

  it("reads only summary requests as intents in the writers' training and validation sets", () => {
    const folder = join(ROOT, "test", "fixtures", "questions");
    const kinds = new Set<string>();
    let read = 0;
    for (const file of readdirSync(folder).filter((f) => /-(train|validation)\.json$/.test(f))) {
      const { items } = JSON.parse(readFileSync(join(folder, file), "utf8")) as { items: Array<{ question: string }> };
      for (const { question } of items) {
        read += 1;
        const intent = recogniseIntent(question);
        if (intent) kinds.add(intent.kind);
      }
    }
    expect(read).toBeGreaterThan(150);
    expect([...kinds]).toEqual(["summarise"]);
  });

  it("never throws on any text, and recognises only what it can serve", () => {
    const pieces = fc.constantFrom(
      "hi",
      "thanks",
      "what's",
      "new",
      "news on",
      "cyber",
      "more",
      "tell me",
      "about",
      "summarise",
      "the",
      "my",
      "?",
      "!",
      "🙂",
      "\u0000",
      "  ",
    );
    const typed = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 80 }),
      fc.array(pieces, { maxLength: 10 }).map((p) => p.join(" ")),
    );
    fc.assert(
      fc.property(typed, (text) => {
        const intent = recogniseIntent(text);
        if (intent?.kind === "topic_news") expect(TOPIC_IDS).toContain(intent.topic);
        if (intent?.kind === "summarise" && intent.subject !== null) expect(intent.subject.trim()).not.toBe("");
      }),
      { numRuns: 2_000 },
    );
  });

  it("never throws, whatever it is given", () => {
    const odd = ["\u0000", "?".repeat(5_000), "🙂🙂", "<@U1> <!channel>", "more ".repeat(200), "news on ".repeat(100)];
    for (const text of odd) expect(() => recogniseIntent(text)).not.toThrow();
  });
});
