/**
 * One grammar for everything typed to the bot, whether after `/nhsai` in Slack, to the bot in
 * Teams or at the terminal prompt:
 *
 *   help | topics | sources | sources add|remove <feed-url> | about | digest [topic] | ask <question>
 *   | <topic> [all] | <question> | subscribe [schedule] | unsubscribe | schedule
 *
 * Platform markup is read before this, once, by each adapter's parse.ts: what arrives here is plain text.
 *
 * A short input that is a near miss of a command or topic ("fundng") is not sent to the answer
 * engine as a question: it gets "did you mean `funding`?". Input is neutralised first, is
 * refused above a length limit, and parsing never throws.
 */

import { findTopic, TOPICS, type TopicId } from "../knowledge/topics.js";
import { editDistance, typoTolerance } from "./edit-distance.js";
import { neutraliseInput } from "./neutralise-input.js";

/** The longest input read, in characters: a question in chat is a sentence or two. */
export const MAX_INPUT_LENGTH = 500;

/**
 * What was asked, whole: a Command alone says it (a question's or an intent's words are in it), so
 * the facade needs nothing else of the typed text.
 */
export type Command =
  /** `said`: the words, when another word than "help" asked for it ("hi", "hello"): maybe a greeting. */
  | { kind: "help"; said?: string }
  | { kind: "topics" }
  | { kind: "sources" }
  /** `sources add <feed-url>` / `sources remove <feed-url>`: admins only (BriefingService checks). */
  | { kind: "sources_change"; action: "add" | "remove"; url: string }
  | { kind: "about" }
  | { kind: "digest"; topic: TopicId | null }
  | { kind: "briefing"; topic: TopicId; all: boolean }
  | { kind: "ask"; question: string }
  | { kind: "unknown"; input: string; suggestion: string | null }
  /** `digest <word>` where the word names no topic: said so, with the topics there are. */
  | { kind: "unknown_topic"; word: string; suggestion: string | null }
  | { kind: "too_long"; length: number; limit: number }
  /** `schedule`: the words after `subscribe`, read by src/schedules/parse-schedule.ts. */
  | { kind: "subscribe"; schedule: string }
  | { kind: "unsubscribe" }
  | { kind: "schedule" };

type Keyword = "help" | "topics" | "sources" | "about" | "digest" | "ask" | "subscribe" | "unsubscribe" | "schedule";

const KEYWORDS: Record<string, Keyword> = {
  help: "help",
  "?": "help",
  commands: "help",
  hello: "help",
  hi: "help",
  topics: "topics",
  topic: "topics",
  sources: "sources",
  source: "sources",
  articles: "sources",
  about: "about",
  digest: "digest",
  briefing: "digest",
  ask: "ask",
  subscribe: "subscribe",
  unsubscribe: "unsubscribe",
  schedule: "schedule",
  schedules: "schedule",
};

/** Every word or phrase that names a command or a topic, with what to suggest for it. */
const VOCABULARY: [string, string][] = [
  ...Object.keys(KEYWORDS)
    .filter((k) => k.length > 3)
    .map((k): [string, string] => [k, k]),
  ...TOPICS.flatMap((t) => [t.id, ...t.aliases].map((name): [string, string] => [name, t.id])),
];

/** Parses one message of plain text (no platform markup); never throws. */
export function parseCommand(raw: string): Command {
  if (raw.length > MAX_INPUT_LENGTH * 4) return { kind: "too_long", length: raw.length, limit: MAX_INPUT_LENGTH };
  const input = neutraliseInput(raw)
    .replace(/^\/?nhsai\b:?\s*/i, "")
    .trim();
  if (input.length > MAX_INPUT_LENGTH) return { kind: "too_long", length: input.length, limit: MAX_INPUT_LENGTH };
  if (!input) return { kind: "help" };

  const [first = "", ...others] = input.split(" ");
  const rest = others.join(" ");
  const head = first.toLowerCase().replace(/[!.:,]+$/, "");
  const keyword = KEYWORDS[head];
  if (keyword === "ask") return { kind: "ask", question: rest };
  if (keyword === "digest") return digestCommand(rest);
  if (keyword === "subscribe") return { kind: "subscribe", schedule: rest };
  if ((keyword === "unsubscribe" || keyword === "schedule") && rest === "") return { kind: keyword };
  // "help me" is help; "hello, who wrote…" and "sources for the £21m?" read on as questions.
  if (keyword === "help" && (rest === "" || head === "help"))
    return head === "help" ? { kind: "help" } : { kind: "help", said: input };
  if ((keyword === "topics" || keyword === "sources" || keyword === "about") && rest === "") return { kind: keyword };
  const change = keyword === "sources" ? /^(add|follow|remove|delete|unfollow)\s+(\S+)$/i.exec(rest) : null;
  if (change)
    return {
      kind: "sources_change",
      action: /^(add|follow)$/i.test(change[1] ?? "") ? "add" : "remove",
      url: change[2] ?? "",
    };

  const briefing = topicCommand(input);
  if (briefing) return briefing;
  const suggestion = looksLikeCommand(input) ? nearestCommand(input) : null;
  if (suggestion) return { kind: "unknown", input, suggestion };
  return { kind: "ask", question: input };
}

function digestCommand(rest: string): Command {
  if (!rest) return { kind: "digest", topic: null };
  const topic = findTopic(stripPunctuation(rest));
  if (topic) return { kind: "digest", topic: topic.id };
  const near = nearestTopic(rest);
  return { kind: "unknown_topic", word: stripPunctuation(rest), suggestion: near ? `digest ${near}` : null };
}

/** "funding", "cyber", "digital infrastructure", "funding all". */
function topicCommand(input: string): Command | null {
  const text = stripPunctuation(input);
  const whole = findTopic(text);
  if (whole) return { kind: "briefing", topic: whole.id, all: false };
  const all = /^(.+?)\s+(all|more)$/i.exec(text);
  const topic = all?.[1] ? findTopic(all[1]) : undefined;
  return topic ? { kind: "briefing", topic: topic.id, all: true } : null;
}

/** One or two words, no question: what a command looks like, not a question. */
function looksLikeCommand(input: string): boolean {
  return !input.includes("?") && input.split(" ").length <= 2;
}

function nearestCommand(input: string): string | null {
  return nearest(stripPunctuation(input).toLowerCase(), VOCABULARY);
}

function nearestTopic(input: string): string | null {
  return nearest(
    stripPunctuation(input).toLowerCase(),
    VOCABULARY.filter(([, target]) => TOPICS.some((t) => t.id === target)),
  );
}

function nearest(word: string, vocabulary: [string, string][]): string | null {
  const tolerance = typoTolerance(word.length);
  if (tolerance === 0) return null;
  let best: { target: string; distance: number } | null = null;
  for (const [name, target] of vocabulary) {
    if (Math.abs(name.length - word.length) > tolerance) continue;
    const distance = editDistance(word, name);
    if (distance <= tolerance && (!best || distance < best.distance)) best = { target, distance };
  }
  return best?.target ?? null;
}

function stripPunctuation(text: string): string {
  return text.replace(/^[\s"'“‘]+|[\s"'”’.!?:,]+$/g, "");
}
