import { BriefingService } from "../../src/index.js";
import { runShell } from "../shell/shell.js";
import { terminalStyle } from "../shell/terminal-style.js";
import type { CliIo } from "./cli-io.js";
import { openLibrary } from "./open-library.js";
import { parseFlags } from "./parse-flags.js";
import { UsageError } from "./usage-error.js";

/** `nhsai shell` (and `nhsai` with no Slack or Teams credentials): the local chat in this terminal. */
export async function shellCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseFlags(args, {});
  if (positionals.length) throw new UsageError(`shell takes no arguments; type commands at its prompt`);
  return runShell({
    input: process.stdin,
    output: process.stdout,
    service: new BriefingService(await openLibrary(io.env)),
    now: () => new Date(),
    style: terminalStyle(process.stdout, io.env),
    terminal: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    logError: (error) =>
      io.stderr(`nhsai shell: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
  });
}
