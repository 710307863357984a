/** Teams' markup read once, in the adapter: what reaches the core is plain text and a Command. */

import { describe, expect, it } from "vitest";
import { parseTeamsActivity, plainTeamsText } from "../../adapters/teams/parse.js";

const BOT = { id: "28:bot", name: "nhsai" };
const said = (text: string, mentioned = false) => ({
  text,
  recipient: BOT,
  entities: mentioned ? [{ type: "mention", text: "<at>nhsai</at>", mentioned: BOT }] : [],
});

describe("plainTeamsText", () => {
  it.each([
    ["<at>nhsai</at> what is &lt;b&gt; &amp;&nbsp;this?", "what is <b> & this?"],
    ["ask <at>Alice</at> about <b>funding</b>", "ask about funding"],
    ['see <a href="https://evil.example">NHS login</a>', "see NHS login (https://evil.example)"],
    ['read <a href="https://x.example/a?b=1&amp;c=2">x.example/a?b=1&amp;c=2</a>', "read https://x.example/a?b=1&c=2"],
    ['<a href="javascript:alert(1)">click</a> here', "click here"],
  ])("%j reads as %j", (text, plain) => {
    expect(plainTeamsText(said(text, text.startsWith("<at>nhsai")))).toBe(plain);
  });
});

describe("parseTeamsActivity", () => {
  it("reads a typed feed URL, which Teams sends as a link labelled without its scheme, as the http URL", () => {
    const typed = 'sources add <a href="http://example.org/feed.xml">example.org/feed.xml</a>';
    expect(parseTeamsActivity(said(typed))).toEqual({
      kind: "sources_change",
      action: "add",
      url: "http://example.org/feed.xml",
    });
  });

  it("reads the bot's mention away: `<at>nhsai</at> funding` is the funding briefing", () => {
    expect(parseTeamsActivity(said("<at>nhsai</at> funding", true))).toEqual({
      kind: "briefing",
      topic: "funding",
      all: false,
    });
  });

  it("answers a message of no words (only the mention, or markup) with help, as Slack does", () => {
    expect(parseTeamsActivity(said("<at>nhsai</at>", true))).toEqual({ kind: "help" });
    expect(parseTeamsActivity(said("<at>nhsai</at> <b></b>", true))).toEqual({ kind: "help" });
  });

  it("has no command for a message with no text at all (an image, a card)", () => {
    expect(parseTeamsActivity(said("", false))).toBeNull();
  });
});
