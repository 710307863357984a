/**
 * The few Block Kit shapes nhsai posts, and Slack's limits for them. A narrow union (rather than
 * @slack/types' every block) keeps the limit checks exhaustive; each shape is a valid KnownBlock.
 */

interface TextObject {
  type: "mrkdwn" | "plain_text";
  text: string;
  emoji?: boolean;
}

export interface Button {
  type: "button";
  action_id: string;
  text: { type: "plain_text"; text: string; emoji: true };
  value: string;
  style?: "primary";
}

export type SlackBlock =
  | { type: "header"; text: { type: "plain_text"; text: string; emoji: true } }
  | { type: "section"; text: TextObject }
  | { type: "context"; elements: TextObject[] }
  | { type: "divider" }
  | { type: "actions"; block_id?: string; elements: Button[] };

/** One message as chat.postMessage, response_url or an ack takes it: blocks plus the plain fallback. */
export interface SlackMessage {
  /** Notifications and screen readers; never empty, at most FALLBACK_LIMIT characters. */
  text: string;
  blocks: SlackBlock[];
}

/** Slack's documented limits, and a conservative total (messages have been refused near 11,000-13,000). */
export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3_000,
  contextText: 2_000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2_000,
  totalText: 10_000,
  fallbackText: 4_000,
  /** response_url takes at most five posts, so a reply is at most five messages. */
  messagesPerReply: 5,
} as const;

/** Characters of text a block carries, as counted against the message budget. */
export function textLength(block: SlackBlock): number {
  switch (block.type) {
    case "header":
    case "section":
      return block.text.text.length;
    case "context":
      return block.elements.reduce((n, e) => n + e.text.length, 0);
    case "divider":
      return 0;
    case "actions":
      return block.elements.reduce((n, e) => n + e.text.text.length, 0);
    default: {
      const unreachable: never = block;
      throw new Error(`unknown block ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * Cuts escaped text to at most `max` characters, preferring a line end or a space, never inside
 * an entity (`&amp;`), adding "…" when it cut.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${splitAt(text, max - 1)[0].trimEnd()}…`;
}

/** Splits escaped text into pieces of at most `max` characters, at line ends or spaces when it can. */
export function chunk(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const [head, tail] = splitAt(rest, max);
    pieces.push(head.trimEnd());
    rest = tail.trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

function splitAt(text: string, max: number): [string, string] {
  const window = text.slice(0, max);
  let cut = window.lastIndexOf("\n");
  if (cut < max / 2) cut = window.lastIndexOf(" ");
  if (cut < max / 2) cut = max;
  // Never cut an entity in two: "&am" + "p;" would show as text and lose the ampersand.
  const amp = text.lastIndexOf("&", cut - 1);
  if (amp > 0 && amp >= cut - 4) {
    const entity = /^&(?:amp|lt|gt);/.exec(text.slice(amp, amp + 5));
    if (entity && amp + entity[0].length > cut) cut = amp;
  }
  // Nor a UTF-16 surrogate pair (an emoji split in two is invalid text).
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return [text.slice(0, cut), text.slice(cut)];
}
