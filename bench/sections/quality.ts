/**
 * Answer accuracy per split (the writers' train and validation questions over the seeds plus the
 * real captures; the seed sets over the seeds alone), scored as shared/eval/score.mjs scores.
 * Then retrieval quality on the public dev question set, over the seed passages. A hit at k: one of
 * the top k results comes from the gold article and matches every `expect` pattern. Compared:
 * our ranking (query expansion, BM25 candidates, reranked answer spans), our BM25 alone on the
 * question's words, and MiniSearch with the same stemmer and stop words (exact, and prefix+fuzzy).
 */

import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import MiniSearch from "minisearch";
import { corpusLibrary } from "../../scripts/corpus-library.js";
import { readQuestionSet, scoreQuestions } from "../../scripts/score-questions.js";
import { analyseQuestion } from "../../src/answers/analyse-question.js";
import { rankSpans } from "../../src/answers/rank-passages.js";
import { STOP_WORDS, termFor, tokenize } from "../../src/knowledge/text-terms.js";
import type { Section } from "../section.js";

interface DevItem {
  id: string;
  kind: "answer" | "abstain";
  question: string;
  expect: string[];
  source: string | null;
}

/** A ranked result: which article it came from and its text. */
interface Result {
  document: string;
  text: string;
}

type Ranker = (question: string) => Result[];

const DEPTH = 3;

export const quality: Section = {
  name: "quality",
  about: "answer accuracy per question split; dev question set: top-1 / top-3 hit rate per retriever",
  run: async (ctx) => {
    const accuracy = splitAccuracy(ctx.root, ctx.log);
    const file = process.env.NHSAI_DEV_QA ?? join(ctx.root, "..", "shared", "eval", "dev-qa.json");
    if (!existsSync(file)) {
      ctx.log(`no question set at ${file}: skipped (set NHSAI_DEV_QA)`);
      return accuracy;
    }
    const items = (JSON.parse(readFileSync(file, "utf8")) as { items: DevItem[] }).items.filter(
      (i) => i.kind === "answer" && i.source,
    );
    const catalogue = JSON.parse(readFileSync(join(ctx.root, "seeds", "catalogue.json"), "utf8")) as {
      id: string;
      source: string;
    }[];
    const articleOf = new Map(catalogue.map((e) => [basename(e.source), e.id]));
    const library = ctx.seedLibrary();
    const passages = library.all().flatMap((d) => d.passages);

    const ours: Ranker = (q) =>
      rankSpans(library, analyseQuestion(q))
        .slice(0, DEPTH)
        .map((r) => ({ document: r.span.main.document.id, text: r.span.text }));
    const bm25: Ranker = (q) =>
      library.index
        .search(
          [...new Set(tokenize(q).map((t) => t.term))].map((term) => ({ term, weight: 1 })),
          DEPTH,
        )
        .map((h) => library.passage(h.passage))
        .filter((p) => p !== undefined)
        .map((p) => ({ document: p.document.id, text: p.text }));
    const mini = new MiniSearch<{ id: number; text: string }>({
      fields: ["text"],
      processTerm: (term) => {
        const word = term.toLowerCase();
        return word && !STOP_WORDS.has(word) ? termFor(word) : null;
      },
    });
    mini.addAll(passages.map((p) => ({ id: p.id, text: p.text })));
    const miniRanker =
      (options: { prefix?: boolean; fuzzy?: number }): Ranker =>
      (q) =>
        mini
          .search(q, options)
          .slice(0, DEPTH)
          .map((r) => library.passage(r.id as number))
          .filter((p) => p !== undefined)
          .map((p) => ({ document: p.document.id, text: p.text }));

    const rankers: Record<string, Ranker> = {
      ours_ranked: ours,
      ours_bm25: bm25,
      minisearch: miniRanker({}),
      minisearch_fuzzy: miniRanker({ prefix: true, fuzzy: 0.2 }),
    };
    const figures: Record<string, number> = { ...accuracy, quality_answer_items_count: items.length };
    for (const [name, rank] of Object.entries(rankers)) {
      const ranks = items.map((item) => hitRank(rank(item.question), item, articleOf.get(item.source ?? "")));
      figures[`quality_${name}_top1_rate`] = ranks.filter((r) => r === 1).length / items.length;
      figures[`quality_${name}_top3_rate`] = ranks.filter((r) => r > 0 && r <= 3).length / items.length;
      const missed = items.filter((_, i) => (ranks[i] ?? 0) === 0).map((i) => i.id);
      ctx.log(`${name}: missed in top ${DEPTH}: ${missed.join(" ") || "none"}`);
    }
    return figures;
  },
};

/** Right answers and abstentions per split, as a rate. */
function splitAccuracy(root: string, log: (line: string) => void): Record<string, number> {
  const fixtures = join(root, "test", "fixtures");
  const figures: Record<string, number> = {};
  const corpus = corpusLibrary(join(root, "seeds"), [join(fixtures, "corpus", "captures")]);
  const seeds = corpusLibrary(join(root, "seeds"), []);
  const splits: [string, string[], typeof corpus][] = [
    ["train", ["questions/a-train.json", "questions/b-train.json"], corpus],
    ["validation", ["questions/a-validation.json", "questions/b-validation.json"], corpus],
    ["seed_regression", ["extra-qa.json", "independent-qa.json"], seeds],
  ];
  for (const [split, files, { library, captures }] of splits) {
    const present = files.map((f) => join(fixtures, f)).filter((f) => existsSync(f));
    if (present.length === 0) continue;
    const items = present.flatMap(readQuestionSet);
    const s = scoreQuestions(library, items, captures);
    figures[`quality_${split}_accuracy_rate`] = s.right / items.length;
    figures[`quality_${split}_unfaithful_count`] = s.unfaithful;
    for (const [category, t] of Object.entries(s.byCategory))
      figures[`quality_${split}_${category}_rate`] = t.right / Math.max(1, t.total);
    log(`${split}: ${s.right}/${items.length} right`);
  }
  return figures;
}

/** 1-based rank of the first hit, or 0. */
function hitRank(results: Result[], item: DevItem, article: string | undefined): number {
  const patterns = item.expect.map((p) => new RegExp(p, "i"));
  const i = results.findIndex((r) => r.document === article && patterns.every((p) => p.test(r.text)));
  return i + 1;
}
