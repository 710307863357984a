/**
 * Ingestion: articles per second from local files (Markdown, HTML with chrome, text captures,
 * a third each) into the durable embedded store, as `nhsai ingest <folder>` runs; then 10,000
 * generated articles ingested into an in-memory store, the answer latency on the library that
 * makes (seeds + 10,000), how long a replica takes to load those 10,000 from the store (in process
 * with no snapshot; as a fresh process before and after the saved snapshot), and a cold `nhsai ask`
 * with 300 stored (the no-store cold ask is the cold-ask section's).
 */

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { answerQuestion } from "../../src/answers/answer-question.js";
import { DEFAULT_FETCH_LIMITS } from "../../src/ingest/fetch-safely.js";
import { Ingester } from "../../src/ingest/ingester.js";
import { LibrarySync } from "../../src/ingest/library-sync.js";
import { inThisThread } from "../../src/ingest/read-task.js";
import { buildLibrary, type Library } from "../../src/knowledge/library.js";
import { openEmbeddedStore, openMemoryStore } from "../../src/store/embedded/open-embedded-store.js";
import type { Store } from "../../src/store/store.js";
import type { BenchContext } from "../context.js";
import { generateDocuments } from "../generate-library.js";
import { generateQuestions } from "../generate-questions.js";
import { articleFile, type FileKind } from "../ingest/article-files.js";
import { latencies, median, percentile } from "../percentiles.js";
import type { Section } from "../section.js";

const FILES = 300;
const LARGE = 10_000;
const QUESTIONS = 1_000;
const WARMUP = 2_000;
const KINDS: FileKind[] = ["md", "html", "txt"];

export const ingest: Section = {
  name: "ingest",
  about: `${FILES} local files into the embedded store; ${LARGE.toLocaleString("en-GB")} articles ingested, then answers`,
  run: async (ctx) => {
    const dir = mkdtempSync(join(tmpdir(), "nhsai-bench-ingest-"));
    try {
      const files = await filesPerSecond(ctx, dir);
      const coldAsk300 = coldAsks(ctx, join(dir, "data"), 6).slice(1);
      const large = await largeIngest(ctx, join(dir, "replica"));
      return {
        ...files,
        ...large,
        ...replicaStart(ctx, join(dir, "replica")),
        cold_ask_with_300_stored_median_ms: median(coldAsk300.map((t) => t.wallMs)),
        cold_ask_with_300_stored_cpu_median_ms: median(coldAsk300.map((t) => t.cpuMs)),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

function ingesterFor(store: Store, library: Library): Ingester {
  return new Ingester({
    store,
    library,
    fetch,
    resolve: async () => [],
    allowPrivate: false,
    limits: DEFAULT_FETCH_LIMITS,
    now: () => new Date(),
    who: "bench",
    // Parsing cost itself is measured here, without thread hand-offs.
    reader: inThisThread,
  });
}

async function filesPerSecond(ctx: BenchContext, dir: string) {
  const docs = generateDocuments(ctx.seedDocuments(), { passages: FILES * 15, seed: 8 }).slice(0, FILES);
  const folder = join(dir, "articles");
  mkdirSync(folder);
  docs.forEach((doc, i) => {
    const file = articleFile(doc, KINDS[i % KINDS.length] as FileKind);
    writeFileSync(join(folder, file.name), file.body);
  });
  const store = await openEmbeddedStore({ dataDir: join(dir, "data"), now: new Date() });
  try {
    const ingester = ingesterFor(store, ctx.seedLibrary());
    const start = performance.now();
    let added = 0;
    for (const name of readdirSync(folder).sort()) {
      const outcomes = await ingester.ingestFile(name, readFileSync(join(folder, name), "utf8"));
      added += outcomes.filter((o) => o.status === "added").length;
    }
    const seconds = (performance.now() - start) / 1000;
    ctx.log(`${added} of ${FILES} files added in ${seconds.toFixed(1)} s (durable embedded store: one commit each)`);
    return { ingest_files_articles_per_s: added / seconds, ingest_files_added_count: added };
  } finally {
    await store.close();
  }
}

async function largeIngest(ctx: BenchContext, replicaDir: string) {
  const docs = generateDocuments(ctx.seedDocuments(), { passages: LARGE * 15, seed: 10 }).slice(0, LARGE);
  const store = await openMemoryStore(new Date());
  try {
    const library = buildLibrary(ctx.seedDocuments());
    const ingester = ingesterFor(store, library);
    const start = performance.now();
    for (const doc of docs) {
      const file = articleFile(doc, "md");
      await ingester.ingestFile(file.name, file.body);
    }
    const seconds = (performance.now() - start) / 1000;
    const ingested = library.all().length - ctx.seedDocuments().length;
    ctx.log(`${ingested} articles (${library.passageCount} passages) ingested in ${seconds.toFixed(1)} s`);

    const sentences: string[] = [];
    for (let id = 7; id < library.passageCount; id += 41) {
      const p = library.passage(id);
      if (p && !p.heading) sentences.push(p.text);
    }
    const questions = generateQuestions(sentences, QUESTIONS + WARMUP, 77);
    const times = latencies(questions.slice(WARMUP), (q) => answerQuestion(library, q), questions.slice(0, WARMUP));

    // A replica (or a restart) loading the stored articles into a fresh seed library.
    const fresh = buildLibrary(ctx.seedDocuments());
    const loadStart = performance.now();
    await new LibrarySync(fresh, store).refresh(Date.now());
    const loadMs = performance.now() - loadStart;

    // The same documents in a durable store on disk, for a replica started as a process.
    const onDisk = await openEmbeddedStore({ dataDir: replicaDir, now: new Date() });
    try {
      for (const doc of await store.listDocuments()) await onDisk.addDocument(doc, "bench", new Date());
    } finally {
      await onDisk.close();
    }
    return {
      ingest_10000_articles_per_s: ingested / seconds,
      ingest_10000_passages_count: library.passageCount,
      answer_after_ingest_10000_p50_ms: percentile(times, 50),
      answer_after_ingest_10000_p99_ms: percentile(times, 99),
      library_load_10000_from_store_ms: loadMs,
    };
  } finally {
    await store.close();
  }
}

/**
 * A replica starting on 10,000 stored articles, as a fresh process that answers a question: once
 * with no saved library (it analyses every article, then saves the snapshot), then five times
 * restoring that snapshot.
 */
function replicaStart(ctx: BenchContext, dataDir: string) {
  const [firstRun, ...runs] = coldAsks(ctx, dataDir, 6) as [ColdAsk, ...ColdAsk[]];
  const first = firstRun.wallMs;
  const times = runs.map((t) => t.wallMs);
  ctx.log(
    `replica on 10,000 stored articles: ${(first / 1000).toFixed(1)} s to its first answer with no saved library, then ${(median(times) / 1000).toFixed(2)} s (median of 5)`,
  );
  return {
    replica_first_start_10000_stored_ms: first,
    replica_start_10000_stored_ms: median(times),
    replica_start_10000_stored_cpu_ms: median(runs.map((t) => t.cpuMs)),
  };
}

/**
 * Wall times of cold `nhsai ask` runs whose DATA_DIR holds the given embedded store, spawned by a
 * small Node process: forked from this one, which holds a large library, each start took 0.2-0.4 s
 * longer than an operator's would.
 */
/** One cold start: its wall time, and the CPU it used (user + system), which a busy machine inflates far less. */
interface ColdAsk {
  wallMs: number;
  cpuMs: number;
}

function coldAsks(ctx: BenchContext, dataDir: string, runs: number): ColdAsk[] {
  const cli = join(ctx.root, "dist", "adapters", "cli", "nhsai.js");
  const { DATABASE_URL: _unused, ...rest } = process.env;
  const timer = `
    const { spawnSync } = require("node:child_process");
    const { readFileSync } = require("node:fs");
    // Children's user + system time so far, from /proc (clock ticks of 10 ms).
    const childCpu = () => { const f = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" "); return (Number(f[13]) + Number(f[14])) * 10; };
    const times = [];
    for (let i = 0; i < ${runs}; i++) {
      const cpu = childCpu();
      const start = performance.now();
      const r = spawnSync(process.execPath, [${JSON.stringify(cli)}, "ask", "Who is Dr Hatim Abdulhussein?", "--json"], { encoding: "utf8" });
      if (r.status !== 0) { process.stderr.write(r.stderr); process.exit(1); }
      if (r.stderr) process.stderr.write(r.stderr);
      times.push({ wallMs: performance.now() - start, cpuMs: childCpu() - cpu });
    }
    process.stdout.write(JSON.stringify(times));`;
  const result = spawnSync(process.execPath, ["-e", timer], {
    cwd: ctx.root,
    env: { ...rest, DATA_DIR: dataDir },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`nhsai ask failed (${result.status}): ${result.stderr}`);
  if (result.stderr) ctx.log(result.stderr.trim());
  return JSON.parse(result.stdout) as ColdAsk[];
}
