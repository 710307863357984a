/**
 * What a person typed in Teams, read once, here: the activity's HTML-ish text becomes plain text
 * and the one grammar reads the command from it. The bot's `<at>…</at>` mention is removed
 * (Teams puts it wherever it was typed), other mentions too, other tags dropped, the few entities
 * Teams sends decoded, spaces folded.
 *
 * A link becomes its real address: Teams sends a typed URL as `<a href="http://example.org/feed.xml">example.org/feed.xml</a>`,
 * and the label alone would lose the scheme (`sources add` would then refuse it). A label that
 * says something else is kept before the address: "NHS login (https://evil.example)".
 */

import type { Activity } from "botbuilder";
import { type Command, parseCommand } from "../../src/index.js";

const ANCHOR = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>([^<]*)<\/a\s*>/gi;

/**
 * The command a Teams message asks for; null for a message with no text at all (an image, a card).
 * Text that reads as no words (only the mention, or markup) asks for help, as it does in Slack:
 * the person said something to the bot and should get an answer.
 */
export function parseTeamsActivity(activity: Partial<Activity>): Command | null {
  if (typeof activity.text !== "string" || !activity.text.trim()) return null;
  return parseCommand(plainTeamsText(activity));
}

/** The activity's text with its markup read: plain words and addresses. */
export function plainTeamsText(activity: Partial<Activity>): string {
  let text = activity.text ?? "";
  const botId = activity.recipient?.id;
  for (const entity of activity.entities ?? []) {
    const mention = entity as { type?: string; mentioned?: { id?: string }; text?: string };
    if (mention.type === "mention" && mention.mentioned?.id === botId && mention.text)
      text = text.split(mention.text).join(" ");
  }
  return decodeEntities(
    text
      .replace(/<at>[^<]*<\/at>/gi, " ")
      .replace(ANCHOR, (_, double: string | undefined, single: string | undefined, label: string) =>
        linkText(double ?? single ?? "", label),
      )
      .replace(/<[^>]*>/g, " "),
  )
    .replace(/\s+/g, " ")
    .trim();
}

/** The address, with the label before it only when the label is not just the address shown shorter. */
function linkText(url: string, label: string): string {
  const bare = (text: string) =>
    decodeEntities(text)
      .trim()
      .replace(/^[a-z][a-z0-9+.-]*:\/\//i, "")
      .replace(/\/$/, "");
  if (!/^https?:\/\//i.test(url)) return label;
  if (!label.trim() || bare(label) === bare(url)) return ` ${url} `;
  return ` ${label} (${url}) `;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
