/**
 * A topic briefing: what the whole library says about one topic, as short cited facts, newest
 * first. Every passage tagged with the topic is a candidate; a fact is kept when it is squarely
 * about the topic (it names the topic or its everyday words, not just a passing signal), stands on
 * its own, is short enough for a bullet and is not page furniture. Numbered section headings that
 * make a claim ("2. Fund the change, not just the tech") count, without their number.
 */

import type { Library, Passage } from "../knowledge/library.js";
import { mentionsMoney } from "../knowledge/money.js";
import { tokenize } from "../knowledge/text-terms.js";
import { TOPICS, type Topic, type TopicId } from "../knowledge/topics.js";
import { publishedSpan } from "./dates.js";
import { isPageChrome } from "./page-chrome.js";
import { standsAlone, tidy, wordCount } from "./pick-key-sentences.js";

export interface TopicFact {
  /** The sentence as quoted: verbatim, white space tidied, a heading's list number dropped. */
  text: string;
  passage: Passage;
  score: number;
}

export interface TopicBriefing {
  topic: Topic;
  /** The facts shown, newest document first and in reading order within a document. */
  facts: TopicFact[];
  /** How many facts the library holds on the topic, shown or not. */
  total: number;
  /** How many documents those facts come from. */
  documents: number;
}

export interface TopicBriefingOptions {
  /** Facts shown at most (default 8). */
  limit?: number;
  /** Facts from one document at most (default 3), so one long article does not fill the briefing. */
  perDocument?: number;
}

const MIN_SCORE = 0.55;
const MAX_WORDS = 50;

/** The briefing on `topicId` from everything in `library`. */
export function topicBriefing(library: Library, topicId: TopicId, options: TopicBriefingOptions = {}): TopicBriefing {
  const topic = TOPICS.find((t) => t.id === topicId);
  if (!topic) throw new RangeError(`unknown topic ${topicId}`);
  const limit = options.limit ?? 8;
  const perDocument = options.perDocument ?? 3;
  const words = topicWords(topic);
  const byDocument = library.all().map((entry) => ({
    entry,
    start: publishedSpan(entry.document.published)?.start ?? Number.NEGATIVE_INFINITY,
    facts: entry.passages.flatMap((p) => factFrom(p, topic, words)),
  }));
  const withFacts = byDocument.filter((d) => d.facts.length > 0).sort((a, b) => b.start - a.start);
  const total = withFacts.reduce((sum, d) => sum + d.facts.length, 0);
  const capped = withFacts.flatMap((d) =>
    [...d.facts]
      .sort((a, b) => b.score - a.score)
      .slice(0, perDocument)
      .sort((a, b) => a.passage.id - b.passage.id),
  );
  return { topic, facts: capped.slice(0, limit), total, documents: withFacts.length };
}

/** Topics with at least one fact in the library, in taxonomy order. */
export function topicsWithNews(library: Library): TopicId[] {
  return TOPICS.filter((t) => topicBriefing(library, t.id, { limit: 1 }).total > 0).map((t) => t.id);
}

interface TopicWords {
  /** The topic's name and the words people call it by: a passage using these is about it. */
  strong: Set<string>;
  /** Its other signals: enough to tag a passage, weaker evidence of a fact about it. */
  weak: Set<string>;
}

/** Words in nearly every passage of an NHS AI library: they say nothing about which topic. */
const GENERIC = new Set(
  tokenize("ai artificial intelligence nhs digital tech technology technologies health care people system systems").map(
    (t) => t.term,
  ),
);

function topicWords(topic: Topic): TopicWords {
  const termsOf = (phrases: readonly string[]) =>
    phrases.flatMap((s) => tokenize(s).map((t) => t.term)).filter((t) => !GENERIC.has(t));
  const weak = new Set(termsOf(topic.signals));
  const strong = new Set(termsOf([topic.id, topic.label, ...topic.aliases]).filter((t) => t !== "clinic"));
  for (const t of strong) weak.delete(t);
  return { strong, weak };
}

function factFrom(passage: Passage, topic: Topic, words: TopicWords): TopicFact[] {
  if (!passage.topics.includes(topic.id)) return [];
  const text = tidy(passage.heading ? passage.text.replace(/^\d{1,2}\.\s*/, "") : passage.text);
  const length = wordCount(text);
  if (length < (passage.heading ? 4 : 6) || length > MAX_WORDS) return [];
  if (isPageChrome(text, passage.document)) return [];
  const score = factScore(text, passage.heading, topic, words);
  return score >= MIN_SCORE ? [{ text, passage, score }] : [];
}

/**
 * How squarely `text` states something about the topic: its words (the topic's own names count
 * most; "non-clinical" is not clinical), figures, and whether it reads alone. Headings of an
 * explainer are its key points; quotes and lists of names are weaker evidence.
 */
function factScore(text: string, heading: boolean, topic: Topic, words: TopicWords): number {
  const terms = new Set(tokenize(text.replace(/\bnon-[\p{L}]+/giu, " ")).map((t) => t.term));
  const strong = [...terms].filter((t) => words.strong.has(t)).length;
  const weak = [...terms].filter((t) => words.weak.has(t)).length;
  const money = topic.id === "funding" && mentionsMoney(text);
  const aboutness = Math.min(1, 0.55 * strong + 0.3 * weak + (money ? 0.5 : 0));
  const figures = /\b\d[\d,.]*\b/.test(text) ? 0.15 : 0;
  let factor = standsAlone(text) * (heading ? 1.35 : 1);
  if (wordCount(text) > 35) factor *= 0.85;
  if (/[“”"]/.test(text)) factor *= 0.8;
  if (nameHeavy(text)) factor *= 0.6;
  return (aboutness + figures) * factor;
}

/** Mostly capitalised words after the first: a list of people and organisations, not a fact. */
function nameHeavy(text: string): boolean {
  const words = text.split(/\s+/).slice(1);
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return words.length > 0 && capitalised / words.length > 0.4;
}
