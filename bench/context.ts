/**
 * What the sections share: the seed library, and the 200,000-passage generated library (built
 * once, on first use, with its build time and memory taken as it is built).
 */

import { join } from "node:path";
import type { Document } from "../src/knowledge/document.js";
import { buildLibrary, type Library } from "../src/knowledge/library.js";
import { loadSeedArticles } from "../src/knowledge/load-seed-articles.js";
import { findPackageRoot } from "../src/package-root.js";
import { generateDocuments } from "./generate-library.js";
import { generateQuestions } from "./generate-questions.js";
import { type MemoryFigures, memoryAfterGc } from "./memory.js";

/** Passages in the generated library. */
export const LARGE_PASSAGES = 200_000;
/** Measured questions per latency run, and unmeasured warm-up questions before it. */
export const QUESTIONS = 1_000;
/**
 * V8 keeps re-optimising the answerer for the first few thousand varied questions after a start
 * (seeds: the first 1,000 have a p99 of 2-6 ms, `answer_seeds_fresh_process_p99_ms`; after 2,000
 * others 1.5-2.3 ms; after 4,000, 0.4-0.5 ms), so the latency targets are checked on a bot that
 * has been up a while, which is what users meet; the fresh-process figure is printed beside them.
 */
export const WARMUP_QUESTIONS = 4_000;

interface LargeLibrary {
  library: Library;
  documentCount: number;
  generateMs: number;
  /** Splitting, tokenising, topic tagging and indexing every passage. */
  buildMs: number;
  /** After the library is built and garbage collected. */
  memory: MemoryFigures;
  /** Before the documents were generated: the cost of the library is the difference. */
  memoryBefore: MemoryFigures;
  questions: string[];
  warmup: string[];
}

export interface BenchContext {
  root: string;
  seedDocuments(): Document[];
  seedLibrary(): Library;
  large(): LargeLibrary;
  /** Drops the generated library so later sections measure without it. */
  /** Drops the 200k library; true when there was one to drop. */
  releaseLarge(): boolean;
  log(line: string): void;
}

export function createContext(log: (line: string) => void): BenchContext {
  const root = findPackageRoot(import.meta.url);
  let seedDocuments: Document[] | undefined;
  let seedLibrary: Library | undefined;
  let large: LargeLibrary | undefined;
  const ctx: BenchContext = {
    root,
    log,
    seedDocuments: () => {
      seedDocuments ??= loadSeedArticles(join(root, "seeds"));
      return seedDocuments;
    },
    seedLibrary: () => {
      seedLibrary ??= buildLibrary(ctx.seedDocuments());
      return seedLibrary;
    },
    large: () => {
      large ??= buildLarge(ctx);
      return large;
    },
    releaseLarge: () => {
      const held = large !== undefined;
      large = undefined;
      return held;
    },
  };
  return ctx;
}

function buildLarge(ctx: BenchContext): LargeLibrary {
  const memoryBefore = memoryAfterGc();
  let start = performance.now();
  let documents: Document[] | null = generateDocuments(ctx.seedDocuments(), {
    passages: LARGE_PASSAGES,
    seed: 20231101,
  });
  const generateMs = performance.now() - start;
  const documentCount = documents.length;
  ctx.log(`generated ${documentCount} documents in ${(generateMs / 1000).toFixed(1)} s; building the library…`);
  start = performance.now();
  const library = buildLibrary(documents);
  const buildMs = performance.now() - start;
  documents = null;
  const memory = memoryAfterGc();
  // Questions from passages spread over the whole library.
  const sentences: string[] = [];
  for (let id = 7; id < library.passageCount; id += 97) {
    const p = library.passage(id);
    if (p && !p.heading) sentences.push(p.text);
  }
  return {
    library,
    documentCount,
    generateMs,
    buildMs,
    memory,
    memoryBefore,
    questions: generateQuestions(sentences, QUESTIONS, 2),
    warmup: generateQuestions(sentences, WARMUP_QUESTIONS, 3),
  };
}
