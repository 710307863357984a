/**
 * `nhsai run-due [--at ISO-time] [--json]`: delivers what is due at that moment (default now)
 * through the configured platforms' posters, and sends reviewers the drafts due then, then exits;
 * for hosts without a long-running `serve`, and for tests. Safe to run on several hosts at once: each slot is claimed once.
 */

import { BriefingService, ConfigError } from "../../src/index.js";
import { archiveLinksFor } from "../archive/archive-setup.js";
import { createPosters } from "../serve/platforms.js";
import { createScheduler, reviewSettingsFor } from "../serve/scheduler.js";
import type { CliIo } from "./cli-io.js";
import { createJsonLogger } from "./json-logger.js";
import { openConfiguredStore } from "./open-configured-store.js";
import { openStoredLibrary } from "./open-library.js";
import { parseFlags } from "./parse-flags.js";
import { UsageError } from "./usage-error.js";

export async function runDueCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, { at: { type: "string" }, json: { type: "boolean" } });
  if (positionals.length > 0) throw new UsageError(`takes no arguments (got "${positionals[0]}")`);
  const at = values.at === undefined ? new Date() : new Date(values.at);
  if (Number.isNaN(at.getTime()) || (values.at !== undefined && !/^\d{4}-\d{2}-\d{2}T/.test(values.at)))
    throw new UsageError(`--at must be an ISO time such as 2026-11-23T09:00:00Z (got "${values.at}")`);
  const opened = await openConfiguredStore("run-due", io);
  if (!opened) return 1;
  const { config, store } = opened;
  try {
    const log = createJsonLogger(io.stderr, config.LOG_LEVEL);
    // The seeds and every stored document, as serve's library holds them: a briefing run from
    // cron must brief on what was ingested, not only on the seeds.
    const library = await openStoredLibrary(store, config.DATA_DIR, (event, reason) => log.warn(event, { reason }));
    const service = new BriefingService(library, { store, admins: config.ADMINS, timeZone: config.TZ_DEFAULT });
    let platforms: Awaited<ReturnType<typeof createPosters>>;
    try {
      platforms = await createPosters({ config, store, service, now: () => at, log });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.stderr(`nhsai run-due: ${error.message}\n`);
      return 1;
    }
    const { posters, desks } = platforms;
    if (posters.length === 0) {
      io.stderr("nhsai run-due: no platform (Slack or Teams) is configured, so nothing can be posted\n");
      return 1;
    }
    const summary = await createScheduler({
      store,
      briefings: service,
      posters,
      log,
      review: reviewSettingsFor(config, desks),
      ...archiveLinksFor(config),
    }).runDue(at);
    io.stdout(
      values.json
        ? `${JSON.stringify({ at: at.toISOString(), ...summary })}\n`
        : `nhsai run-due at ${at.toISOString()}: sent ${summary.sent}, uncertain ${summary.uncertain}, failed ${summary.failed}, skipped ${summary.skipped}, held ${summary.held}, paused ${summary.paused}, taken by another run ${summary.taken}, recovered ${summary.recovered}, drafts sent ${summary.drafts}\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
