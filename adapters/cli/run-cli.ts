/** Dispatches `nhsai <command>`; returns the exit status (0 ok, 1 runtime failure, 2 bad usage). */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findPackageRoot, platformsOf } from "../../src/index.js";
import type { CliIo } from "./cli-io.js";
import { UsageError } from "./usage-error.js";

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  ask: async () => (await import("./ask-command.js")).askCommand,
  command: async () => (await import("./command-command.js")).commandCommand,
  digest: async () => (await import("./digest-command.js")).digestCommand,
  shell: async () => (await import("./shell-command.js")).shellCommand,
  serve: async () => (await import("../serve/serve.js")).serveCommand,
  doctor: async () => (await import("./doctor-command.js")).doctorCommand,
  ingest: async () => (await import("./ingest-command.js")).ingestCommand,
  schedules: async () => (await import("./schedules-command.js")).schedulesCommand,
  sources: async () => (await import("./sources-command.js")).sourcesCommand,
  "run-due": async () => (await import("./run-due-command.js")).runDueCommand,
};

const USAGE = `Usage: nhsai <command> [options]

  ask "<question>" [--json]     answer one question from the knowledge base
  command "<text>" [--json]     run one slash command, e.g. nhsai command "funding"
  digest [--topic T] [--since YYYY-MM-DD] [--format text|json|slack|teams]
                                build a Coffee Time briefing now, without posting it
  shell                         local chat in this terminal (the default with no Slack/Teams credentials)
  serve [--port N] [--host H] [--allow-idle]
                                the HTTP server for Slack and Teams, with /healthz (PORT, default 3000;
                                HOST, default every interface, 127.0.0.1 with TEAMS_LOCAL=1); with no
                                platform configured it exits 1 unless --allow-idle
  ingest <file|folder|url>…     add articles (text, Markdown, HTML) or RSS/Atom feeds to the library (stored;
                                a feed URL is followed by serve from then on)
  ingest --refresh <file|url>   re-read a held article and update its title, authors, publisher and date
  doctor [--online]             check the configuration and the store, and say in plain words what is wrong
                                (--online: also try the Slack token and the Teams password)
  schedules [--json]            list channel subscriptions and their next runs
  sources [--verbose]           list the feeds followed and when each was last read (--verbose: why one fails)
  run-due [--at ISO-time] [--json]
                                post the briefings due at that moment (default now), then exit
  help                          show this help
  --version                     print nhsai's version

Settings come from the environment, and from ./.env where it exists (real variables win).
`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name = defaultCommand(io.env), ...rest] = argv;
  if (name === "help" || name === "--help" || name === "-h") {
    io.stdout(USAGE);
    return 0;
  }
  if (name === "--version" || name === "-v" || name === "version") {
    io.stdout(`nhsai ${packageVersion()}\n`);
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

/**
 * With no arguments: `serve` when the variables turn a platform on (the rule doctor and serve
 * use; src/config-defaults.ts, read without loading the validator), else the local shell.
 */
function defaultCommand(env: CliIo["env"]): string {
  return platformsOf(env).length > 0 && COMMANDS.serve ? "serve" : "shell";
}

/** The version in package.json, as npm published it. */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(findPackageRoot(import.meta.url), "package.json"), "utf8"));
  return String(manifest.version);
}
