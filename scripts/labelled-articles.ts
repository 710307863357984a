/**
 * The labelled real articles the topic model learns from and is measured on, and how a tagger
 * scores against them.
 *
 * Data: text captures of real published articles under test/fixtures/{corpus,holdout}/captures,
 * labelled by two readers who never saw the classifier. Each article has a first reader (its
 * collector, `articles-<letter>.json`) and, when done, a second (`topics-second-reader-<letter>.json`,
 * the other collector). Gold topics: those both readers gave; where they share none, the first
 * reader's first topic; where the second reader has not labelled it, the first reader's topics.
 * Articles are read by the library's own text reader, as `nhsai ingest` reads them.
 *
 * The seed articles join training too, filed as an editor would (`topics-editor-seeds.json`):
 * one reader, so those topics are their gold. They are never holdout.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readTextCapture } from "../src/ingest/read-text.js";
import { toDocument } from "../src/ingest/to-document.js";
import { TOPIC_IDS, type TopicId } from "../src/knowledge/topics.js";

export type Split = "train" | "validation" | "holdout";

export interface LabelledArticle {
  /** The capture's file name; for a seed, `seed:<id>`. */
  file: string;
  /** Who collected and first labelled it: a writer's letter, or "editor" for the seeds. */
  source: string;
  split: Split;
  /** A page of an earlier frozen holdout, scored in its day and since moved into training. */
  retiredHoldout: boolean;
  /** The headline as labelled (the page's real one), else the one the reader found: what the model learns from. */
  title: string;
  /** The headline the bot's reader finds (or writes) at ingest: what the library files by. */
  ingestTitle: string;
  /** Who published it (the page's web host, else the outlet's name): the vocabulary needs several. */
  publisher: string;
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
  retiredHoldout?: boolean;
  url?: string | null;
  truth?: { headline?: string | null; publisher?: string | null };
  topics: string[];
}

interface SeedArticle {
  title: string;
  publisher?: string | null;
  organisation?: string | null;
  paragraphs: { text: string }[];
}

const CORPUS = join("test", "fixtures", "corpus");
const EDITOR_SEEDS = "topics-editor-seeds.json";

/** The writers whose articles are in the corpus: one letter each (`articles-a.json` …). */
function writers(root: string): string[] {
  return readdirSync(join(root, CORPUS))
    .map((f) => /^articles-([a-z])\.json$/.exec(f)?.[1])
    .filter((w): w is string => w !== undefined)
    .sort();
}

/**
 * Reads every labelled article of the corpus under `root` (the repository). With
 * `holdout: false` the frozen holdout's captures are not even opened: training never needs them.
 */
export function loadLabelledCorpus(root: string, options: { holdout?: boolean } = {}): LabelledCorpus {
  const readers = writers(root);
  const secondLabels = new Map<string, string[]>();
  for (const reader of readers) {
    const second = readJson<{ labels: Record<string, string[]> }>(
      join(root, CORPUS, `topics-second-reader-${reader}.json`),
    );
    for (const [file, topics] of Object.entries(second?.labels ?? {})) secondLabels.set(file, topics);
  }
  const articles: LabelledArticle[] = [];
  const skipped: LabelledCorpus["skipped"] = [];
  for (const reader of readers) {
    const records = readJson<{ articles: ArticleRecord[] }>(join(root, CORPUS, `articles-${reader}.json`));
    for (const record of records?.articles ?? []) {
      // The reader's own captures (articles-r.json) record what a page shows, not its topics.
      if (!Array.isArray(record.topics)) continue;
      if (record.split === "holdout" && options.holdout === false) continue;
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
        source: reader,
        split: record.split,
        retiredHoldout: record.retiredHoldout === true,
        title,
        ingestTitle: ingested.ok ? ingested.value.title : title,
        publisher: publisherOf(record.url, record.truth?.publisher, record.file),
        paragraphs: read.value.paragraphs.map((p) => p.text).filter((t) => t !== title),
        first,
        second,
        gold: combineReaders(first, second),
      });
    }
  }
  articles.push(...editorFiledSeeds(root, skipped));
  articles.sort((a, b) => a.file.localeCompare(b.file));
  return { articles, skipped };
}

/** The seed articles as built for the library (seeds/articles), with the editor's topics. */
function editorFiledSeeds(root: string, skipped: LabelledCorpus["skipped"]): LabelledArticle[] {
  const editor = readJson<{ labels: Record<string, string[]> }>(join(root, CORPUS, EDITOR_SEEDS));
  const out: LabelledArticle[] = [];
  for (const [id, labels] of Object.entries(editor?.labels ?? {})) {
    const file = `seed:${id}`;
    const topics = asTopics(labels);
    const seed = readJson<SeedArticle>(join(root, "seeds", "articles", `${id}.json`));
    if (!topics || topics.length === 0 || !seed) {
      skipped.push({ file, reason: seed ? `labels that are not topic ids: ${labels.join(", ")}` : "no such seed" });
      continue;
    }
    const paragraphs = seed.paragraphs.map((p) => p.text);
    // Always training: the seeds are what the library ships with, never a measure of it.
    out.push({
      file,
      source: "editor",
      split: "train",
      retiredHoldout: false,
      title: seed.title,
      ingestTitle: seed.title,
      publisher: publisherOf(null, seed.publisher ?? seed.organisation, file),
      paragraphs,
      first: topics,
      second: null,
      gold: topics,
    });
  }
  return out;
}

/**
 * One name per outlet: the web host without "www." (writers spell an outlet's name differently),
 * else its name folded to letters, else the file itself (an outlet of its own).
 */
function publisherOf(url: string | null | undefined, name: string | null | undefined, file: string): string {
  try {
    if (url) return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    // Not a URL: fall back to the name.
  }
  const folded = (name ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "");
  return folded || file;
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

/**
 * What a filing is judged against: the topics a filing may rightly give (precision) and the
 * topics it should give (recall).
 */
export type Judge = (article: LabelledArticle) => { right: readonly TopicId[]; wanted: readonly TopicId[] };

/** The gold topics for both: the figure every target is stated in. */
const AGAINST_GOLD: Judge = (a) => ({ right: a.gold, wanted: a.gold });

/**
 * Against both readers as two opinions: a filing is right if either reader gave the topic, and
 * is wanted where both gave it (one reader's topics where there was one). Two careful readers
 * disagree on second topics; this says how much of the model's error is that disagreement.
 */
export const AGAINST_EITHER_READER: Judge = (a) => {
  if (!a.second) return { right: a.gold, wanted: a.gold };
  const second = a.second;
  return {
    right: [...new Set([...a.first, ...second])],
    wanted: a.first.filter((t) => second.includes(t)),
  };
};

/** How `predict` files `articles` against their gold topics (or as `judge` says). */
export function evaluate(
  articles: readonly LabelledArticle[],
  predict: (article: LabelledArticle) => readonly TopicId[],
  judge: Judge = AGAINST_GOLD,
): Evaluation {
  const predictions = articles.map((a) => predict(a));
  const truths = articles.map(judge);
  const perTopic = {} as Record<TopicId, TopicScores>;
  const f1s: number[] = [];
  for (const id of TOPIC_IDS) {
    let rightlyFiled = 0;
    let found = 0;
    let filed = 0;
    let support = 0;
    articles.forEach((_, i) => {
      const truth = truths[i];
      const wanted = truth?.wanted.includes(id) ?? false;
      const said = predictions[i]?.includes(id) ?? false;
      if (wanted) support++;
      if (said) filed++;
      if (said && truth?.right.includes(id)) rightlyFiled++;
      if (said && wanted) found++;
    });
    const precision = filed === 0 ? (support === 0 ? 1 : 0) : rightlyFiled / filed;
    const recall = support === 0 ? 1 : found / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perTopic[id] = { precision, recall, f1, support, filed };
    if (support > 0 || filed > 0) f1s.push(f1);
  }
  const count = (lists: readonly (readonly TopicId[])[]) =>
    lists.reduce((s, l) => s + l.length, 0) / Math.max(1, lists.length);
  return {
    perTopic,
    macroF1: f1s.reduce((s, x) => s + x, 0) / Math.max(1, f1s.length),
    topicsPerArticle: { model: count(predictions), gold: count(truths.map((t) => t.wanted)) },
    articles: articles.length,
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
