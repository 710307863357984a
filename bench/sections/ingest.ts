/**
 * Ingestion: articles per second from local files (Markdown, HTML with chrome, text captures,
 * a third each) into the durable embedded store, as `nhsai ingest <folder>` runs; then 10,000
 * generated articles ingested into an in-memory store, the answer latency on the library that
 * makes (seeds + 10,000), how long a replica takes to load those 10,000 from the store, and a
 * cold `nhsai ask` with a store present (the no-store cold ask is the cold-ask section's).
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
import { buildLibrary } from "../../src/knowledge/build-library.js";
import type { Library } from "../../src/knowledge/library.js";
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
      const large = await largeIngest(ctx);
      return { ...files, ...large, ...coldAskWithStore(ctx, join(dir, "data")) };
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

async function largeIngest(ctx: BenchContext) {
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

/** A cold `nhsai ask` whose DATA_DIR holds the store the files went into. */
function coldAskWithStore(ctx: BenchContext, dataDir: string) {
  const cli = join(ctx.root, "dist", "adapters", "cli", "nhsai.js");
  const { DATABASE_URL: _unused, ...rest } = process.env;
  const env = { ...rest, DATA_DIR: dataDir };
  const ask = () => {
    const start = performance.now();
    const result = spawnSync(process.execPath, [cli, "ask", "Who is Dr Hatim Abdulhussein?", "--json"], {
      cwd: ctx.root,
      env,
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`nhsai ask failed (${result.status}): ${result.stderr}`);
    return performance.now() - start;
  };
  ask();
  const times = Array.from({ length: 5 }, ask);
  return { cold_ask_with_300_stored_median_ms: median(times) };
}
