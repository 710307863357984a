/**
 * Retrieval alone at 200,000 passages: our index with query expansion (as the answerer calls it),
 * our index with the question's own terms only, and a textbook Map-based BM25 over the same terms.
 */

import { analyseQuestion } from "../../src/answers/analyse-question.js";
import { queryTerms } from "../../src/answers/rank-passages.js";
import { tokenize } from "../../src/knowledge/text-terms.js";
import { latencies, percentile } from "../percentiles.js";
import { ReferenceBm25 } from "../reference-bm25.js";
import type { Section } from "../section.js";

/** How many passages the answerer asks the index for. */
const CANDIDATES = 40;

export const retrieval: Section = {
  name: "retrieval",
  about: `index.search(queryTerms(…), ${CANDIDATES}) at 200k passages, against a plain Map-based BM25`,
  run: async (ctx) => {
    const { library, questions, warmup } = ctx.large();
    const expanded = (qs: string[]) => qs.map((q) => analyseQuestion(q));
    const plainTerms = (qs: string[]) => qs.map((q) => [...new Set(tokenize(q).map((t) => t.term))]);

    // Ours as the answerer uses it: expansion (queryTerms) and search.
    const oursTimes = latencies(
      expanded(questions),
      (a) => library.index.search(queryTerms(library, a), CANDIDATES),
      expanded(warmup),
    );
    // Ours on the question's own terms, weight 1: the same work the reference does.
    const plainQueries = plainTerms(questions);
    const weighted = (terms: string[]) => terms.map((term) => ({ term, weight: 1 }));
    const oursPlainTimes = latencies(
      plainQueries,
      (terms) => library.index.search(weighted(terms), CANDIDATES),
      plainTerms(warmup),
    );

    const start = performance.now();
    const reference = new ReferenceBm25();
    for (let id = 0; id < library.passageCount; id++) reference.add(library.passage(id)?.terms ?? []);
    const referenceBuildMs = performance.now() - start;
    // (The reference takes ~10 ms a query: a short warm-up, and the ranking check on a sample.)
    const referenceTimes = latencies(
      plainQueries,
      (terms) => reference.search(terms, CANDIDATES),
      plainTerms(warmup.slice(0, 50)),
    );

    // Same scores: our index must rank exactly as textbook BM25 does on the same terms (passages
    // tied at the cut-off may differ: either is a correct top 10).
    const sample = plainQueries.filter((_, i) => i % 5 === 0);
    const agree = sample.filter((terms) =>
      sameRanking(library.index.search(weighted(terms), 10), reference.search(terms, 10)),
    ).length;
    const oursP99 = percentile(oursTimes, 99);
    const referenceP99 = percentile(referenceTimes, 99);
    return {
      retrieval_200k_p50_ms: percentile(oursTimes, 50),
      retrieval_200k_p99_ms: oursP99,
      retrieval_200k_unexpanded_p50_ms: percentile(oursPlainTimes, 50),
      retrieval_200k_unexpanded_p99_ms: percentile(oursPlainTimes, 99),
      plain_bm25_200k_build_ms: referenceBuildMs,
      plain_bm25_200k_p50_ms: percentile(referenceTimes, 50),
      plain_bm25_200k_p99_ms: referenceP99,
      retrieval_vs_plain_bm25_p99_ratio: oursP99 / referenceP99,
      plain_bm25_top10_agreement_rate: agree / sample.length,
    };
  },
};

interface Hit {
  passage: number;
  score: number;
}

function sameRanking(a: readonly Hit[], b: readonly Hit[]): boolean {
  if (a.length !== b.length) return false;
  if (a.some((h, i) => Math.abs(h.score - (b[i]?.score ?? Number.NaN)) > 1e-9)) return false;
  const cutoff = a[a.length - 1]?.score ?? 0;
  const above = (hits: readonly Hit[]) =>
    hits
      .filter((h) => h.score > cutoff + 1e-9)
      .map((h) => h.passage)
      .join();
  return above(a) === above(b);
}
