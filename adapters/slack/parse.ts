/**
 * What a person typed in Slack, read once, here: Slack's markup becomes plain text and the one
 * grammar reads the command from it. Mentions (`<@U1>`, `<@U1|alice>`) become the name they show
 * or nothing, a channel (`<#C1|general>`) its name, a user group (`<!subteam^S1|@nurses>`) its
 * name; broadcasts (`<!channel>`, `<!here>`, `<!everyone>`) vanish; entities are decoded.
 *
 * A link becomes its real address: Slack turns a typed URL into `<http://example.org/feed.xml|example.org/feed.xml>`,
 * and the label alone would lose the scheme (`sources add` would then refuse "example.org/feed.xml").
 * A label that says something else is kept before the address: "NHS login (https://evil.example)".
 */

import { type Command, parseCommand, redactNhsNumbers } from "../../src/index.js";
import { decodeText } from "./escape-text.js";

const MARKUP = /<([^<>]*)>/g;
const BROADCAST = /^!(channel|here|everyone)$/i;

/** What a Slack message says: its plain text (what Share in channel repeats) and the command it asks for. */
export interface SlackTyped {
  text: string;
  command: Command;
}

export function parseSlackText(slackText: string): SlackTyped {
  // The text rides on the Share button and is posted again: no NHS number in it.
  const text = redactNhsNumbers(plainSlackText(slackText));
  return { text, command: parseCommand(text) };
}

/** Slack's text with its markup read: plain words and addresses, spaces folded. */
export function plainSlackText(slackText: string): string {
  const plain = slackText.replace(MARKUP, (_, inner: string) => {
    const bar = inner.indexOf("|");
    const target = bar === -1 ? inner : inner.slice(0, bar);
    const label = bar === -1 ? "" : inner.slice(bar + 1);
    if (/^[@#!]/.test(target)) return BROADCAST.test(target) ? "" : label.replace(/^[@#]/, "");
    if (/^mailto:/i.test(target)) return label || target.slice("mailto:".length);
    return linkText(target, label);
  });
  return decodeText(plain).replace(/\s+/g, " ").trim();
}

/** The address, with the label before it only when the label is not just the address shown shorter. */
function linkText(url: string, label: string): string {
  const bare = (text: string) => text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/\/$/, "");
  if (!label || bare(label) === bare(url)) return url;
  return `${label} (${url})`;
}
