/** Wall time of a cold `nhsai ask … --json`: a fresh Node process loading the seeds and answering. */

import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { maximum, median } from "../percentiles.js";
import type { Section } from "../section.js";

const RUNS = 10;
const QUESTIONS = [
  "How much AI funding is going to NHS trusts for lung cancer?",
  "Who is Dr Hatim Abdulhussein?",
  "Which health minister signed the AI Collaboration Charter?",
  "What is the NHS budget for 2030?",
  "How can AI help with NHS waiting lists?",
];

export const coldAsk: Section = {
  name: "cold-ask",
  about: `node dist/adapters/cli/nhsai.js ask "<q>" --json, ${RUNS} runs (after one unmeasured run)`,
  run: async (ctx) => {
    const cli = join(ctx.root, "dist", "adapters", "cli", "nhsai.js");
    const ask = (question: string): number => {
      const start = performance.now();
      const result = spawnSync(process.execPath, [cli, "ask", question, "--json"], { cwd: ctx.root, encoding: "utf8" });
      const ms = performance.now() - start;
      if (result.status !== 0) throw new Error(`nhsai ask failed (${result.status}): ${result.stderr}`);
      JSON.parse(result.stdout);
      return ms;
    };
    ask(QUESTIONS[0] ?? "");
    const times = Array.from({ length: RUNS }, (_, i) => ask(QUESTIONS[i % QUESTIONS.length] ?? ""));
    return { cold_ask_median_ms: median(times), cold_ask_max_ms: maximum(times) };
  },
};
