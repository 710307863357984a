/** Block Kit rendering (checks 10 and 11): always within Slack's limits, never a mention or a disguised link. */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LIMITS, type SlackBlock, type SlackMessage } from "../../adapters/slack/block-kit.js";
import { decodeText, escapeText } from "../../adapters/slack/escape-text.js";
import { renderBlocks } from "../../adapters/slack/render-blocks.js";
import type { Reply, Run, Section } from "../../src/reply.js";
import { libraryOf, makeDocument, paragraphs, replyTo, seedLibrary } from "../helpers/factories.js";

const HOSTILE = [
  "<!channel>",
  "<!here|here>",
  "<!everyone>",
  "<!subteam^S1>",
  "<@U123>",
  "<#C1>",
  "<https://evil.example|NHS login>",
  "&lt;!channel&gt;",
  "*bold* _it_ ~s~ `code`",
  "😀 漢字 שלום e\u0301",
];

const hostileText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.constantFrom(...HOSTILE),
  fc.array(fc.constantFrom(...HOSTILE, " ", "&", "<", ">", "|", "x"), { maxLength: 40 }).map((a) => a.join("")),
  fc.string({ unit: "grapheme", maxLength: 5_000 }),
);

const run: fc.Arbitrary<Run> = fc.oneof(
  hostileText.map((text): Run => ({ type: "text", text })),
  hostileText.map((text): Run => ({ type: "command", text })),
  fc.tuple(hostileText, fc.oneof(fc.webUrl(), hostileText)).map(([text, url]): Run => ({ type: "link", text, url })),
);

const section: fc.Arbitrary<Section> = fc.record({
  heading: fc.option(fc.array(run, { maxLength: 3 }), { nil: null }),
  blocks: fc.array(
    fc.oneof(
      fc.array(run, { maxLength: 4 }).map((runs) => ({ type: "paragraph" as const, runs })),
      fc.array(run, { maxLength: 3 }).map((runs) => ({ type: "note" as const, runs })),
      fc.array(fc.array(run, { maxLength: 2 }), { maxLength: 30 }).map((items) => ({
        type: "bullets" as const,
        items: items.map((runs) => ({ runs, citation: null })),
      })),
    ),
    { maxLength: 6 },
  ),
});

const reply: fc.Arbitrary<Reply> = fc
  .record({ title: hostileText, sections: fc.array(section, { maxLength: 60 }) })
  .map(({ title, sections }) => ({ kind: "text", title, sections, citations: [], actions: [] }));

/** Every text a message carries, as Slack would read it. */
function textsOf(message: SlackMessage): string[] {
  return [message.text, ...message.blocks.flatMap(blockTexts)];
}

function blockTexts(block: SlackBlock): string[] {
  switch (block.type) {
    case "header":
    case "section":
      return [block.text.text];
    case "context":
      return block.elements.map((e) => e.text);
    case "actions":
      return block.elements.map((e) => e.text.text);
    default:
      return [];
  }
}

function expectWithinLimits(messages: SlackMessage[]): void {
  expect(messages.length).toBeGreaterThanOrEqual(1);
  expect(messages.length).toBeLessThanOrEqual(LIMITS.messagesPerReply);
  for (const message of messages) {
    expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    expect(message.text.length).toBeGreaterThan(0);
    expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    let total = 0;
    for (const block of message.blocks) {
      for (const text of blockTexts(block)) total += text.length;
      if (block.type === "section") expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      if (block.type === "header") expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
      if (block.type === "context")
        for (const e of block.elements) expect(e.text.length).toBeLessThanOrEqual(LIMITS.contextText);
    }
    expect(total).toBeLessThanOrEqual(LIMITS.totalText);
  }
}

/** After removing the markup the renderer made (`<http…|label>` links, `> ` quotes), no `<` or `>` may remain. */
function expectNoMarkup(messages: SlackMessage[]): void {
  for (const text of messages.flatMap(textsOf)) {
    const rest = text.replace(/<https?:\/\/[^\s<>|]+\|[^<>]*>/g, "").replace(/^> /gm, "");
    expect(rest).not.toMatch(/[<>]/);
    expect(text).not.toMatch(/<[!@#]/);
  }
}

describe("escapeText", () => {
  it("leaves no raw < or >, and decodes back to the original (any string)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const escaped = escapeText(s);
        expect(escaped).not.toMatch(/[<>]/);
        expect(decodeText(escaped)).toBe(s);
      }),
      { seed: 5, numRuns: 500 },
    );
  });
});

describe("renderBlocks", () => {
  it("stays within Slack's limits and escapes everything, for any reply (property)", () => {
    fc.assert(
      fc.property(reply, (r) => {
        const messages = renderBlocks(r, { share: "funding", feedback: { target: "answer", targetId: "q" } });
        expectWithinLimits(messages);
        expectNoMarkup(messages);
      }),
      { seed: 11, numRuns: 150 },
    );
  });

  it("posts hostile article titles and text as text: &lt;!channel&gt;, never <!channel>", () => {
    const documents = HOSTILE.map((h, i) =>
      makeDocument({
        id: `hostile-${i}`,
        title: `Funding news ${h}`,
        publisher: `Publisher ${h}`,
        paragraphs: paragraphs(`NHS trusts get £${i + 1}m funding for AI ${h} to speed up diagnosis.`),
        published: { value: `2026-11-${String(10 + i).padStart(2, "0")}`, precision: "day" },
      }),
    );
    const library = libraryOf(...documents);
    let all = "";
    for (const text of ["digest", "funding all", "what funding did trusts get?"]) {
      const messages = renderBlocks(replyTo(library, text));
      expectNoMarkup(messages);
      expectWithinLimits(messages);
      all += JSON.stringify(messages);
    }
    expect(all).toContain("&lt;!channel&gt;");
    expect(all).toContain("&lt;@U123&gt;");
    expect(all).toContain("&lt;https://evil.example|NHS login&gt;");
    // Text that was already an entity stays text: it shows as "&lt;", it does not become "<".
    expect(all).toContain("&amp;lt;!channel&amp;gt;");
  });

  it("fits the largest briefings: every seed topic in full, and a library far too big for one reply", () => {
    const seeds = seedLibrary();
    for (const topic of ["funding", "workforce", "strategy", "diagnostics", "engagement", "regulation"])
      expectWithinLimits(renderBlocks(replyTo(seeds, `${topic} all`)));
    const many = Array.from({ length: 300 }, (_, i) =>
      makeDocument({
        id: `big-${i}`,
        paragraphs: paragraphs(
          ...Array.from(
            { length: 6 },
            (_, j) => `Trust ${i} secured £${j + 2}m of funding for its AI programme, story ${i}-${j}.`,
          ),
        ),
      }),
    );
    const big = renderBlocks(replyTo(libraryOf(...many), "funding all"));
    expectWithinLimits(big);
    expect(big).toHaveLength(LIMITS.messagesPerReply);
    expect(JSON.stringify(big.at(-1))).toMatch(/too long for Slack/);
  });

  it("puts the buttons on the last message: share (when asked), show more, and 👍/👎 with the answer's target", () => {
    const answer = replyTo(seedLibrary(), "How much is the new AI lung cancer funding?");
    const messages = renderBlocks(answer, { share: "How much…", feedback: { target: "answer", targetId: "how much" } });
    const actions = messages.at(-1)?.blocks.find((b) => b.type === "actions");
    expect(actions?.type === "actions" && actions.elements.map((e) => e.action_id)).toEqual([
      "nhsai_share",
      "nhsai_feedback_helpful",
      "nhsai_feedback_not_helpful",
    ]);
    const publicCopy = renderBlocks(answer);
    expect(JSON.stringify(publicCopy)).not.toContain("nhsai_share");
    expect(JSON.stringify(publicCopy)).not.toContain("nhsai_feedback");
    expect(JSON.stringify(messages)).toMatch(/&gt; |> /);
  });
});
