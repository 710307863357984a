/**
 * Trains the topic classifier from the labelled captures and writes src/knowledge/topic-model.json.
 * Run after the labels, the captures or the text reader change: `npm run build && npm run train:topics`.
 * A test checks the committed model is what this makes from the committed data.
 *
 * Prints the readers' agreement, the chosen settings, the cross-validated figures, how the seeds
 * are filed and how often each topic fires, as Markdown.
 * `--holdout` instead scores the committed model on the frozen holdout: run it once, at the end,
 * and change nothing because of what it says. `--score <model.json>` scores a model file on the
 * earlier holdouts since moved into training (`--retired`, the default) or on some writers'
 * articles (`--writers k,l`): an unseen figure when the model was fitted before they joined.
 * When training, `--writers k,l` also prints those writers' cross-validated figures apart.
 */

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readTextCapture } from "../src/ingest/read-text.js";
import { TopicModel, type TopicModelData } from "../src/knowledge/topic-model.js";
import { TOPIC_IDS, type TopicId } from "../src/knowledge/topics.js";
import { findPackageRoot } from "../src/package-root.js";
import {
  AGAINST_EITHER_READER,
  cohenKappa,
  type Evaluation,
  evaluate,
  type Judge,
  type LabelledArticle,
  loadLabelledCorpus,
} from "./labelled-articles.js";
import {
  articleFeatures,
  chooseSettings,
  evaluateRule,
  fileByRule,
  fileWith,
  finalModel,
  nestedFilings,
  seenArticles,
} from "./topic-training.js";

const root = findPackageRoot(import.meta.url);
const modelPath = join(root, "src", "knowledge", "topic-model.json");
/** Real captures in none of the labelled sets, that the topic tests file. */
const unseenPath = join(root, "test", "knowledge", "fixtures", "topics");
const scoringHoldout = process.argv.includes("--holdout");
/**
 * `--score <model.json>`: scores a model file on articles now in training. Only a model fitted
 * before they joined (an earlier commit's file) gets an unseen figure from them.
 */
const scoredModel = optionValue("--score");
/** Writers whose articles are scored (`--score`) or reported apart (training). */
const namedWriters = optionValue("--writers")?.split(",") ?? [];
const corpus = loadLabelledCorpus(root, { holdout: scoringHoldout });
const split = (name: LabelledArticle["split"]) => corpus.articles.filter((a) => a.split === name);
const seeds = corpus.articles.filter((a) => a.source === "editor");

for (const { file, reason } of corpus.skipped) console.log(`skipped ${file}: ${reason}`);
console.log(
  `articles: ${corpus.articles.length} (train ${split("train").length - seeds.length}, seeds ${seeds.length}, validation ${split("validation").length}, holdout ${split("holdout").length})`,
);

if (scoringHoldout) {
  console.log("\n## Holdout (committed model, headlines as found at ingest)\n");
  console.log(table(evaluate(split("holdout"), asIngested(modelPath))));
} else if (scoredModel) {
  const scored = corpus.articles.filter((a) =>
    namedWriters.length > 0 ? namedWriters.includes(a.source) : a.retiredHoldout,
  );
  const which = namedWriters.length > 0 ? `writers ${namedWriters.join(", ")}` : "the retired holdouts";
  console.log(`\n## ${which} (${scoredModel}, headlines as found at ingest)\n`);
  const file = asIngested(scoredModel);
  console.log(table(evaluate(scored, file)));
  console.log("\n### The same against either reader\n");
  console.log(table(evaluate(scored, file, AGAINST_EITHER_READER)));
  console.log("\n### Reader agreement on them\n");
  console.log(agreement(scored));
} else {
  const seen = seenArticles(corpus);
  console.log("\n## Reader agreement on the articles a model may learn from (the second reader against the first)\n");
  console.log(agreement(seen));
  for (const writer of namedWriters) {
    console.log(`\n### Of which writer ${writer}'s\n`);
    console.log(agreement(seen.filter((a) => a.source === writer)));
  }
  const choice = chooseSettings(seen);
  const thresholds = TOPIC_IDS.map((id, t) => `${id} ${choice.thresholds[t]}`).join(", ");
  console.log(
    `\nchosen: ${JSON.stringify(choice.settings)}, body share ${choice.bodyShare}, margin ${choice.margin}, passage margin ${choice.passageMargin}\nthresholds: ${thresholds}`,
  );
  console.log(
    `\n## Cross-validation (${seen.length} articles, each scored by a model fitted without its writer's articles; mean average precision ${fixed(choice.meanAveragePrecision)})\n`,
  );
  console.log(table(choice.validation));
  console.log("\n### The same, each fold filed by the rule chosen on the other folds (an honest estimate)\n");
  const nested = nestedFilings(choice.scores);
  const nestedOf = (articles: readonly LabelledArticle[], judge?: Judge) =>
    evaluate(articles, (a) => nested.get(a) ?? [], judge);
  console.log(table(nestedOf(seen)));
  console.log("\n#### Against either reader (right if either gave it; recall on the topics both gave)\n");
  console.log(table(nestedOf(seen, AGAINST_EITHER_READER)));
  console.log("\n#### Nested macro-F1 by writer left out (gold; either reader)\n");
  for (const writer of [...new Set(seen.map((a) => a.source))].sort()) {
    const own = seen.filter((a) => a.source === writer);
    console.log(
      `- ${writer} (${own.length}): ${fixed(nestedOf(own).macroF1)}; ${fixed(nestedOf(own, AGAINST_EITHER_READER).macroF1)}`,
    );
  }
  for (const writer of namedWriters) {
    const own = seen.filter((a) => a.source === writer);
    console.log(`\n#### Writer ${writer}, nested\n`);
    console.log(table(nestedOf(own)));
    console.log(`\n#### Writer ${writer}, nested, against either reader\n`);
    console.log(table(nestedOf(own, AGAINST_EITHER_READER)));
  }
  const onValidation = new Map([...choice.scores].filter(([a]) => a.split === "validation"));
  console.log("\n### Of which the writers' validation split\n");
  console.log(table(evaluateRule(onValidation, choice)));
  const data = finalModel(corpus, choice);
  writeFileSync(modelPath, serialise(data));
  console.log(`\nwrote ${modelPath}: ${data.features.length} features`);
  const file = fileWith(data);
  console.log(
    "\n## The seeds: the editor's topics; filed by the committed model; by a model that never saw the seed\n",
  );
  const unseenBy = fileByRule(choice);
  for (const seed of seeds) {
    const crossValidated = choice.scores.get(seed);
    const without = crossValidated ? unseenBy(crossValidated).join(", ") : "–";
    console.log(`- ${seed.file}: [${seed.gold.join(", ")}]; ${file(seed).join(", ")}; ${without}`);
  }
  console.log("\n## How often each topic is filed\n");
  console.log(firing(choice.validation, seen.length, unseenFiled(file)));
}

function optionValue(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at < 0 ? undefined : process.argv[at + 1];
}

/** Files an article with the model at `path` as the library does: by the headline its reader finds at ingest. */
function asIngested(path: string): (article: LabelledArticle) => TopicId[] {
  const data = JSON.parse(readFileSync(path, "utf8")) as TopicModelData;
  const model = new TopicModel(data);
  return (a) => {
    const { withTitle, body } = articleFeatures({ title: a.ingestTitle, paragraphs: a.paragraphs }, data);
    return model.fileDocument(withTitle, body).map((i) => data.topics[i]?.id as TopicId);
  };
}

/** Topics the committed model files on the real captures outside every labelled set. */
function unseenFiled(file: ReturnType<typeof fileWith>): TopicId[][] {
  return readdirSync(unseenPath).flatMap((name) => {
    const read = readTextCapture(readFileSync(join(unseenPath, name), "utf8"));
    if (!read.ok) return [];
    const paragraphs = read.value.paragraphs.map((p) => p.text);
    return [file({ title: read.value.title ?? paragraphs[0] ?? "", paragraphs })];
  });
}

/** Per topic, the share of articles it is filed on: a topic on most of them tells nobody anything. */
function firing(crossValidated: Evaluation, seenCount: number, unseen: readonly TopicId[][]): string {
  const share = (n: number, of: number) => `${n} of ${of} (${Math.round((100 * n) / Math.max(1, of))}%)`;
  const rows = TOPIC_IDS.map((id) => {
    const cv = crossValidated.perTopic[id].filed;
    const other = unseen.filter((topics) => topics.includes(id)).length;
    return `| ${id} | ${share(cv, seenCount)} | ${share(other, unseen.length)} |`;
  });
  return ["| topic | cross-validated | unlabelled captures |", "|---|---|---|", ...rows].join("\n");
}

/** One line per key and per topic, so a retrained model's diff reads topic by topic. */
function serialise(data: TopicModelData): string {
  const { topics, ...rest } = data;
  const lines = Object.entries(rest).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  const topicLines = topics.map((t) => `    ${JSON.stringify(t)}`).join(",\n");
  return `{\n${lines.join("\n")}\n  "topics": [\n${topicLines}\n  ]\n}\n`;
}

/**
 * How far two careful readers agree, per topic: the second reader's precision and recall against
 * the first's, and Cohen's kappa. A topic two readers agree on at 0.7 cannot be learnt to 0.8.
 */
function agreement(articles: readonly LabelledArticle[]): string {
  const both = articles.filter((a) => a.second);
  const rows = TOPIC_IDS.map((id) => {
    const pairs = both.map((a): [boolean, boolean] => [a.first.includes(id), a.second?.includes(id) ?? false]);
    const first = pairs.filter(([x]) => x).length;
    const second = pairs.filter(([, y]) => y).length;
    const shared = pairs.filter(([x, y]) => x && y).length;
    return `| ${id} | ${first} | ${second} | ${shared} | ${fixed(shared / second)} | ${fixed(shared / first)} | ${fixed(cohenKappa(pairs))} |`;
  });
  const mean = (f: (a: LabelledArticle) => number) =>
    fixed(both.reduce((s, a) => s + f(a), 0) / Math.max(1, both.length));
  return [
    `${both.length} of ${articles.length} articles have both readers' labels; topics per article: first reader ${mean((a) => a.first.length)}, second ${mean((a) => a.second?.length ?? 0)}, gold ${mean((a) => a.gold.length)}`,
    "",
    "| topic | first reader | second reader | both | precision (2nd vs 1st) | recall | kappa |",
    "|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

function table(result: Evaluation): string {
  const rows = TOPIC_IDS.map((id) => {
    const s = result.perTopic[id];
    return `| ${id} | ${s.support} | ${s.filed} | ${fixed(s.precision)} | ${fixed(s.recall)} | ${fixed(s.f1)} |`;
  });
  return [
    `${result.articles} articles; macro-F1 ${fixed(result.macroF1)}; topics per article: model ${fixed(result.topicsPerArticle.model)}, readers ${fixed(result.topicsPerArticle.gold)}`,
    "",
    "| topic | readers filed | model filed | precision | recall | F1 |",
    "|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

function fixed(x: number): string {
  return Number.isNaN(x) ? "–" : x.toFixed(2);
}
