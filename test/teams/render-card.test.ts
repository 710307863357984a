import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CARD_BUDGET_BYTES, cardBytes } from "../../adapters/teams/pack-cards.js";
import { renderCards } from "../../adapters/teams/render-card.js";
import { parseSubmitData } from "../../adapters/teams/submit-data.js";
import { feedbackTargetOf } from "../../src/briefing-service.js";
import type { Reply, Run } from "../../src/reply.js";
import { sampleReplies } from "../helpers/sample-replies.js";
import { cardWarnings, visibleStrings } from "./render-card-check.js";

const render = (reply: Reply) => renderCards(reply, feedbackTargetOf(reply));

describe("Adaptive Cards for every sample reply", () => {
  it.each(sampleReplies().map((s) => [s.input.slice(0, 40), s.reply] as const))(
    "%s: schema 1.5, no parse warnings, a fallback text",
    (_input, reply) => {
      for (const { card, text } of render(reply)) {
        expect(card.version).toBe("1.5");
        expect(cardWarnings(card)).toEqual([]);
        expect(text.length).toBeGreaterThan(0);
        expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
      }
    },
  );

  it("offers 👍/👎 on an answer, carrying what the feedback is recorded against", () => {
    const answer = sampleReplies().find((s) => s.reply.kind === "answer" && !s.reply.abstained)?.reply as Reply;
    const actions = render(answer).at(-1)?.card.actions ?? [];
    const data = actions.map((a) => parseSubmitData(a.data));
    expect(data).toContainEqual({ nhsai: "feedback", value: "helpful", ...feedbackTargetOf(answer) });
    expect(data).toContainEqual({ nhsai: "feedback", value: "not_helpful", ...feedbackTargetOf(answer) });
  });

  it("offers Show more as a button that runs the command", () => {
    const briefing = sampleReplies().find((s) => s.input === "strategy")?.reply as Reply;
    const data = (render(briefing).at(-1)?.card.actions ?? []).map((a) => parseSubmitData(a.data));
    expect(data).toContainEqual({ nhsai: "command", command: "strategy all" });
  });

  it("puts a publisher and date fact set under each source of an answer", () => {
    const answer = sampleReplies().find((s) => s.reply.kind === "answer" && !s.reply.abstained)?.reply as Reply;
    const json = JSON.stringify(render(answer).map((m) => m.card));
    for (const citation of answer.citations) {
      expect(json).toContain(JSON.stringify({ title: "Publisher", value: citation.publisher }));
      expect(json).toContain(citation.publishedLabel);
    }
  });

  it("shows markdown, HTML and mentions in article text literally, as TextRuns", () => {
    const hostile = "**bold** <at>Everyone</at> [NHS login](https://evil.example) &lt; _x_";
    const reply = textReply([{ type: "text", text: hostile }]);
    const cards = render(reply);
    expect(visibleStrings(cards.map((m) => m.card))).toContain(hostile);
    expect(JSON.stringify(cards)).not.toMatch(/"type":"TextBlock"/);
  });

  it("refuses javascript: links as links but keeps their text", () => {
    const reply = textReply([{ type: "link", text: "click", url: "javascript:alert(1)" }]);
    const json = JSON.stringify(render(reply));
    expect(json).toContain('"text":"click"');
    expect(json).not.toContain("javascript:");
  });
});

describe("the 28 KB budget (property test)", () => {
  const runText = fc.string({
    unit: fc.constantFrom("a", " ", "é", "😀", "中", "ש", "\u0301", "<", "*", "£"),
    maxLength: 6_000,
  });
  const paragraphs = fc.array(runText, { minLength: 1, maxLength: 40 });

  it("splits a 200 KB article into several cards, each under budget, and keeps the buttons on the last", () => {
    const long = "The trust’s AI programme 😀 ".repeat(8_000);
    const reply = {
      ...textReply([{ type: "text", text: long }]),
      actions: [{ type: "show_more" as const, label: "More", command: "funding all" }],
    };
    const cards = render(reply).map((m) => m.card);
    expect(cards.length).toBeGreaterThan(5);
    for (const card of cards) {
      expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
      expect(cardWarnings(card)).toEqual([]);
    }
    expect(cards.slice(0, -1).every((c) => !c.actions)).toBe(true);
    expect(cards.at(-1)?.actions).toHaveLength(1);
    expect(visibleStrings(cards).join("")).toContain(long.trim().slice(-500));
  });

  it("splits long replies into cards under budget, losing no text", () => {
    fc.assert(
      fc.property(paragraphs, (texts) => {
        const reply = textReply(...texts.map((t): Run[] => [{ type: "text", text: t }]));
        const cards = render(reply).map((m) => m.card);
        for (const card of cards) {
          expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
          expect(card.version).toBe("1.5");
        }
        const shown = visibleStrings(cards).join("");
        expect(shown.replace(/\s/g, "")).toBe([reply.title, ...texts].join("").replace(/\s/g, ""));
      }),
      { numRuns: 60, seed: 20261123 },
    );
  });
});

function textReply(...paragraphs: Run[][]): Reply {
  return {
    kind: "text",
    title: "Test",
    sections: [{ heading: null, blocks: paragraphs.map((runs) => ({ type: "paragraph" as const, runs })) }],
    citations: [],
    actions: [],
  };
}
