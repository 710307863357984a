import { BriefingService, type Conversation } from "../../src/index.js";
import { parseTerminalText } from "../shell/parse.js";
import { renderText } from "../shell/render-text.js";
import { terminalStyle } from "../shell/terminal-style.js";
import type { CliIo } from "./cli-io.js";
import { existingStore, openLibrary } from "./open-library.js";
import { parseFlags } from "./parse-flags.js";

/**
 * Whoever runs the CLI can already reach the store (DATA_DIR, DATABASE_URL), so the terminal's
 * operator counts as an admin here; changes are audited as "shell:operator".
 */
const OPERATOR: Conversation = {
  platform: "shell",
  channelId: "terminal",
  userId: "operator",
  scope: "personal",
  mayManageChannel: async () => true,
};

/**
 * `nhsai command "<text after /nhsai>" [--json]`: one slash command, answered as Slack or Teams
 * would be, through the same facade (BriefingService). A reply the bot gives (even "I don't know that
 * command") is a success: exit 0.
 */
export async function commandCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, { json: { type: "boolean" } });
  const command = parseTerminalText(positionals.join(" "));
  const { kind } = command;
  // Sources need the store (feeds, their last reads); everything else only the library, so a
  // question never waits for a store to open.
  const reply =
    kind === "sources_change" || (kind === "sources" && existingStore(io.env))
      ? await (await import("./command-sources.js")).sourcesFromStore(command, OPERATOR, io.env)
      : await new BriefingService(await openLibrary(io.env)).handle(command, {
          conversation: OPERATOR,
          now: new Date(),
        });
  io.stdout(
    values.json ? `${JSON.stringify(reply, null, 2)}\n` : renderText(reply, terminalStyle(process.stdout, io.env)),
  );
  return 0;
}
