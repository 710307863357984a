import { BriefingService } from "../../src/index.js";
import { parseTerminalText } from "../shell/parse.js";
import { renderText } from "../shell/render-text.js";
import { terminalStyle } from "../shell/terminal-style.js";
import type { CliIo } from "./cli-io.js";
import { existingStore, openLibrary } from "./open-library.js";
import { parseFlags } from "./parse-flags.js";

/**
 * `nhsai command "<text after /nhsai>" [--json]`: one slash command, answered as Slack or Teams
 * would be. A reply the bot gives (even "I don't know that command") is a success: exit 0.
 */
export async function commandCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, { json: { type: "boolean" } });
  const typed = parseTerminalText(positionals.join(" "));
  const kind = typed.command.kind;
  // Sources need the store (feeds, their last reads); everything else only the library.
  const reply =
    kind === "sources_change" || (kind === "sources" && existingStore(io.env))
      ? await (await import("./command-sources.js")).sourcesFromStore(typed, io.env)
      : new BriefingService(await openLibrary(io.env)).handleTyped(typed, { now: new Date() });
  io.stdout(
    values.json ? `${JSON.stringify(reply, null, 2)}\n` : renderText(reply, terminalStyle(process.stdout, io.env)),
  );
  return 0;
}
