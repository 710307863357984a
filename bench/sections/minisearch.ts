/**
 * MiniSearch over the same 200,000 passages, fed the same index terms (so only the index data
 * structure and scoring differ): build time, memory, and search latency with its default options.
 */

import MiniSearch from "minisearch";
import { tokenize } from "../../src/knowledge/text-terms.js";
import { memoryAfterGc } from "../memory.js";
import { latencies, percentile } from "../percentiles.js";

/** MiniSearch returns every match, fully sorted (~30 ms a query here): a third of the questions. */
const QUERIES = 300;

import type { Section } from "../section.js";

interface TermsDocument {
  id: number;
  terms: string;
}

export const miniSearch: Section = {
  name: "minisearch",
  about: `MiniSearch 7 on the same 200k passages' terms (same tokens, default search options), ${QUERIES} questions`,
  run: async (ctx) => {
    const { library, questions, warmup } = ctx.large();
    const before = memoryAfterGc();
    const start = performance.now();
    let index: MiniSearch<TermsDocument> | null = new MiniSearch<TermsDocument>({
      fields: ["terms"],
      tokenize: (text) => text.split(" "),
      processTerm: (term) => term || null,
    });
    for (let id = 0; id < library.passageCount; id++) {
      index.add({ id, terms: (library.passage(id)?.terms ?? []).join(" ") });
    }
    const buildMs = performance.now() - start;
    const after = memoryAfterGc();
    const query = (q: string) => [...new Set(tokenize(q).map((t) => t.term))].join(" ");
    const search = index;
    const times = latencies(
      questions.slice(0, QUERIES).map(query),
      (q) => search.search(q),
      warmup.slice(0, 30).map(query),
    );
    index = null;
    return {
      minisearch_200k_build_ms: buildMs,
      minisearch_200k_heap_mb: after.heapMb - before.heapMb,
      minisearch_200k_rss_delta_mb: after.rssMb - before.rssMb,
      minisearch_200k_p50_ms: percentile(times, 50),
      minisearch_200k_p99_ms: percentile(times, 99),
    };
  },
};
