/** Slack's markup read once, in the adapter: what reaches the core is plain text and a Command. */

import { describe, expect, it } from "vitest";
import { parseSlackText, plainSlackText } from "../../adapters/slack/parse.js";

describe("plainSlackText", () => {
  it.each([
    ["<@UBOT> what is &lt;b&gt; &amp; this?", "what is <b> & this?"],
    ["<!channel> <!here|here> <!everyone> hi", "hi"],
    ["<@U123> and <@U456|alice> in <#C1|general>", "and alice in general"],
    ["<!subteam^S1|@nurses> look", "nurses look"],
    ["see <https://evil.example|NHS login>", "see NHS login (https://evil.example)"],
    ["read <https://x.example/a?b=1&amp;c=2|x.example/a?b=1&amp;c=2>", "read https://x.example/a?b=1&c=2"],
    ["<https://www.england.nhs.uk/>", "https://www.england.nhs.uk/"],
    ["write to <mailto:ai@nhs.net|ai@nhs.net>", "write to ai@nhs.net"],
  ])("%j reads as %j", (slack, plain) => {
    expect(plainSlackText(slack)).toBe(plain);
  });
});

describe("parseSlackText", () => {
  it("reads a typed feed URL, which Slack sends as a link labelled without its scheme, as the http URL", () => {
    expect(parseSlackText("sources add <http://example.org/feed.xml|example.org/feed.xml>").command).toEqual({
      kind: "sources_change",
      action: "add",
      url: "http://example.org/feed.xml",
    });
  });

  it("reads the bot's mention away: `<@UBOT> funding` is the funding briefing", () => {
    expect(parseSlackText("<@UBOT> funding")).toEqual({
      text: "funding",
      command: { kind: "briefing", topic: "funding", all: false },
    });
  });
});
