/**
 * `npm run bench`: runs each section in turn, prints its figures as it goes, then PASS/FAIL per
 * target, and last of all one line of JSON with every figure (flat keys, units in the names).
 *
 * To add a section, write `bench/sections/<name>.ts` exporting a `Section` and list it below.
 */

import { createContext } from "./context.js";
import { round } from "./percentiles.js";
import type { Figures, Section } from "./section.js";
import { TARGETS } from "./targets.js";

/**
 * In running order, each imported only when it runs: the Slack and Teams sections load Bolt and
 * botbuilder, which must not sit in the process whose memory the 200k section reports. The 200k
 * sections come first, so that memory is taken in a process that has run nothing else (and before
 * MiniSearch is built beside it); the library is dropped once no later section needs it.
 */
const SECTIONS: {
  name: string;
  /** Uses `ctx.large()`: the 200k library is kept until the last section that says so has run. */
  usesLargeLibrary?: boolean;
  load: () => Promise<Section>;
}[] = [
  { name: "200k", usesLargeLibrary: true, load: async () => (await import("./sections/answer-large.js")).answerLarge },
  { name: "retrieval", usesLargeLibrary: true, load: async () => (await import("./sections/retrieval.js")).retrieval },
  {
    name: "minisearch",
    usesLargeLibrary: true,
    load: async () => (await import("./sections/minisearch.js")).miniSearch,
  },
  { name: "seeds", load: async () => (await import("./sections/answer-seeds.js")).answerSeeds },
  { name: "cold-ask", load: async () => (await import("./sections/cold-ask.js")).coldAsk },
  { name: "quality", load: async () => (await import("./sections/quality.js")).quality },
  { name: "digest", load: async () => (await import("./sections/digest.js")).digest },
  { name: "store", load: async () => (await import("./sections/store.js")).store },
  { name: "slack", load: async () => (await import("./sections/slack.js")).slack },
  { name: "teams", load: async () => (await import("./sections/teams.js")).teams },
  { name: "ingest", load: async () => (await import("./sections/ingest.js")).ingest },
  { name: "topics", load: async () => (await import("./sections/topics.js")).topics },
];

const only = process.argv.slice(2);
const started = performance.now();
const log = (line: string) => process.stdout.write(`${line}\n`);
const ctx = createContext((line) => log(`  · ${line}`));
const all: Figures = {};

for (const [i, entry] of SECTIONS.entries()) {
  if (only.length > 0 && !only.includes(entry.name)) continue;
  const section = await entry.load();
  if (section.name !== entry.name) throw new Error(`section ${section.name} is listed as ${entry.name}`);
  log(`\n## ${section.name}: ${section.about}`);
  const start = performance.now();
  const figures = await section.run(ctx);
  for (const [key, value] of Object.entries(figures)) {
    if (key in all) throw new Error(`figure ${key} is reported twice`);
    const shown = typeof value === "number" ? round(value) : value;
    all[key] = shown;
    log(`  ${key.padEnd(40)} ${shown}`);
  }
  log(`  (${((performance.now() - start) / 1000).toFixed(1)} s)`);
  if (!SECTIONS.slice(i + 1).some((later) => later.usesLargeLibrary) && ctx.releaseLarge()) {
    // Collect the dropped 200k library now: left to V8, its background marking and sweeping of some
    // 400 MB run on the cores the next section's probe process is timing answers on.
    (globalThis as { gc?: () => void }).gc?.();
  }
}

log("\n## targets");
let passed = 0;
let failed = 0;
for (const target of TARGETS) {
  const value = all[target.figure];
  if (typeof value !== "number") continue;
  const ok = value <= target.max;
  if (ok) passed++;
  else failed++;
  all[`target_${target.figure}_pass`] = ok;
  log(`  ${ok ? "PASS" : "FAIL"}  ${target.label}: ${value}`);
}
all.targets_passed_count = passed;
all.targets_failed_count = failed;
all.bench_total_s = round((performance.now() - started) / 1000, 1);
log(`  ${passed} passed, ${failed} failed, ${all.bench_total_s} s in all\n`);
process.stdout.write(`${JSON.stringify(all)}\n`);
