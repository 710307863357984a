import { BriefingService, digestReply, findTopic, parseIsoDay, TOPIC_IDS } from "../../src/index.js";
import { renderText } from "../shell/render-text.js";
import { terminalStyle } from "../shell/terminal-style.js";
import { renderBlocks } from "../slack/render-blocks.js";
import { teamsCardsJson } from "../teams/cards-json.js";
import type { CliIo } from "./cli-io.js";
import { openLibrary } from "./open-library.js";
import { parseFlags } from "./parse-flags.js";
import { UsageError } from "./usage-error.js";

const FORMATS = ["text", "json", "slack", "teams"] as const;

/**
 * `nhsai digest [--topic T] [--since YYYY-MM-DD] [--format text|json|slack|teams] [--json]`:
 * builds the Coffee Time briefing now and prints it, posting nothing. `slack` prints the Block Kit
 * messages (a JSON array of { text, blocks }) a channel post would carry; `teams` the Adaptive Card
 * (an array of cards when the digest needs several messages).
 */
export async function digestCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    topic: { type: "string" },
    since: { type: "string" },
    format: { type: "string" },
    json: { type: "boolean" },
  });
  if (positionals.length)
    throw new UsageError(`unexpected "${positionals.join(" ")}"; for one topic use --topic, e.g. --topic funding`);
  const format = values.json ? "json" : (values.format ?? "text");
  if (!FORMATS.includes(format as (typeof FORMATS)[number]))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not "${format}"`);
  const topic = values.topic === undefined ? null : findTopic(values.topic);
  if (topic === undefined) throw new UsageError(`unknown topic "${values.topic}"; topics: ${TOPIC_IDS.join(", ")}`);
  if (values.since !== undefined && parseIsoDay(values.since) === null)
    throw new UsageError(`--since must be a date as YYYY-MM-DD, e.g. 2024-01-31, not "${values.since}"`);

  const service = new BriefingService(await openLibrary(io.env));
  const digest = service.digest({ now: new Date() }, { topic: topic?.id ?? null, since: values.since ?? null });
  io.stdout(
    format === "json"
      ? `${JSON.stringify(digest, null, 2)}\n`
      : format === "slack"
        ? `${JSON.stringify(renderBlocks(digestReply(digest)), null, 2)}\n`
        : format === "teams"
          ? `${JSON.stringify(teamsCardsJson(digestReply(digest)), null, 2)}\n`
          : renderText(digestReply(digest), terminalStyle(process.stdout, io.env)),
  );
  return 0;
}
