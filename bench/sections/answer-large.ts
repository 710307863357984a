/** The generated 200,000-passage library: build time, memory, and answer latency on it. */

import { answerQuestion } from "../../src/answers/answer-question.js";
import type { Library } from "../../src/knowledge/library.js";
import { SearchIndex } from "../../src/knowledge/search-index.js";
import { LARGE_PASSAGES, QUESTIONS } from "../context.js";
import { generateQuestions } from "../generate-questions.js";
import { memoryAfterGc } from "../memory.js";
import { latencies, percentile } from "../percentiles.js";
import type { Section } from "../section.js";

export const answerLarge: Section = {
  name: "200k",
  about: `a generated library of ${LARGE_PASSAGES.toLocaleString("en-GB")} passages: build, memory, answerQuestion over ${QUESTIONS} questions`,
  run: async (ctx) => {
    const large = ctx.large();
    const { library } = large;
    // The index alone, from the passages' terms: its build time and its share of the memory.
    const terms = Array.from({ length: library.passageCount }, (_, id) => library.passage(id)?.terms ?? []);
    const before = memoryAfterGc();
    const start = performance.now();
    let index: SearchIndex | null = new SearchIndex();
    for (const t of terms) index.add(t);
    const indexBuildMs = performance.now() - start;
    const indexHeapMb = memoryAfterGc().heapMb - before.heapMb;
    // (Both read after measuring, so neither is collected before the memory is taken.)
    ctx.log(`index alone: ${index.size} passages, ${terms.length} term lists`);
    index = null;

    const abstained = new Set<string>();
    const times = latencies(
      large.questions,
      (q) => {
        if (answerQuestion(library, q).abstained) abstained.add(q);
      },
      large.warmup,
    );
    ctx.log(`e.g. "${large.questions[0]}" / "${large.questions[1]}" / "${large.questions[2]}"`);
    const heapGrowthMb = heapGrowthOverQuestions(library);
    return {
      large_passages_count: library.passageCount,
      large_documents_count: large.documentCount,
      large_generate_ms: large.generateMs,
      library_200k_build_ms: large.buildMs,
      index_200k_build_ms: indexBuildMs,
      index_200k_heap_mb: indexHeapMb,
      rss_200k_mb: large.memory.rssMb,
      heap_200k_mb: large.memory.heapMb,
      heap_200k_library_mb: large.memory.heapMb - large.memoryBefore.heapMb,
      answer_200k_p50_ms: percentile(times, 50),
      answer_200k_p99_ms: percentile(times, 99),
      answer_200k_max_ms: percentile(times, 100),
      answer_200k_heap_growth_3000_mb: heapGrowthMb,
      answer_200k_answered_rate: large.questions.filter((q) => !abstained.has(q)).length / large.questions.length,
    };
  },
};

/**
 * How much the heap grows while 3,000 more questions on other passages are answered: the
 * answerer's caches are bounded, so a server that runs for months holds steady.
 */
function heapGrowthOverQuestions(library: Library): number {
  const sentences: string[] = [];
  for (let id = 11; id < library.passageCount; id += 31) {
    const p = library.passage(id);
    if (p && !p.heading) sentences.push(p.text);
  }
  const questions = generateQuestions(sentences, 3_000, 99);
  const before = memoryAfterGc().heapMb;
  for (const q of questions) answerQuestion(library, q);
  return memoryAfterGc().heapMb - before;
}
