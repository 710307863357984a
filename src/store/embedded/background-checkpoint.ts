/**
 * SQLite copies its WAL back into the database file (a checkpoint, with fsyncs) from whichever
 * connection commits past `wal_autocheckpoint` pages. libSQL's API is synchronous, so that is the
 * event loop, blocked 5-40 ms every few hundred commits under load (measured: 55-70% of all commit
 * time). Once a process has committed often, a worker thread with a connection of its own
 * checkpoints every second instead: PASSIVE, so it never waits for a writer nor makes one wait.
 * The main connection keeps a checkpoint threshold of its own, raised, in case the worker stops.
 */

import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** Commits on one connection before the worker is worth starting (most commands never get there). */
export const BACKGROUND_AFTER_COMMITS = 200;

/** How often the worker checkpoints. */
const EVERY_MS = 1_000;

/** The main connection's own threshold once the worker runs: 40 MB of WAL, a safety net only. */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const Database = require(workerData.library);
const db = new Database(workerData.path);
db.exec("PRAGMA busy_timeout = 1000");
const checkpoint = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
// A failed round (the file briefly locked, say) is simply tried again next time; should the
// worker die, the main connection's raised threshold still bounds the WAL.
setInterval(() => {
  try {
    checkpoint.get();
  } catch {}
}, workerData.everyMs);
`;

/** Starts the checkpointing worker for the database file at `path`; it never keeps the process alive. */
export function startBackgroundCheckpoint(path: string): Worker {
  const library = createRequire(import.meta.url).resolve("libsql");
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { library, path, everyMs: EVERY_MS } });
  worker.unref();
  // A worker that cannot start (or dies) leaves checkpoints to the main connection, as before.
  worker.on("error", () => {});
  return worker;
}
