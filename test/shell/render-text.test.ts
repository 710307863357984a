import { describe, expect, it } from "vitest";
import { renderText } from "../../adapters/shell/render-text.js";
import { terminalStyle } from "../../adapters/shell/terminal-style.js";
import { buildDigest } from "../../src/briefings/build-digest.js";
import { digestReply } from "../../src/replies/briefing-replies.js";
import type { Reply } from "../../src/reply.js";
import { FIXED_NOW, replyTo as replyFrom, seedLibrary } from "../helpers/factories.js";

const library = seedLibrary();
const replyTo = (text: string) => replyFrom(library, text);
const INPUTS = [
  "help",
  "topics",
  "sources",
  "about",
  "digest",
  "funding",
  "fundng",
  "How much is the £21m for?",
  "x".repeat(600),
];
const ESC = String.fromCharCode(0x1b);

describe("terminal text", () => {
  it.each([40, 60, 100])("wraps every kind of reply to %i columns", (width) => {
    const kinds = new Set<string>();
    for (const input of INPUTS) {
      const reply = replyTo(input);
      kinds.add(reply.kind);
      for (const line of renderText(reply, { width, color: false }).split("\n")) {
        // Only a single unbreakable word (a URL) may overrun.
        if (line.length > width) expect(line.trim()).not.toContain(" ");
      }
    }
    expect(kinds.size).toBeGreaterThanOrEqual(8);
  });

  it("prints the digest title, intro, and each story with its source and date", () => {
    const text = renderText(replyTo("digest"), { width: 100, color: false });
    expect(text.startsWith("☕ Coffee Time Briefing — Monday 23 November 2026\n\n5 stories you haven't had here")).toBe(
      true,
    );
    expect(text).toMatch(/\n {2}National Health Executive · October 2023 · [^\n]*Funding/);
    expect(text).toContain(
      "\nNew £21m AI investment should not outpace support for core digital infrastructure, NHS leaders say\n",
    );
  });

  it("cites each bullet of a briefing and hints at the rest", () => {
    const text = renderText(replyTo("strategy"), { width: 200, color: false });
    expect(text).toMatch(/^• Create a dedicated strategy for AI in health care — The Health Foundation, 2 July 2024$/m);
    expect(text).toMatch(/Show all \d+: type `strategy all`/);
  });

  it("puts the source under an answer", () => {
    const text = renderText(replyTo("How much is the new AI lung cancer funding?"), { width: 200, color: false });
    expect(text).toMatch(/^Source: New £21m AI investment .* — National Health Executive, October 2023$/m);
  });

  it("shows commands in backticks and links with their address", () => {
    const reply: Reply = {
      kind: "text",
      title: "Links",
      sections: [
        {
          heading: null,
          blocks: [
            {
              type: "paragraph",
              runs: [
                { type: "link", text: "The article", url: "https://news.example/a" },
                { type: "text", text: " — or type " },
                { type: "command", text: "help" },
              ],
            },
          ],
        },
      ],
      citations: [],
      actions: [],
    };
    expect(renderText(reply)).toBe("Links\n\nThe article (https://news.example/a) — or type `help`\n");
  });

  it("uses bold and dim only when asked (a TTY), and never passes escape codes through from text", () => {
    const reply = digestReply({
      ...buildDigest(library, FIXED_NOW),
      intro: `Injected ${ESC}[31mred${ESC}[0m text`,
    });
    const plain = renderText(reply, { width: 80, color: false });
    expect(plain).not.toContain(ESC);
    const styled = renderText(reply, { width: 80, color: true });
    expect(styled).toContain(`${ESC}[1m☕ Coffee Time Briefing`);
    expect(styled).toContain(`${ESC}[2mNational Health Executive`);
    expect(styled).not.toContain(`${ESC}[31m`);
  });
});

describe("terminal style", () => {
  it("styles only a TTY, and respects NO_COLOR and TERM=dumb", () => {
    expect(terminalStyle({ isTTY: false, columns: 120 }, {})).toEqual({ width: 80, color: false });
    expect(terminalStyle({ isTTY: true, columns: 120 }, {})).toEqual({ width: 100, color: true });
    expect(terminalStyle({ isTTY: true, columns: 30 }, {}).width).toBe(40);
    expect(terminalStyle({ isTTY: true, columns: 70 }, { NO_COLOR: "" }).color).toBe(false);
    expect(terminalStyle({ isTTY: true, columns: 70 }, { TERM: "dumb" }).color).toBe(false);
  });
});
