/** `nhsai serve` as a child process for the Teams tests (built CLI, clean environment, temp store). */

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../helpers/factories.js";
import { freePort, outputOf, type ProcessOutput } from "../helpers/processes.js";

const NHSAI_VARIABLES = /^(SLACK_|MICROSOFT_APP_|TEAMS_LOCAL$|DATABASE_URL$|DATA_DIR$|HOST$|PORT$|ADMINS$|LOG_LEVEL$)/;

export interface ServeProcess {
  port: number;
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  stop(): Promise<ProcessOutput>;
}

function serveEnv(env: Record<string, string>, dataDir: string, port: number) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !NHSAI_VARIABLES.test(k)));
  return { ...clean, DATA_DIR: dataDir, PORT: String(port), ...env };
}

/** Runs serve to its exit (for start-up failures). */
export async function serveUntilExit(env: Record<string, string>): Promise<ProcessOutput> {
  const dataDir = mkdtempSync(join(tmpdir(), "nhsai-teams-serve-"));
  try {
    const child = spawn(process.execPath, [join(ROOT, "dist/adapters/cli/nhsai.js"), "serve", "--allow-idle"], {
      env: serveEnv(env, dataDir, await freePort()),
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    const out = await outputOf(child);
    clearTimeout(timer);
    return out;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Starts serve and resolves once it says it is ready. */
export async function startServe(env: Record<string, string>): Promise<ServeProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), "nhsai-teams-serve-"));
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, "dist/adapters/cli/nhsai.js"), "serve", "--allow-idle"], {
    env: serveEnv(env, dataDir, port),
  });
  const done = outputOf(child);
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (c: Buffer) => {
      stdout += c.toString();
      if (/ready on port|serving \/healthz/.test(stdout)) resolve();
    });
    void done.then((o) => reject(new Error(`serve exited early (${o.code}): ${o.stderr}`)));
  });
  return {
    port,
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    stop: async () => {
      child.kill("SIGTERM");
      const out = await done;
      rmSync(dataDir, { recursive: true, force: true });
      return out;
    },
  };
}
