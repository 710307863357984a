/**
 * `nhsai sources [--verbose]`: the feeds the bot follows and when each was last read, as chat shows
 * them. `--verbose` adds why a failing feed could not be read: errors name hosts and addresses, so
 * they are shown here, to whoever runs the CLI (who can already reach the store), and never in chat.
 */

import { type FeedSource, feedFailingSince, londonTimeLabel, sanitiseText, withoutPassword } from "../../src/index.js";
import type { CliIo } from "./cli-io.js";
import { openConfiguredStore } from "./open-configured-store.js";
import { parseFlags } from "./parse-flags.js";
import { UsageError } from "./usage-error.js";

export async function sourcesCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, { verbose: { type: "boolean" } });
  if (positionals.length > 0) throw new UsageError(`takes no arguments (got "${positionals[0]}")`);
  const opened = await openConfiguredStore("sources", io);
  if (!opened) return 1;
  const { store } = opened;
  try {
    const feeds = await store.listFeeds();
    if (feeds.length === 0) io.stdout("No feeds followed yet. Follow one with: nhsai ingest <feed-url>\n");
    for (const feed of feeds)
      io.stdout(
        `${describeFeed(feed, values.verbose === true)
          .map(sanitiseText)
          .join("\n")}\n`,
      );
    if (!values.verbose && feeds.some((f) => f.lastError)) io.stdout("(nhsai sources --verbose says why)\n");
    return 0;
  } finally {
    await store.close();
  }
}

function describeFeed(feed: FeedSource, verbose: boolean): string[] {
  const lines = [
    withoutPassword(feed.url),
    `  ${feed.lastReadAt ? `last read ${londonTimeLabel(feed.lastReadAt)}` : "not read yet"}`,
  ];
  if (!feed.lastError) return lines;
  lines.push(`  ${feedFailingSince(feed)}`);
  if (verbose)
    lines.push(`  latest error${feed.checkedAt ? ` (${londonTimeLabel(feed.checkedAt)})` : ""}: ${feed.lastError}`);
  return lines;
}
