/**
 * The same replies rendered for every face of the bot carry the same facts: the title, each
 * source's title, publisher and date, and every bullet's text. Each platform contributes one
 * "visible text" function; a new face of the bot adds a row to RENDERINGS.
 */

import { describe, expect, it } from "vitest";
import { PLAIN, renderText } from "../../adapters/shell/render-text.js";
import { renderBlocks } from "../../adapters/slack/render-blocks.js";
import { renderCards } from "../../adapters/teams/render-card.js";
import { feedbackTargetOf } from "../../src/briefing-service.js";
import { plainRuns, type Reply } from "../../src/reply.js";
import { sampleKinds, sampleReplies } from "../helpers/sample-replies.js";
import { visibleStrings } from "../teams/render-card-check.js";

/** Everything a person can read in each platform's rendering, whitespace folded. */
const RENDERINGS: Record<string, (reply: Reply) => string> = {
  // The terminal marks commands with backticks: `funding`.
  terminal: (reply) => renderText(reply, { ...PLAIN, width: 100_000 }).replaceAll("`", ""),
  teams: (reply) =>
    renderCards(reply, feedbackTargetOf(reply))
      .map((m) => visibleStrings(m.card).join(""))
      .join("\n"),
  // Slack: the blocks' text fields, mrkdwn links shown by their label, entities decoded.
  slack: (reply) =>
    renderBlocks(reply, { share: null, feedback: feedbackTargetOf(reply) })
      .map((m) => slackText(m.blocks))
      .join("\n")
      .replace(/<[^<>|]*\|([^<>]*)>/g, "$1")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&"),
};

/** Every `text` string in Block Kit blocks, in order. */
function slackText(node: unknown): string {
  if (Array.isArray(node)) return node.map(slackText).join(" ");
  if (!node || typeof node !== "object") return "";
  return Object.entries(node as Record<string, unknown>)
    .map(([key, value]) => (key === "text" && typeof value === "string" ? value : slackText(value)))
    .join(" ");
}

/** The facts a reply must show wherever it is rendered. */
function factsOf(reply: Reply): string[] {
  const facts = [reply.title];
  for (const section of reply.sections) {
    if (section.heading) facts.push(plainRuns(section.heading));
    for (const block of section.blocks) {
      if (block.type === "bullets") facts.push(...block.items.map((item) => plainRuns(item.runs)));
      else facts.push(plainRuns(block.runs));
    }
  }
  const cited = new Set(
    reply.sections.flatMap((s) =>
      s.blocks.flatMap((b) => (b.type === "bullets" ? b.items.map((i) => i.citation) : [])),
    ),
  );
  reply.citations.forEach((c, i) => {
    facts.push(c.publisher, c.publishedLabel);
    // An answer lists its sources; a briefing names each bullet's publisher and date.
    if (reply.kind === "answer" || !cited.has(i)) facts.push(c.title);
  });
  return facts.map(fold).filter(Boolean);
}

/** Whitespace folded; emphasis and code marks (mrkdwn `*`, `_`, backticks) are styling, not facts. */
const fold = (s: string) => s.replace(/[*_`]/g, "").replace(/\s+/g, " ").trim();

describe("rendering parity across platforms", () => {
  it("the samples cover the main reply kinds", () => {
    expect([...sampleKinds()].sort()).toEqual(
      expect.arrayContaining([
        "about",
        "answer",
        "briefing",
        "digest",
        "help",
        "sources",
        "text",
        "topics",
        "unknown_command",
      ]),
    );
  });

  for (const [platform, visible] of Object.entries(RENDERINGS)) {
    it.each(sampleReplies().map((s) => [s.input.slice(0, 40), s.reply] as const))(
      `${platform} shows every fact of %s`,
      (_input, reply) => {
        const shown = fold(visible(reply));
        const missing = factsOf(reply).filter((fact) => !shown.includes(fact));
        expect(missing).toEqual([]);
      },
    );
  }
});
