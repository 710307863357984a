/**
 * Learning the topic model from labelled real articles (scripts/train-topics.ts runs it).
 *
 * Data: text captures of real published articles under test/fixtures/{corpus,holdout}/captures,
 * labelled by two readers who never saw the classifier. Each article has a first reader (its
 * collector, `articles-<letter>.json`) and, when done, a second (`topics-second-reader-<letter>.json`,
 * the other collector). Gold topics: those both readers gave; where they share none, the first
 * reader's first topic; where the second reader has not labelled it, the first reader's topics.
 *
 * Model: one-vs-rest logistic regression (L2, class-balanced) over the features of topic-model.ts,
 * with each topic's taxonomy definition as an extra labelled pseudo-article (the prior). Settings
 * and the filing threshold are chosen on the validation split of a model fitted on train only;
 * the committed model is then refitted on train + validation with those settings. The holdout is
 * never used here; `evaluate` is run on it separately, once.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readTextCapture } from "../src/ingest/read-text.js";
import { toDocument } from "../src/ingest/to-document.js";
import { splitSentences } from "../src/knowledge/split-sentences.js";
import {
  addTextFeatures,
  type FeatureCounts,
  leadOf,
  TopicModel,
  type TopicModelData,
} from "../src/knowledge/topic-model.js";
import { TOPIC_IDS, TOPICS, type TopicId } from "../src/knowledge/topics.js";

export type Split = "train" | "validation" | "holdout";

export interface LabelledArticle {
  file: string;
  split: Split;
  /** The headline as labelled (the page's real one), else the one the reader found: what the model learns from. */
  title: string;
  /** The headline the bot's reader finds (or writes) at ingest: what the library files by. */
  ingestTitle: string;
  paragraphs: string[];
  first: TopicId[];
  second: TopicId[] | null;
  gold: TopicId[];
}

export interface LabelledCorpus {
  articles: LabelledArticle[];
  /** Labelled files left out, with why (the reader refused the capture, a label is not a topic). */
  skipped: { file: string; reason: string }[];
}

interface ArticleRecord {
  file: string;
  split: Split;
  truth?: { headline?: string | null };
  topics: string[];
}

const CORPUS = join("test", "fixtures", "corpus");
const READERS = ["a", "b"] as const;

/** Reads every labelled article of the corpus under `root` (the repository). */
export function loadLabelledCorpus(root: string): LabelledCorpus {
  const secondLabels = new Map<string, string[]>();
  for (const reader of READERS) {
    const second = readJson<{ labels: Record<string, string[]> }>(
      join(root, CORPUS, `topics-second-reader-${reader}.json`),
    );
    for (const [file, topics] of Object.entries(second?.labels ?? {})) secondLabels.set(file, topics);
  }
  const articles: LabelledArticle[] = [];
  const skipped: LabelledCorpus["skipped"] = [];
  for (const reader of READERS) {
    const records = readJson<{ articles: ArticleRecord[] }>(join(root, CORPUS, `articles-${reader}.json`));
    for (const record of records?.articles ?? []) {
      const folder = record.split === "holdout" ? join("test", "fixtures", "holdout") : CORPUS;
      const first = asTopics(record.topics);
      const secondRaw = secondLabels.get(record.file);
      const second = secondRaw ? asTopics(secondRaw) : null;
      if (!first || first.length === 0 || (secondRaw && !second)) {
        skipped.push({ file: record.file, reason: `labels that are not topic ids: ${record.topics.join(", ")}` });
        continue;
      }
      const read = readTextCapture(readFileSync(join(root, folder, "captures", record.file), "utf8"));
      if (!read.ok) {
        skipped.push({ file: record.file, reason: read.reason });
        continue;
      }
      const title = record.truth?.headline || read.value.title || "";
      const ingested = toDocument(read.value, new Date(0));
      articles.push({
        file: record.file,
        split: record.split,
        title,
        ingestTitle: ingested.ok ? ingested.value.title : title,
        paragraphs: read.value.paragraphs.map((p) => p.text).filter((t) => t !== title),
        first,
        second,
        gold: combineReaders(first, second),
      });
    }
  }
  articles.sort((a, b) => a.file.localeCompare(b.file));
  return { articles, skipped };
}

/** Topics both readers gave; else the first reader's first; the first reader's alone if there is no second. */
export function combineReaders(first: readonly TopicId[], second: readonly TopicId[] | null): TopicId[] {
  if (!second) return [...first];
  const both = first.filter((t) => second.includes(t));
  return both.length > 0 ? both : first.slice(0, 1);
}

/** Cohen's kappa of two readers' yes/no decisions on one topic (1 when they agree on everything). */
export function cohenKappa(pairs: readonly [boolean, boolean][]): number {
  const n = pairs.length;
  if (n === 0) return Number.NaN;
  const agree = pairs.filter(([x, y]) => x === y).length / n;
  const yesA = pairs.filter(([x]) => x).length / n;
  const yesB = pairs.filter(([, y]) => y).length / n;
  const chance = yesA * yesB + (1 - yesA) * (1 - yesB);
  return chance === 1 ? 1 : (agree - chance) / (1 - chance);
}

export interface TrainSettings {
  /** L2 penalty. */
  lambda: number;
  /** Weight each word of a topic's definition starts from, before the articles move it (0: no prior). */
  priorWeight: number;
  /** How many times headline features count. */
  titleWeight: number;
}

/** An article's features as the library reads them: the headline counted `titleWeight` times, and the lead's alone. */
export function articleFeatures(
  article: Pick<LabelledArticle, "title" | "paragraphs">,
  reading: Pick<TopicModelData, "titleWeight" | "leadWords">,
): { withTitle: FeatureCounts; body: FeatureCounts } {
  const body: FeatureCounts = new Map();
  for (const text of leadOf(article.paragraphs, reading.leadWords)) addTextFeatures(text, 1, body);
  return { withTitle: addTextFeatures(article.title, reading.titleWeight, new Map(body)), body };
}

/** Filing rules a model is fitted with before its threshold is chosen. */
const PROVISIONAL = { threshold: 0.5, bodyFloor: 0.25, passageMargin: 0, maxTopics: 3 };
const ITERATIONS = 800;
const MIN_DOCUMENT_FREQUENCY = 2;

/** Fits the weights on `articles` (their gold topics). Filing thresholds are left provisional. */
export function fitTopicModel(articles: readonly LabelledArticle[], settings: TrainSettings): TopicModelData {
  const reading = { titleWeight: settings.titleWeight, leadWords: medianBodyWords(articles) };
  const docs = articles.map((a) => articleFeatures(a, reading).withTitle);
  // A topic's prior: the words of its definition, its label and the names people ask for it by.
  const priors = TOPICS.map((t) => addTextFeatures([t.description, t.label, ...t.aliases].join(". "), 1, new Map()));
  const features = vocabulary(docs, priors);
  const df = new Map<string, number>();
  for (const doc of docs) for (const f of doc.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const idf = features.map((f) => Math.log((1 + docs.length) / (1 + (df.get(f) ?? 0))) + 1);
  const shell: TopicModelData = {
    topics: [],
    features,
    idf,
    ...reading,
    ...PROVISIONAL,
    trainedOn: {},
  };
  const vectoriser = new TopicModel(shell);
  const rows = docs.map((d) => vectoriser.vectorise(d));
  const topics = TOPIC_IDS.map((id, t) => {
    const labels = articles.map((a) => a.gold.includes(id));
    const positives = labels.filter(Boolean).length;
    // Class-balanced: a topic on 5 of 60 articles weighs as much as the 55 without it.
    const weights = labels.map(
      (yes) => articles.length / (2 * Math.max(1, yes ? positives : articles.length - positives)),
    );
    // The prior: the words of the topic's definition lean towards it until the articles say otherwise.
    const prior = new Float64Array(features.length);
    for (const f of priors[t]?.keys() ?? []) prior[features.indexOf(f)] = settings.priorWeight;
    const { bias, w } = fitLogistic(rows, labels, weights, prior, settings.lambda);
    return { id, bias: round(bias), weights: w.map(round) };
  });
  return { ...shell, topics };
}

/** The training bodies' median length in words: how much of any article the model reads. */
function medianBodyWords(articles: readonly LabelledArticle[]): number {
  const lengths = articles.map((a) => a.paragraphs.join(" ").split(/\s+/).filter(Boolean).length).sort((x, y) => x - y);
  return lengths[Math.floor(lengths.length / 2)] ?? 0;
}

/** Features seen in at least two training articles, and every word of the topic definitions. */
function vocabulary(docs: readonly FeatureCounts[], priors: readonly FeatureCounts[]): string[] {
  const df = new Map<string, number>();
  for (const doc of docs) for (const f of doc.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const kept = new Set([...df].filter(([, n]) => n >= MIN_DOCUMENT_FREQUENCY).map(([f]) => f));
  for (const prior of priors) for (const f of prior.keys()) kept.add(f);
  return [...kept].sort();
}

/**
 * Weighted logistic regression with a Gaussian prior on the weights (an L2 penalty pulling them
 * towards `prior`, not zero), by accelerated gradient descent (Nesterov) for a fixed number of
 * steps from the prior: deterministic, so the same data always gives the same committed model.
 */
function fitLogistic(
  rows: readonly [number, number][][],
  labels: readonly boolean[],
  sampleWeights: readonly number[],
  prior: Float64Array,
  lambda: number,
): { bias: number; w: number[] } {
  const dimensions = prior.length;
  const total = sampleWeights.reduce((s, x) => s + x, 0) || 1;
  // Rows have unit length, plus the bias: the loss's curvature is at most 0.25 * 2 + lambda.
  const step = 1 / (0.5 + lambda);
  let w = Float64Array.from(prior);
  let bias = 0;
  let previousW = Float64Array.from(prior);
  let previousBias = 0;
  for (let k = 1; k <= ITERATIONS; k++) {
    const momentum = (k - 1) / (k + 2);
    const lookW = new Float64Array(dimensions);
    for (let j = 0; j < dimensions; j++) lookW[j] = (w[j] ?? 0) + momentum * ((w[j] ?? 0) - (previousW[j] ?? 0));
    const lookBias = bias + momentum * (bias - previousBias);
    const grad = new Float64Array(dimensions);
    let gradBias = 0;
    rows.forEach((row, i) => {
      let z = lookBias;
      for (const [j, x] of row) z += (lookW[j] ?? 0) * x;
      const error = ((1 / (1 + Math.exp(-z)) - (labels[i] ? 1 : 0)) * (sampleWeights[i] ?? 0)) / total;
      gradBias += error;
      for (const [j, x] of row) grad[j] = (grad[j] ?? 0) + error * x;
    });
    previousW = w;
    previousBias = bias;
    w = new Float64Array(dimensions);
    for (let j = 0; j < dimensions; j++)
      w[j] = (lookW[j] ?? 0) - step * ((grad[j] ?? 0) + lambda * ((lookW[j] ?? 0) - (prior[j] ?? 0)));
    bias = lookBias - step * gradBias;
  }
  return { bias, w: [...w] };
}

/** Six significant digits: the committed file stays small and byte-for-byte reproducible. */
function round(x: number): number {
  return Number(x.toPrecision(6));
}

export interface TopicScores {
  precision: number;
  recall: number;
  f1: number;
  /** Articles the readers filed under the topic. */
  support: number;
  /** Articles the model filed under it. */
  filed: number;
}

export interface Evaluation {
  perTopic: Record<TopicId, TopicScores>;
  /** Mean F1 over topics that the gold labels or the model use in this set. */
  macroF1: number;
  topicsPerArticle: { model: number; gold: number };
  articles: number;
}

/** How `predict` files `articles` against their gold topics. */
export function evaluate(
  articles: readonly LabelledArticle[],
  predict: (article: LabelledArticle) => readonly TopicId[],
): Evaluation {
  const predictions = articles.map((a) => predict(a));
  const perTopic = {} as Record<TopicId, TopicScores>;
  const f1s: number[] = [];
  for (const id of TOPIC_IDS) {
    let tp = 0;
    let filed = 0;
    let support = 0;
    articles.forEach((a, i) => {
      const truth = a.gold.includes(id);
      const said = predictions[i]?.includes(id) ?? false;
      if (truth) support++;
      if (said) filed++;
      if (truth && said) tp++;
    });
    const precision = filed === 0 ? (support === 0 ? 1 : 0) : tp / filed;
    const recall = support === 0 ? 1 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perTopic[id] = { precision, recall, f1, support, filed };
    if (support > 0 || filed > 0) f1s.push(f1);
  }
  const count = (lists: readonly (readonly TopicId[])[]) =>
    lists.reduce((s, l) => s + l.length, 0) / Math.max(1, lists.length);
  return {
    perTopic,
    macroF1: f1s.reduce((s, x) => s + x, 0) / Math.max(1, f1s.length),
    topicsPerArticle: { model: count(predictions), gold: count(articles.map((a) => a.gold)) },
    articles: articles.length,
  };
}

/** Files an article with `data` as the library would (headline weighted, body required). */
export function fileWith(data: TopicModelData): (article: LabelledArticle) => TopicId[] {
  const model = new TopicModel(data);
  return (article) => {
    const { withTitle, body } = articleFeatures(article, data);
    return model.fileDocument(withTitle, body).map((i) => data.topics[i]?.id as TopicId);
  };
}

export const SETTINGS_GRID: TrainSettings[] = [0.0003, 0.001, 0.003].flatMap((lambda) =>
  [0, 2, 5, 10].flatMap((priorWeight) => [1, 2, 3].map((titleWeight) => ({ lambda, priorWeight, titleWeight }))),
);
const THRESHOLDS = Array.from({ length: 19 }, (_, i) => (i + 1) / 20);
/** Shares of the filing threshold the body alone must give a topic (the headline never files one alone). */
const BODY_SHARES = [1, 0.75, 0.5];
/** How far the model's topics per article may stray from the readers' when choosing a threshold. */
const COUNT_TOLERANCE = 0.3;

export interface Choice {
  settings: TrainSettings;
  threshold: number;
  bodyFloor: number;
  passageMargin: number;
  validation: Evaluation;
}

/** The settings and threshold with the best validation macro-F1 that file about as many topics as the readers. */
export function chooseSettings(
  train: readonly LabelledArticle[],
  validation: readonly LabelledArticle[],
  grid: readonly TrainSettings[] = SETTINGS_GRID,
): Choice {
  let best: (Omit<Choice, "passageMargin"> & { rank: number[] }) | null = null;
  for (const settings of grid) {
    const fitted = fitTopicModel(train, settings);
    for (const threshold of THRESHOLDS) {
      for (const bodyShare of BODY_SHARES) {
        const bodyFloor = round(threshold * bodyShare);
        const data = { ...fitted, threshold, bodyFloor };
        const result = evaluate(validation, fileWith(data));
        const drift = Math.abs(result.topicsPerArticle.model - result.topicsPerArticle.gold);
        // Within the tolerance, best macro-F1 wins; outside it, the closest count does.
        const rank = drift <= COUNT_TOLERANCE ? [1, result.macroF1, -drift] : [0, -drift, result.macroF1];
        if (!best || isBetter(rank, best.rank)) best = { settings, threshold, bodyFloor, validation: result, rank };
      }
    }
  }
  if (!best) throw new Error("no settings to choose from");
  const passageMargin = choosePassageMargin(fitTopicModel(train, best.settings), validation);
  const { settings, threshold, bodyFloor, validation: result } = best;
  return { settings, threshold, bodyFloor, passageMargin, validation: result };
}

const MARGINS = Array.from({ length: 16 }, (_, i) => 0.5 + i * 0.25);
/**
 * Share of a sentence's own topics that its article's readers also gave. Lower than a document's
 * bar: a topic briefing keeps only sentences squarely about its topic, so the tags favour recall.
 */
const PASSAGE_PRECISION = 0.6;

/**
 * The smallest lean at which a sentence's topics, judged on its words alone, agree with its
 * article's gold topics at least PASSAGE_PRECISION of the time on validation: sentences have no
 * labels of their own, so their article's stand in.
 */
export function choosePassageMargin(data: TopicModelData, validation: readonly LabelledArticle[]): number {
  const model = new TopicModel(data);
  const leans = validation.flatMap((article) =>
    article.paragraphs.flatMap((paragraph) =>
      splitSentences(paragraph).map((span) => {
        const evidence = model.evidence(addTextFeatures(span.text, 1, new Map()));
        const mean = evidence.reduce((sum, e) => sum + e, 0) / Math.max(1, evidence.length);
        return { article, above: evidence.map((e) => e - mean) };
      }),
    ),
  );
  for (const margin of MARGINS) {
    let tags = 0;
    let agreed = 0;
    for (const { article, above } of leans)
      above.forEach((lean, t) => {
        if (lean < margin) return;
        tags++;
        if (article.gold.includes(TOPIC_IDS[t] as TopicId)) agreed++;
      });
    if (tags > 0 && agreed / tags >= PASSAGE_PRECISION) return margin;
  }
  return MARGINS[MARGINS.length - 1] as number;
}

function isBetter(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] ?? 0) > (b[i] ?? 0) + 1e-12) return true;
    if ((a[i] ?? 0) < (b[i] ?? 0) - 1e-12) return false;
  }
  return false;
}

/** The committed model: refitted on train + validation with the chosen settings and threshold. */
export function finalModel(
  corpus: LabelledCorpus,
  choice: Pick<Choice, "settings" | "threshold" | "bodyFloor" | "passageMargin">,
): TopicModelData {
  const seen = corpus.articles.filter((a) => a.split !== "holdout");
  const fitted = fitTopicModel(seen, choice.settings);
  return {
    ...fitted,
    threshold: choice.threshold,
    bodyFloor: choice.bodyFloor,
    passageMargin: choice.passageMargin,
    trainedOn: {
      articles: seen.length,
      train: seen.filter((a) => a.split === "train").length,
      validation: seen.filter((a) => a.split === "validation").length,
      settings: choice.settings,
      threshold: choice.threshold,
      bodyFloor: choice.bodyFloor,
      passageMargin: choice.passageMargin,
    },
  };
}

function asTopics(labels: readonly string[]): TopicId[] | null {
  const ids = labels.map((l) => l.trim().toLowerCase());
  return ids.every((l): l is TopicId => (TOPIC_IDS as readonly string[]).includes(l)) ? ids : null;
}

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
