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
  const logError = (error: unknown) =>
    io.stderr(`nhsai shell: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return runShell({
    input: process.stdin,
    output: process.stdout,
    // The same facade as chat, with no store: the session's memory lasts this process.
    service: new BriefingService(await openLibrary(io.env), { onMemoryError: logError }),
    now: () => new Date(),
    style: terminalStyle(process.stdout, io.env),
    terminal: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    logError,
  });
}
