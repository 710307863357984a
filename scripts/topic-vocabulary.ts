/**
 * Which features the topic model may learn from: words a topic is about, never who wrote a story
 * or which outlet ran it. Two rules, both computed from the training articles themselves (no list
 * of names anywhere):
 *
 * - **Spread**: a feature is kept only if it occurs in at least `MIN_ARTICLES` articles from at
 *   least `MIN_PUBLISHERS` different publishers. A word one outlet or one story uses (its house
 *   name, a quoted spokesperson) says who wrote, not what about.
 * - **Names**: a word the training text writes capitalised mid-sentence in (nearly) every
 *   occurrence is a name (a person, a place, a company) and is dropped, with every pair it is in.
 *   Capitalised means written as a name is: an upper-case letter then lower-case ones. An
 *   abbreviation in capitals (MHRA, CQC, EPR) is not name-shaped and is judged by spread alone.
 *
 * The words of the taxonomy's definitions are kept whatever the spread: they are the priors.
 */

import { splitSentences } from "../src/knowledge/split-sentences.js";
import { termFor } from "../src/knowledge/text-terms.js";
import { type FeatureCounts, LEAD_WORD } from "../src/knowledge/topic-model.js";

export const MIN_ARTICLES = 4;
export const MIN_PUBLISHERS = 3;
/** Share of mid-sentence occurrences written capitalised at which a word counts as a name. */
const NAME_SHARE = 0.9;

/** How often each index term is written mid-sentence, and how often capitalised. */
export interface Casing {
  capitalised: number;
  total: number;
}

/** Words as the index reads them: letters, with inner apostrophes and hyphens (split below). */
const WORD = /[\p{L}][\p{L}\p{N}]*(?:['’]\p{L}+)*(?:[-–][\p{L}\p{N}]+)*/gu;
const NAME_SHAPED = /^\p{Lu}\p{Ll}/u;
/** A word right after one of these starts a clause or a quotation: its capital says nothing. */
const OPENER = /[:"“‘'([]\s*$/;

/**
 * How each term is written in the middle of sentences of `paragraphs`. The first word of a
 * sentence and of a quotation is skipped, and so is a heading-like line (most of its words
 * capitalised, as menus and title-case subheads are).
 */
export function countCasing(paragraphs: Iterable<string>, into = new Map<string, Casing>()): Map<string, Casing> {
  for (const paragraph of paragraphs) {
    for (const { text } of splitSentences(paragraph)) {
      const words = [...text.matchAll(WORD)];
      const capitals = words.filter((w) => /^\p{Lu}/u.test(w[0])).length;
      if (words.length === 0 || capitals / words.length > 0.6) continue;
      words.forEach((match, i) => {
        if (i === 0 || OPENER.test(text.slice(0, match.index))) return;
        const raw = match[0].replace(/['’]s$/, "");
        for (const part of raw.split(/[-–]/).filter(Boolean)) {
          const term = termFor(part.toLowerCase());
          const casing = into.get(term) ?? { capitalised: 0, total: 0 };
          casing.total++;
          if (NAME_SHAPED.test(part)) casing.capitalised++;
          into.set(term, casing);
        }
      });
    }
  }
  return into;
}

/** Terms written capitalised in at least `share` of their mid-sentence occurrences. */
export function nameTerms(casing: ReadonlyMap<string, Casing>, share = NAME_SHARE): Set<string> {
  return new Set([...casing].filter(([, c]) => c.capitalised >= share * c.total).map(([term]) => term));
}

/** A feature naming someone or somewhere: a name term, or a pair with one in it. */
function isNameFeature(feature: string, names: ReadonlySet<string>): boolean {
  return feature
    .replace(LEAD_WORD, "")
    .split(" ")
    .some((word) => names.has(word));
}

/** One training article as the vocabulary sees it. */
interface VocabularySource {
  features: FeatureCounts;
  publisher: string;
  paragraphs: readonly string[];
}

/**
 * The features a model fitted on `sources` may use: spread over enough articles and publishers
 * and not a name, plus every feature of the topic definitions (`priors`). Sorted.
 */
export function chooseVocabulary(sources: readonly VocabularySource[], priors: readonly FeatureCounts[]): string[] {
  const articles = new Map<string, number>();
  const publishers = new Map<string, Set<string>>();
  const casing = new Map<string, Casing>();
  for (const source of sources) {
    countCasing(source.paragraphs, casing);
    for (const feature of source.features.keys()) {
      articles.set(feature, (articles.get(feature) ?? 0) + 1);
      const outlets = publishers.get(feature) ?? new Set<string>();
      outlets.add(source.publisher);
      publishers.set(feature, outlets);
    }
  }
  const names = nameTerms(casing);
  const kept = new Set(
    [...articles]
      .filter(
        ([feature, n]) =>
          n >= MIN_ARTICLES && (publishers.get(feature)?.size ?? 0) >= MIN_PUBLISHERS && !isNameFeature(feature, names),
      )
      .map(([feature]) => feature),
  );
  for (const prior of priors) for (const feature of prior.keys()) kept.add(feature);
  return [...kept].sort();
}
