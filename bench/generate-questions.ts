/**
 * Varied questions for the latency runs, built by templates from sentences of the library being
 * asked (so many are answerable) and from off-topic words (so many are not): who, how much, how
 * many, when, where, which and what questions, in the proportions of a real chat channel.
 */

import type { Library } from "../src/knowledge/library.js";
import { STOP_WORDS } from "../src/knowledge/text-terms.js";
import { createRng, type Rng } from "./prng.js";
import { OFF_TOPIC_NAMES, OFF_TOPIC_WORDS } from "./vocabulary.js";

interface Material {
  /** Lower-case content words of the sentence, in order. */
  words: string[];
  /** Capitalised words after the first: names. */
  names: string[];
  /** Figures and sums ("64", "£21m"). */
  figures: string[];
}

const STRIP = /^[("“‘'"[]+|[)"”’'"\],.;:!?]+$/g;

function materialOf(sentence: string): Material {
  const tokens = sentence
    .split(/\s+/)
    .map((t) => t.replace(STRIP, "").replace(/['’]s$/, ""))
    .filter(Boolean);
  const words: string[] = [];
  const names: string[] = [];
  const figures: string[] = [];
  tokens.forEach((t, i) => {
    if (/^[£$]?\d/.test(t)) figures.push(t);
    else if (i > 0 && /^\p{Lu}/u.test(t) && t.length > 1) names.push(t);
    else if (/^\p{Ll}[\p{L}-]{2,}$/u.test(t) && !STOP_WORDS.has(t)) words.push(t);
  });
  return { words, names, figures };
}

type Template = (m: Material, rng: Rng) => string | null;

/** A run of 1-3 neighbouring content words: "lung cancer", "ai tools". */
function phrase(m: Material, rng: Rng, max = 3): string | null {
  if (m.words.length === 0) return null;
  const start = rng.int(0, m.words.length - 1);
  return m.words.slice(start, start + rng.int(1, max)).join(" ");
}

const TEMPLATES: Template[] = [
  (m, r) => (phrase(m, r) ? `How much ${phrase(m, r)} funding is going to ${phrase(m, r, 2)}?` : null),
  (m, r) => (m.figures[0] ? `How much was the ${phrase(m, r, 2) ?? "investment"} worth?` : null),
  (m, r) => (phrase(m, r) ? `How many ${phrase(m, r, 2)} are there in the ${phrase(m, r, 2)}?` : null),
  (m, r) => (phrase(m, r) ? `Who is leading the ${phrase(m, r)}?` : null),
  (m) => (m.names.length >= 2 ? `Who is ${m.names[0]} ${m.names[1]}?` : null),
  (m, r) => (m.names[0] ? `What does ${m.names[0]} say about ${phrase(m, r) ?? "AI"}?` : null),
  (m, r) => (phrase(m, r) ? `When will the ${phrase(m, r)} start?` : null),
  (m, r) => (phrase(m, r) ? `Where is the ${phrase(m, r)} being rolled out?` : null),
  (m, r) => (phrase(m, r) ? `What is the ${phrase(m, r)}?` : null),
  (m, r) => (phrase(m, r) ? `Which ${phrase(m, r, 1)} did the ${m.names[0] ?? "government"} mention?` : null),
  (m, r) => (phrase(m, r) ? `What kinds of ${phrase(m, r, 2)} does the ${phrase(m, r, 2)} need?` : null),
  (m, r) => (phrase(m, r) ? `How can ${phrase(m, r, 2)} help with ${phrase(m, r, 2)}?` : null),
  (m, r) => (phrase(m, r) ? `${phrase(m, r)}?` : null),
];

/** Material with nothing from the library: questions the bot should decline. */
function offTopic(rng: Rng, keepOne: Material | null): Material {
  const words = Array.from({ length: rng.int(2, 4) }, () => rng.pick(OFF_TOPIC_WORDS));
  // Half mix in one real word of the library, the hard case: a near miss.
  if (keepOne?.words.length && rng.chance(0.5)) words.splice(1, 0, rng.pick(keepOne.words));
  const names = rng.pick(OFF_TOPIC_NAMES).split(" ");
  return { words, names: names.length >= 2 ? names : [names[0] ?? "Tesla", "Group"], figures: ["2031"] };
}

/** A library's sentences (not its headings), which the questions are made from. */
export function sentencesOf(library: Library): string[] {
  return library
    .all()
    .flatMap((d) => d.passages)
    .filter((p) => !p.heading)
    .map((p) => p.text);
}

/**
 * `count` questions from the given sentences: about two in three from a sentence, the rest
 * off-topic. Deterministic for a seed.
 */
export function generateQuestions(sentences: readonly string[], count: number, seed: number): string[] {
  const rng = createRng(seed);
  const out: string[] = [];
  while (out.length < count) {
    const source = materialOf(rng.pick(sentences));
    const material = rng.chance(0.65) ? source : offTopic(rng, source);
    const question = rng.pick(TEMPLATES)(material, rng);
    if (question) out.push(question.charAt(0).toUpperCase() + question.slice(1));
  }
  return out;
}
