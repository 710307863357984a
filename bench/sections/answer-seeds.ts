/** Answer latency on the seed library, and the memory a process holding the seeds uses. */

import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { buildLibrary } from "../../src/knowledge/library.js";
import { QUESTIONS, WARMUP_QUESTIONS } from "../context.js";
import { timeMs } from "../percentiles.js";
import type { Section } from "../section.js";

interface SeedsProbe {
  emptyRssMb: number;
  rssMb: number;
  heapMb: number;
  passages: number;
  freshP99Ms: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  answeredRate: number;
  example: string[];
}

export const answerSeeds: Section = {
  name: "seeds",
  about: `answerQuestion on the seed library in a process holding only the seeds: ${QUESTIONS} generated questions after ${WARMUP_QUESTIONS} warm-up ones; RSS`,
  run: async (ctx) => {
    const buildMs = timeMs(() => buildLibrary(ctx.seedDocuments()));
    const probe = JSON.parse(
      execFileSync(process.execPath, ["--expose-gc", fileURLToPath(new URL("../seeds-probe.js", import.meta.url))], {
        encoding: "utf8",
      }),
    ) as SeedsProbe;
    ctx.log(`e.g. ${probe.example.map((q) => `"${q}"`).join(" / ")}`);
    return {
      seeds_passages_count: probe.passages,
      seeds_load_ms: buildMs,
      answer_seeds_p50_ms: probe.p50Ms,
      answer_seeds_p99_ms: probe.p99Ms,
      answer_seeds_max_ms: probe.maxMs,
      answer_seeds_fresh_process_p99_ms: probe.freshP99Ms,
      answer_seeds_answered_rate: probe.answeredRate,
      rss_node_empty_mb: probe.emptyRssMb,
      rss_seeds_mb: probe.rssMb,
      heap_seeds_mb: probe.heapMb,
    };
  },
};
