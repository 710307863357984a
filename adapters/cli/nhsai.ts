#!/usr/bin/env node
/**
 * The `nhsai` command (see CONTRACT.md). This file only picks the subcommand; each lives in its
 * own module and is imported when used, so `nhsai ask` never loads the Slack or Teams SDKs.
 */

import { runCli } from "./run-cli.js";

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
