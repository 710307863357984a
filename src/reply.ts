/**
 * The one reply model every face of the bot renders: the terminal, Slack (Block Kit) and Teams
 * (Adaptive Cards). Plain data, tagged by `kind`; no mrkdwn, HTML, Block Kit or card syntax ever
 * appears here. Text is held as runs (plain, emphasised, a command to type, a link), so each
 * renderer escapes and styles it in its own way.
 */

import type { Answer, Citation } from "./answers/answer.js";
import type { Digest } from "./briefings/digest.js";
import type { TopicId } from "./knowledge/topics.js";

/** A piece of inline text. */
export type Run =
  | { type: "text"; text: string; style?: "strong" | "subtle" }
  /** Something the user can type to the bot, e.g. `funding`. */
  | { type: "command"; text: string }
  | { type: "link"; text: string; url: string };

/** One bullet; `citation` indexes the reply's `citations` when the bullet quotes a source. */
export interface BulletItem {
  runs: Run[];
  citation: number | null;
}

export type Block =
  | { type: "paragraph"; runs: Run[] }
  /** Small print under a paragraph or heading: source, date, topics. */
  | { type: "note"; runs: Run[] }
  | { type: "bullets"; items: BulletItem[] };

export interface Section {
  heading: Run[] | null;
  blocks: Block[];
}

/** A source quoted in the reply: the `ask --json` citation plus its date as people read it. */
export interface ReplyCitation extends Citation {
  /** "2 July 2024", "October 2023", "2023", "date not stated", or in a digest "added 3 December 2026". */
  publishedLabel: string;
}

/** A button or follow-up the platform may offer; the terminal shows only `show_more`, as a hint. */
export type Action =
  | { type: "show_more"; label: string; command: string }
  | { type: "share"; label: string }
  | { type: "feedback"; label: string; value: "helpful" | "not_helpful" };

interface ReplyParts {
  title: string;
  sections: Section[];
  citations: ReplyCitation[];
  actions: Action[];
}

export type AnswerReply = ReplyParts & {
  kind: "answer";
  question: string;
  abstained: boolean;
  confidence: number;
  /** Why the engine declined, when it did (a clinical question is refused, not merely unanswered). */
  reason?: Answer["reason"];
};
export type BriefingReply = ReplyParts & { kind: "briefing"; topic: TopicId; shown: number; total: number };
export type DigestReply = ReplyParts & { kind: "digest"; digest: Digest };
export type HelpReply = ReplyParts & { kind: "help" };
export type TopicsReply = ReplyParts & { kind: "topics" };
export type SourcesReply = ReplyParts & { kind: "sources" };
export type AboutReply = ReplyParts & { kind: "about" };
/** A topic (or digest) with nothing in the library: says so and lists topics that have news. */
export type NoMatchReply = ReplyParts & { kind: "no_match"; topic: TopicId; suggestions: TopicId[] };
/** Input that looked like a command but is not one; `suggestion` is the nearest real one. */
export type UnknownCommandReply = ReplyParts & { kind: "unknown_command"; input: string; suggestion: string | null };
/** A short message, e.g. input over the length limit. */
export type TextReply = ReplyParts & { kind: "text" };

export type Reply =
  | AnswerReply
  | BriefingReply
  | DigestReply
  | HelpReply
  | TopicsReply
  | SourcesReply
  | AboutReply
  | NoMatchReply
  | UnknownCommandReply
  | TextReply;

export type ReplyKind = Reply["kind"];

/** A plain run. */
export const text = (value: string, style?: "strong" | "subtle"): Run =>
  style ? { type: "text", text: value, style } : { type: "text", text: value };

/** A command the user can type. */
export const command = (value: string): Run => ({ type: "command", text: value });

/** A link when the URL is known, else plain text. */
export const link = (value: string, url: string | null): Run =>
  url ? { type: "link", text: value, url } : text(value);

export const paragraph = (...runs: Run[]): Block => ({ type: "paragraph", runs });
export const note = (...runs: Run[]): Block => ({ type: "note", runs });

/**
 * The bot's own messages mark commands with backticks ("try `help`"); this turns them into
 * command runs. Only for text the bot wrote: article text is never parsed.
 */
export function runsFromMessage(message: string): Run[] {
  return message
    .split(/(`[^`\n]+`)/)
    .filter((part) => part.length > 0)
    .map((part) => (/^`[^`]+`$/.test(part) ? command(part.slice(1, -1)) : text(part)));
}

/** The runs' text with no styling: for fallbacks, logs and tests. */
export function plainRuns(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join("");
}
