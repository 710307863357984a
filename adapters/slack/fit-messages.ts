/**
 * Keeps a rendered reply inside Slack's limits: at most 50 blocks and a conservative 10,000
 * characters of text per message, at most five messages per reply (response_url's budget), the
 * buttons on the last one, and a "more" line where the reply had to be cut.
 */

import { clip, LIMITS, type SlackBlock, type SlackMessage, textLength } from "./block-kit.js";

const MORE: SlackBlock = {
  type: "context",
  elements: [{ type: "mrkdwn", text: "_This reply was too long for Slack, so it stops here._" }],
};

/** `title` is escaped text, the fallback for a message whose blocks carry no text. */
export function fitMessages(content: SlackBlock[], actions: SlackBlock[], title: string): SlackMessage[] {
  const pages = pack(content);
  const last = pages.at(-1) ?? [];
  if (fits([...last, ...actions])) last.push(...actions);
  else pages.push([...actions]);
  if (pages.length > LIMITS.messagesPerReply) {
    const kept = pages.slice(0, LIMITS.messagesPerReply);
    const final = kept[kept.length - 1] ?? [];
    while (final.length > 0 && !fits([...final, MORE, ...actions])) final.pop();
    final.push(MORE, ...actions);
    return kept.map((blocks) => ({ text: fallbackOf(blocks, title), blocks }));
  }
  return pages.filter((blocks) => blocks.length > 0).map((blocks) => ({ text: fallbackOf(blocks, title), blocks }));
}

function pack(blocks: SlackBlock[]): SlackBlock[][] {
  const pages: SlackBlock[][] = [[]];
  for (const block of blocks) {
    const page = pages[pages.length - 1] as SlackBlock[];
    // A divider never starts a message, and never ends one.
    if (!fits([...page, block])) {
      while (page.at(-1)?.type === "divider") page.pop();
      pages.push(block.type === "divider" ? [] : [block]);
    } else if (!(page.length === 0 && block.type === "divider")) page.push(block);
  }
  return pages;
}

function fits(blocks: SlackBlock[]): boolean {
  return blocks.length <= LIMITS.blocksPerMessage && blocks.reduce((n, b) => n + textLength(b), 0) <= LIMITS.totalText;
}

/** The message's text without Block Kit: what notifications and screen readers get. */
function fallbackOf(blocks: SlackBlock[], title: string): string {
  const texts = blocks.flatMap((b) =>
    b.type === "header" || b.type === "section"
      ? [b.text.text]
      : b.type === "context"
        ? b.elements.map((e) => e.text)
        : [],
  );
  const text = texts.join("\n").trim();
  return clip(text || title || "nhsai", LIMITS.fallbackText - 1_000);
}
