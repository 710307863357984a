#!/usr/bin/env node
/**
 * The `nhsai` command (docs/commands.md). This file only picks the subcommand; each lives in its
 * own module and is imported when used, so `nhsai ask` never loads the Slack or Teams SDKs.
 */

import { existsSync } from "node:fs";
import { createJsonLogger } from "./json-logger.js";
import { runCli } from "./run-cli.js";

// Settings in ./.env (the file .env.example describes), as Docker's --env-file would give them;
// a variable already set in the real environment wins. NHSAI_DOTENV=off reads no file (the tests).
if (process.env.NHSAI_DOTENV !== "off" && existsSync(".env")) process.loadEnvFile(".env");

/**
 * Exit status after an exception nothing caught (sysexits' EX_SOFTWARE): the process's state is
 * unknown, so it stops, and a supervisor (Docker's restart policy, systemd) starts a fresh one.
 */
export const CRASH_EXIT_CODE = 70;

const crashLog = createJsonLogger((line) => process.stderr.write(line), process.env.LOG_LEVEL);

// A synchronous throw nobody caught may have left any state half-changed: one JSON line, then exit.
process.on("uncaughtException", (error) => {
  crashLog.error("process.uncaught_exception", { error: error.name, detail: error.message.slice(0, 300) });
  process.exit(CRASH_EXIT_CODE);
});
// A rejected promise nobody awaited has only abandoned its own chain of work: logged, and serving goes on.
process.on("unhandledRejection", (reason) => {
  const error = reason instanceof Error ? reason : null;
  crashLog.error("process.unhandled_rejection", {
    error: error?.name ?? typeof reason,
    detail: (error?.message ?? String(reason)).slice(0, 300),
  });
});

// `nhsai digest | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
