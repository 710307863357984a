/**
 * The learned topic model: what a text's features are, and how a trained one-vs-rest logistic
 * regression turns them into topic probabilities. The weights are learned from labelled real
 * articles by scripts/train-topics.ts; this file only reads them, so tagging at ingest is a
 * sparse dot product per topic.
 *
 * Features are the index's stemmed words (stop words and bare numbers dropped), adjacent-word
 * pairs ("data platform", "wait list") and one `#money` feature per sum of money in any currency
 * (money.ts finds them); the headline's and the opening's words once more as `lead:` words.
 * A document's headline counts `titleWeight` times, but a topic must also be supported by the
 * body: one verb in a headline ("secures") cannot file a story alone.
 */

import { moneyPattern } from "./money.js";
import { type Token, tokenize } from "./text-terms.js";

/** The committed model file's shape. Weights are dense, aligned with `features`. */
export interface TopicModelData {
  /**
   * Taxonomy ids in the order of `topics`, each with its own filing threshold: topics differ in
   * how often and how plainly articles speak of them, so one bar for all files some too often.
   */
  topics: { id: string; bias: number; threshold: number; weights: number[] }[];
  features: string[];
  /** Inverse document frequency of each feature, from the training articles. */
  idf: number[];
  /** How many times a headline's features count. */
  titleWeight: number;
  /**
   * How many times the opening's features count (the body's first paragraphs, up to
   * OPENING_WORDS words): a news lead says what a story is about, a later paragraph what it mentions.
   */
  leadWeight: number;
  /**
   * How much of a body is read: its first paragraphs up to about this many words. The training
   * captures are article openings of this length, and a news article's lead says what it is about;
   * a 3,000-word piece read whole would dilute every topic.
   */
  leadWords: number;
  /** The body alone (no headline) must give a topic at least this share of its threshold. */
  bodyShare: number;
  /**
   * A topic beyond the first is filed only within this much of the first's lead over its own
   * threshold (log-odds): a story is about a second topic only when that one is nearly as clear.
   */
  margin: number;
  /**
   * A sentence carries any topic its words lean to by this much more than to the average topic;
   * of its document's topics, any its words lean to at all.
   */
  passageMargin: number;
  /** Topics filed for one document at most. */
  maxTopics: number;
  /** How the model was made: training set sizes and chosen settings, for the record. */
  trainedOn: Record<string, unknown>;
}

/** A document's scores: per topic, its probability with the headline and on the body alone. */
export interface DocumentScores {
  full: number[];
  body: number[];
}

/** Feature counts of a text: a sparse bag of stemmed words, word pairs and sums of money. */
export type FeatureCounts = Map<string, number>;

const MONEY_FEATURE = "#money";
/**
 * A sum of money in the headline or the opening, beside `#money`: money that is the story, not a
 * sum in passing (a contract's value in its fourth paragraph).
 */
const MONEY_IN_LEAD = "#money lead";
/**
 * Prefixes a word of the headline or the opening, beside the word itself: what a story is about,
 * not what it mentions (a regulator named in the lead against one quoted in paragraph six).
 */
export const LEAD_WORD = "lead:";
/** How many words of a body's first paragraphs are its opening. */
const OPENING_WORDS = 40;

/** How a document is read: how much of its body, and how much its headline and opening count. */
export type Reading = Pick<TopicModelData, "titleWeight" | "leadWeight" | "leadWords">;

/**
 * A document's features as the model reads it: the lead (see `leadOf`) with its opening counted
 * `leadWeight` times, and the same with the headline counted `titleWeight` times. The body's own
 * features are kept apart: a topic must be supported by the body, never by the headline alone.
 */
export function documentFeatures(
  title: string,
  paragraphs: readonly string[],
  reading: Reading,
): { withTitle: FeatureCounts; body: FeatureCounts } {
  const body: FeatureCounts = new Map();
  let words = 0;
  for (const text of leadOf(paragraphs, reading.leadWords)) {
    const opening = words < OPENING_WORDS;
    addTextFeatures(text, opening ? reading.leadWeight : 1, body);
    if (opening) {
      addMoneyInLead(text, body);
      addLeadWords(text, body);
    }
    words += text.split(/\s+/).filter(Boolean).length;
  }
  const headline = repeatsOpening(title, paragraphs) ? "" : title;
  const withTitle = addTextFeatures(headline, reading.titleWeight, new Map(body));
  addMoneyInLead(headline, withTitle);
  addLeadWords(headline, withTitle);
  return { withTitle, body };
}

/**
 * A "headline" that is only the body's first sentence, or its first words cut with "…" (what
 * ingest writes for a page that shows none): the model learnt such pages with no headline, and
 * counting their first sentence three times more would make one sentence the story. A short
 * real headline the opening happens to start with ("Virtual wards") is still a headline.
 */
function repeatsOpening(title: string, paragraphs: readonly string[]): boolean {
  if (!/(…|[.!?]["”’)]?)$/.test(title.trim())) return false;
  const words = (text: string) => text.replace(/…$/, "").split(/\s+/).filter(Boolean);
  const heading = words(title);
  const opening = words(paragraphs[0] ?? "");
  return heading.length > 0 && heading.length <= opening.length && heading.every((w, i) => w === opening[i]);
}

function addLeadWords(text: string, into: FeatureCounts): void {
  for (const token of tokenize(text)) if (isWordTerm(token.term)) add(into, `${LEAD_WORD}${token.term}`, 1);
}

function addMoneyInLead(text: string, into: FeatureCounts): void {
  for (const _ of text.matchAll(moneyPattern())) add(into, MONEY_IN_LEAD, 1);
}

/** The opening paragraphs of a body, up to about `words` words (whole paragraphs, at least one). */
function leadOf(paragraphs: readonly string[], words: number): string[] {
  const lead: string[] = [];
  let count = 0;
  for (const text of paragraphs) {
    if (lead.length > 0 && count >= words) break;
    lead.push(text);
    count += text.split(/\s+/).filter(Boolean).length;
  }
  return lead;
}

/** Adds `text`'s features, each counted `weight` times. */
export function addTextFeatures(text: string, weight: number, into: FeatureCounts): FeatureCounts {
  return addTokenFeatures(text, tokenize(text), weight, into);
}

/** `addTextFeatures` for text already tokenized (the library tokenizes each sentence once, for its index). */
export function addTokenFeatures(
  text: string,
  tokens: readonly Token[],
  weight: number,
  into: FeatureCounts,
): FeatureCounts {
  for (const _ of text.matchAll(moneyPattern())) add(into, MONEY_FEATURE, weight);
  let previous: Token | null = null;
  for (const token of tokens) {
    if (!isWordTerm(token.term)) {
      previous = null;
      continue;
    }
    add(into, token.term, weight);
    // A pair spans at most one dropped stop word ("waiting list", "use of AI" → "use ai").
    if (previous && token.position - previous.position <= 2) add(into, `${previous.term} ${token.term}`, weight);
    previous = token;
  }
  return into;
}

/** Numbers and one-letter fragments say nothing about a topic. */
function isWordTerm(term: string): boolean {
  return term.length > 1 && !/^\d/.test(term);
}

function add(into: FeatureCounts, key: string, weight: number): void {
  into.set(key, (into.get(key) ?? 0) + weight);
}

/** A trained model ready to score: feature numbers looked up by name. */
export class TopicModel {
  private readonly featureIndex: Map<string, number>;

  constructor(readonly data: TopicModelData) {
    this.featureIndex = new Map(data.features.map((f, i) => [f, i]));
  }

  get topicIds(): string[] {
    return this.data.topics.map((t) => t.id);
  }

  /** Probability of each topic (in `topicIds` order) for a bag of features. */
  probabilities(counts: FeatureCounts): number[] {
    return this.evidence(counts).map((e, t) => 1 / (1 + Math.exp(-(e + (this.data.topics[t]?.bias ?? 0)))));
  }

  /**
   * The sparse vector the weights apply to: sublinear term frequency times idf, scaled to unit
   * length, so a long article and a short one are on one scale. Unknown features are ignored.
   */
  vectorise(counts: FeatureCounts): [number, number][] {
    const vector: [number, number][] = [];
    let norm = 0;
    for (const [feature, count] of counts) {
      const i = this.featureIndex.get(feature);
      if (i === undefined || count <= 0) continue;
      const x = (1 + Math.log(count)) * (this.data.idf[i] ?? 0);
      vector.push([i, x]);
      norm += x * x;
    }
    if (norm === 0) return [];
    const scale = 1 / Math.sqrt(norm);
    for (const entry of vector) entry[1] *= scale;
    return vector;
  }

  /**
   * The topics filed for a document, indexes into `topicIds`, clearest first. A text with no word
   * the model knows is filed under nothing.
   */
  fileDocument(withTitle: FeatureCounts, bodyOnly: FeatureCounts): number[] {
    if (![...withTitle.keys()].some((f) => this.featureIndex.has(f))) return [];
    const full = this.probabilities(withTitle);
    return fileScores({ full, body: bodyOnly.size > 0 ? this.probabilities(bodyOnly) : full }, this.data);
  }

  /**
   * The topics one sentence speaks to: those of its document's topics that its own words lean
   * towards (positive evidence, the topic's base rate left out), and any other topic its words
   * lean to clearly (`passageMargin` above their average lean). Indexes into `topicIds`.
   */
  tagPassage(counts: FeatureCounts, documentTopics: readonly number[]): number[] {
    const evidence = this.evidence(counts);
    const mean = evidence.reduce((sum, e) => sum + e, 0) / Math.max(1, evidence.length);
    const out: number[] = [];
    evidence.forEach((e, t) => {
      // A document's own topic needs half the clear margin: with any lean at all, every sentence of
      // a strategy piece was "about" strategy, and a topic briefing quoted its small talk.
      const lean = e - mean;
      if (
        (e > 0 && lean >= this.data.passageMargin / 2 && documentTopics.includes(t)) ||
        lean >= this.data.passageMargin
      )
        out.push(t);
    });
    return out;
  }

  /** How far a text's words lean towards each topic: the logit without the topic's bias. */
  evidence(counts: FeatureCounts): number[] {
    const vector = this.vectorise(counts);
    return this.data.topics.map(({ weights }) => {
      let sum = 0;
      for (const [i, x] of vector) sum += (weights[i] ?? 0) * x;
      return sum;
    });
  }
}

/**
 * The filing rule, on a document's scores. Each topic's clearness is how far its log-odds stand
 * above its own threshold's. Only topics the body supports compete: the body's clearest, and any
 * whose body-only probability reaches `bodyShare` of its threshold, so a headline weighs in but
 * never files a topic by itself. The clearest of them is filed; another only when it passes its
 * threshold and is within `margin` of the first, and at most `maxTopics`.
 */
export function fileScores(
  scores: DocumentScores,
  rule: Pick<TopicModelData, "topics" | "bodyShare" | "margin" | "maxTopics">,
): number[] {
  const bar = rule.topics.map((t) => logit(t.threshold));
  const clearness = (p: readonly number[]) => p.map((x, t) => logit(x) - (bar[t] ?? 0));
  const full = clearness(scores.full);
  const body = clearness(scores.body);
  const bodyFirst = body.indexOf(Math.max(...body));
  const ranked = full
    .map((c, i) => ({ c, i }))
    .filter(({ i }) => i === bodyFirst || (scores.body[i] ?? 0) >= rule.bodyShare * (rule.topics[i]?.threshold ?? 1))
    .sort((a, b) => b.c - a.c || a.i - b.i);
  const first = ranked[0];
  if (!first) return [];
  return ranked
    .filter(({ c }, rank) => rank === 0 || (c >= 0 && first.c - c <= rule.margin))
    .slice(0, rule.maxTopics)
    .map(({ i }) => i);
}

function logit(p: number): number {
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return Math.log(q / (1 - q));
}
