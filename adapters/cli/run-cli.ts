/** Dispatches `nhsai <command>`; returns the exit status (0 ok, 1 runtime failure, 2 bad usage). */

import { UsageError } from "./usage-error.js";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  ask: async () => (await import("./ask-command.js")).askCommand,
};

export const USAGE = `Usage: nhsai <command> [options]

  ask "<question>" [--json]     answer one question from the knowledge base
  help                          show this help
`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name = "help", ...rest] = argv;
  if (name === "help" || name === "--help" || name === "-h") {
    io.stdout(USAGE);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`nhsai: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`nhsai ${name}: ${error.message}\n`);
      return 2;
    }
    io.stderr(`nhsai ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
