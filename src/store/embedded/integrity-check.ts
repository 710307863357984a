/**
 * `PRAGMA quick_check` for the embedded store, in a worker thread with a connection of its own:
 * it reads every page (seconds on a large file), which must not happen on the event loop. A
 * damaged page anywhere (an index, a table nothing has read lately) is found here before an
 * operation trips over it.
 */

import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Integrity } from "../sql.js";

/** How many of SQLite's findings are kept: the first few say enough. */
const FINDINGS = 3;

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.library);
let answer;
try {
  const db = new Database(workerData.path, { readonly: true });
  try {
    db.exec("PRAGMA busy_timeout = 1000");
    answer = { rows: db.prepare("PRAGMA quick_check(${FINDINGS})").all().map((row) => String(Object.values(row)[0])) };
  } finally {
    db.close();
  }
} catch (error) {
  answer = { error: String(error && error.message || error) };
}
parentPort.postMessage(answer);
`;

/** Runs the check; one that does not finish within `timeoutMs` is stopped and said so (not taken as damage). */
export function quickCheck(path: string, timeoutMs: number): Promise<Integrity> {
  const library = createRequire(import.meta.url).resolve("libsql");
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { library, path } });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ sound: null, why: `the check did not finish within ${timeoutMs / 1000} s` });
    }, timeoutMs);
    const settle = (answer: Integrity) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(answer);
    };
    worker.once("message", (answer: { rows?: string[]; error?: string }) => {
      const rows = answer.rows ?? [];
      if (answer.error !== undefined) settle({ sound: false, findings: answer.error });
      else if (rows.length === 1 && rows[0] === "ok") settle({ sound: true });
      // One line: SQLite's findings come with line breaks of their own.
      else settle({ sound: false, findings: rows.join("; ").replace(/\s+/g, " ").trim() });
    });
    worker.once("error", (error) => settle({ sound: null, why: error.message }));
  });
}
