/**
 * Parsing off the event loop: a small pool of worker threads (piscina) runs every read task, each
 * with a time budget. A hostile page (thousands of nested elements make Readability take minutes)
 * then costs one worker thread for the budget, not the process's event loop: the task is refused
 * as "took too long to read", and piscina stops that thread and starts a fresh one.
 */

import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Piscina } from "piscina";
import { findPackageRoot } from "../package-root.js";
import { failure } from "./article-draft.js";
import type { DocumentReader, ReadOutput, ReadTask } from "./read-task.js";

export interface ReadPoolOptions {
  /** The longest one document may take to parse, in the worker, before it is refused. */
  budgetMs: number;
  threads: number;
  /** Heap per worker: a document whose DOM would need more fails alone. */
  maxHeapMb: number;
}

/** One thread per spare core, at most two: the main thread keeps a core for requests. */
const DEFAULT_READ_POOL: ReadPoolOptions = {
  budgetMs: 10_000,
  threads: Math.max(1, Math.min(2, availableParallelism() - 1)),
  maxHeapMb: 512,
};

/** Threads stay this long after their last task, so a poll's items reuse them. */
const IDLE_MS = 30_000;

export class ReadPool implements DocumentReader {
  /** Started on the first read: piscina loads then, not when a cold `nhsai ask` imports the core. */
  private pool: Promise<Piscina> | undefined;
  private readonly waiting: (() => void)[] = [];
  private running = 0;

  constructor(private readonly options: ReadPoolOptions = DEFAULT_READ_POOL) {}

  private started(): Promise<Piscina> {
    this.pool ??= import("piscina").then(
      ({ Piscina }) =>
        new Piscina({
          filename: workerFile(),
          minThreads: 0,
          maxThreads: this.options.threads,
          idleTimeout: IDLE_MS,
          resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb },
        }),
    );
    return this.pool;
  }

  async read<T extends ReadTask>(task: T): Promise<ReadOutput<T>> {
    // A task is handed to piscina only when a thread is free, so its budget counts parsing, not queueing.
    await this.takeTurn();
    const signal = AbortSignal.timeout(this.options.budgetMs);
    try {
      return (await (await this.started()).run(task, { signal })) as ReadOutput<T>;
    } catch (error) {
      if (signal.aborted) return failure(`took too long to read (more than ${this.options.budgetMs / 1000} s)`);
      const message = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
      return failure(`could not be read (${message.slice(0, 200)})`);
    } finally {
      this.passTurn();
    }
  }

  async close(): Promise<void> {
    if (this.pool) await (await this.pool).destroy();
  }

  private async takeTurn(): Promise<void> {
    if (this.running < this.options.threads) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** A finished task's turn goes straight to the next waiting one, so none can slip in between. */
  private passTurn(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}

/** The built worker beside this module; run from the TypeScript source (the tests), the built copy in dist/. */
function workerFile(): string {
  const beside = fileURLToPath(new URL("./read-worker.js", import.meta.url));
  if (existsSync(beside)) return beside;
  return join(findPackageRoot(import.meta.url), "dist", "src", "ingest", "read-worker.js");
}
