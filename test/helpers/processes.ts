/** Child processes and ports for tests that run the real `nhsai` (or a fixture) as a process. */

import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DELIVERY_CHANNEL, type DeliveryStep } from "../../src/schedules/delivery-channel.js";

export interface ProcessOutput {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Every variable nhsai's configuration reads (src/config.ts), by name or prefix. */
const NHSAI_VARIABLES =
  /^(SLACK_|MICROSOFT_APP_|TEAMS_|DATABASE_URL$|DATA_DIR$|TZ_DEFAULT$|HOST$|PORT$|FEEDS|LOG_LEVEL$|ADMINS$|EDITORS$|REVIEW_|INGEST_|ARCHIVE|PUBLIC_URL$|METRICS_TOKEN$)/;

/**
 * The caller's environment without any nhsai variable, then `extra`: for an `nhsai` process a test
 * starts, so a developer's own tokens, store or settings change no test.
 */
export function nhsaiEnv(extra: Record<string, string> = {}): Record<string, string> {
  const clean = Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && !NHSAI_VARIABLES.test(entry[0]),
  );
  return { ...Object.fromEntries(clean), ...extra };
}

/** Collects a child's output until it closes. */
export function outputOf(child: ChildProcess): Promise<ProcessOutput> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** A port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as { port: number }).port;
  server.close();
  await once(server, "close");
  return port;
}

const CRASH_PRELOAD = pathToFileURL(join(import.meta.dirname, "crash-at.mjs")).href;

/**
 * Environment for an `nhsai` process that kills itself (SIGKILL) when a delivery passes `step`:
 * crash-at.mjs, preloaded, subscribes to the delivery channel. Nothing in the shipped code reads it.
 */
export function crashAt(step: DeliveryStep): Record<string, string> {
  return { NODE_OPTIONS: `--import=${CRASH_PRELOAD}`, CRASH_AT: step, CRASH_CHANNEL: DELIVERY_CHANNEL };
}
