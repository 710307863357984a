import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutraliseInput } from "../../src/commands/neutralise-input.js";
import { type Command, MAX_INPUT_LENGTH, parseCommand } from "../../src/commands/parse-command.js";

describe("the grammar", () => {
  it.each<[string, Command]>([
    ["", { kind: "help" }],
    ["help", { kind: "help" }],
    ["help me", { kind: "help" }],
    // Help asked for by another word keeps it, so the facade can hear a greeting in it.
    ["hello", { kind: "help", said: "hello" }],
    ["hi!", { kind: "help", said: "hi!" }],
    ["commands", { kind: "help", said: "commands" }],
    ["topics", { kind: "topics" }],
    ["sources", { kind: "sources" }],
    [
      "sources add https://a.example/feed.xml",
      { kind: "sources_change", action: "add", url: "https://a.example/feed.xml" },
    ],
    [
      "sources remove https://a.example/feed",
      { kind: "sources_change", action: "remove", url: "https://a.example/feed" },
    ],
    ["sources add <https://a.example/rss>", { kind: "sources_change", action: "add", url: "https://a.example/rss" }],
    ["about", { kind: "about" }],
    ["digest", { kind: "digest", topic: null }],
    ["digest workforce", { kind: "digest", topic: "workforce" }],
    ["digest money", { kind: "digest", topic: "funding" }],
    ["funding", { kind: "briefing", topic: "funding", all: false }],
    ["Funding", { kind: "briefing", topic: "funding", all: false }],
    ["/nhsai funding", { kind: "briefing", topic: "funding", all: false }],
    ["cyber", { kind: "briefing", topic: "safety", all: false }],
    ["digital infrastructure", { kind: "briefing", topic: "infrastructure", all: false }],
    ["funding all", { kind: "briefing", topic: "funding", all: true }],
    ["ask who wrote it?", { kind: "ask", question: "who wrote it?" }],
    ["subscribe", { kind: "subscribe", schedule: "" }],
    [
      "/nhsai subscribe weekdays at 9am topics funding",
      { kind: "subscribe", schedule: "weekdays at 9am topics funding" },
    ],
    ["unsubscribe", { kind: "unsubscribe" }],
    ["schedule", { kind: "schedule" }],
    ["subscibe", { kind: "unknown", input: "subscibe", suggestion: "subscribe" }],
  ])("%j", (input, expected) => {
    expect(parseCommand(input)).toEqual(expected);
  });

  it("takes anything else as a question, whole", () => {
    const question = "How much is the lung cancer AI funding?";
    expect(parseCommand(question)).toEqual({ kind: "ask", question });
    expect(parseCommand("hello, who wrote the Health Foundation article?")).toEqual({
      kind: "ask",
      question: "hello, who wrote the Health Foundation article?",
    });
    expect(parseCommand("sources for the £21m?")).toMatchObject({ kind: "ask" });
  });
});

describe("near misses", () => {
  it.each([
    ["fundng", "funding"],
    ["fudning", "funding"],
    ["topcis", "topics"],
    ["sorces", "sources"],
    ["workfroce", "workforce"],
    ["digets", "digest"],
    // swapped letters are one slip, not two
    ["hlep", "help"],
    ["abuot", "about"],
    ["secuirty", "safety"],
  ])("%s → did you mean %s?", (input, suggestion) => {
    expect(parseCommand(input)).toEqual({ kind: "unknown", input, suggestion });
  });

  it("says a digest word is not a topic, suggesting the nearest topic for a typo", () => {
    expect(parseCommand("digest fundng")).toEqual({
      kind: "unknown_topic",
      word: "fundng",
      suggestion: "digest funding",
    });
    expect(parseCommand("digest ambient")).toEqual({ kind: "unknown_topic", word: "ambient", suggestion: null });
  });

  it("does not second-guess short words or questions", () => {
    expect(parseCommand("who")).toEqual({ kind: "ask", question: "who" });
    expect(parseCommand("fundng?")).toEqual({ kind: "ask", question: "fundng?" });
  });
});

describe("what is echoed back is harmless", () => {
  it("keeps no angle brackets or broadcasts, whatever an adapter let through (platform markup is read in adapters/*/parse.ts)", () => {
    expect(neutraliseInput("<!channel> @here hi <b>")).toBe("hi b");
    expect(neutraliseInput("@channel @everyone thanks")).toBe("thanks");
  });

  it("drops control characters, such as a terminal escape", () => {
    const command = parseCommand("\u001b[31mfundng\u0007");
    expect(command).toEqual({ kind: "unknown", input: "fundng", suggestion: "funding" });
    expect(JSON.stringify(command)).not.toMatch(/\\u00(1b|07)/);
  });

  it("echoes a near miss with the broadcast removed", () => {
    const command = parseCommand("<!channel> fundng");
    expect(command).toEqual({ kind: "unknown", input: "fundng", suggestion: "funding" });
  });
});

describe("the length limit", () => {
  it(`reads up to ${MAX_INPUT_LENGTH} characters and refuses more`, () => {
    const atLimit = `${"a".repeat(MAX_INPUT_LENGTH - 1)}?`;
    expect(parseCommand(atLimit)).toMatchObject({ kind: "ask" });
    expect(parseCommand(`${atLimit}b`)).toEqual({
      kind: "too_long",
      length: MAX_INPUT_LENGTH + 1,
      limit: MAX_INPUT_LENGTH,
    });
  });

  it("refuses a huge paste without working through it", () => {
    const started = performance.now();
    expect(parseCommand("<!channel>".repeat(200_000))).toMatchObject({ kind: "too_long" });
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe("any input (seeded fuzz)", () => {
  const piece = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom(
      "<!channel>",
      "<!here|here>",
      "<!everyone>",
      "<!subteam^S1>",
      "<@U123>",
      "<#C1>",
      "<https://evil|NHS login>",
      "<at>Bot</at>",
      "&lt;",
      "*",
      "_",
      "~",
      "`",
      "\u0000",
      "\u001b",
      "\u202e",
      "funding",
      "digest",
      "/nhsai",
      "?",
    ),
  );

  it("never throws, and never echoes mention syntax or control characters", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const command = parseCommand(pieces.join(" "));
        const echoed = command.kind === "unknown" ? command.input : command.kind === "ask" ? command.question : "";
        expect(echoed).not.toMatch(/[<>]/);
        expect(echoed).not.toMatch(/@(channel|here|everyone)|!(channel|here|everyone)/i);
        for (const ch of echoed) {
          const code = ch.codePointAt(0) ?? 0;
          expect(code < 0x20 || (code >= 0x7f && code < 0xa0)).toBe(false);
        }
        expect(echoed.length).toBeLessThanOrEqual(MAX_INPUT_LENGTH);
      }),
      { seed: 6082026, numRuns: 500 },
    );
  });
});
