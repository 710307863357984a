/** Answer latency on the seed library, and the memory a process holding the seeds uses. */

import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { answerQuestion } from "../../src/answers/answer-question.js";
import { buildLibrary } from "../../src/knowledge/seed-library.js";
import { QUESTIONS, WARMUP_QUESTIONS } from "../context.js";
import { generateQuestions } from "../generate-questions.js";
import { latencies, percentile, timeMs } from "../percentiles.js";
import type { Section } from "../section.js";

export const answerSeeds: Section = {
  name: "seeds",
  about: `answerQuestion on the seed library, ${QUESTIONS} generated questions; RSS of a fresh process holding it`,
  run: async (ctx) => {
    const documents = ctx.seedDocuments();
    const buildMs = timeMs(() => buildLibrary(documents));
    const library = ctx.seedLibrary();
    const sentences = library
      .all()
      .flatMap((d) => d.passages)
      .filter((p) => !p.heading)
      .map((p) => p.text);
    const questions = generateQuestions(sentences, QUESTIONS, 1);
    const warmup = generateQuestions(sentences, WARMUP_QUESTIONS, 4);
    const abstained = new Set<string>();
    const times = latencies(
      questions,
      (q) => {
        if (answerQuestion(library, q).abstained) abstained.add(q);
      },
      warmup,
    );
    const answered = questions.filter((q) => !abstained.has(q)).length;
    ctx.log(`e.g. "${questions[0]}" / "${questions[1]}" / "${questions[2]}"`);
    const probe = JSON.parse(
      execFileSync(process.execPath, ["--expose-gc", fileURLToPath(new URL("../memory-probe.js", import.meta.url))], {
        encoding: "utf8",
      }),
    ) as { emptyRssMb: number; rssMb: number; heapMb: number; passages: number };
    return {
      seeds_passages_count: library.passageCount,
      seeds_load_ms: buildMs,
      answer_seeds_p50_ms: percentile(times, 50),
      answer_seeds_p99_ms: percentile(times, 99),
      answer_seeds_max_ms: percentile(times, 100),
      answer_seeds_answered_rate: answered / questions.length,
      rss_node_empty_mb: probe.emptyRssMb,
      rss_seeds_mb: probe.rssMb,
      heap_seeds_mb: probe.heapMb,
    };
  },
};
