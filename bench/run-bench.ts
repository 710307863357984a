/**
 * `npm run bench`: runs each section in turn, prints its figures as it goes, then PASS/FAIL per
 * target, and last of all one line of JSON with every figure (flat keys, units in the names).
 *
 * To add a section, write `bench/sections/<name>.ts` exporting a `Section` and list it below.
 */

import { createContext } from "./context.js";
import { round } from "./percentiles.js";
import type { Figures, Section } from "./section.js";
import { answerLarge } from "./sections/answer-large.js";
import { answerSeeds } from "./sections/answer-seeds.js";
import { coldAsk } from "./sections/cold-ask.js";
import { digest } from "./sections/digest.js";
import { ingest } from "./sections/ingest.js";
import { miniSearch } from "./sections/minisearch.js";
import { quality } from "./sections/quality.js";
import { retrieval } from "./sections/retrieval.js";
import { slack } from "./sections/slack.js";
import { store } from "./sections/store.js";
import { teams } from "./sections/teams.js";
import { TARGETS } from "./targets.js";

/**
 * In running order. The 200k sections come first, so the memory of the 200k library is taken in
 * a process that has run nothing else (and before MiniSearch is built beside it); the library is
 * dropped once no later section needs it.
 */
const SECTIONS: Section[] = [
  answerLarge,
  retrieval,
  miniSearch,
  answerSeeds,
  coldAsk,
  quality,
  digest,
  store,
  slack,
  teams,
  ingest,
];

const only = process.argv.slice(2);
const started = performance.now();
const log = (line: string) => process.stdout.write(`${line}\n`);
const ctx = createContext((line) => log(`  · ${line}`));
const all: Figures = {};

for (const section of SECTIONS) {
  if (only.length > 0 && !only.includes(section.name)) continue;
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
  if (!SECTIONS.slice(SECTIONS.indexOf(section) + 1).some((later) => later.usesLargeLibrary)) ctx.releaseLarge();
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
