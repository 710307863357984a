/**
 * `nhsai serve`, the long-running bot. What starts, in this order, each step only once the one
 * before it worked (a failure exits 1 with one line naming what to fix):
 *
 * 1. the configuration (variables, `--port`, `--host`), refusing to run with no chat platform
 *    unless `--allow-idle`;
 * 2. the store, opened and migrated, then read back whole: a damaged file is not served;
 * 3. the library, restored from its snapshot under DATA_DIR when current, and the BriefingService;
 * 4. the platforms the configuration turns on (platforms.ts), created but not started;
 * 5. health (health.ts): the store's background check and every part's readiness;
 * 6. the one HTTP server (adapters/http/): /healthz, the platforms' routes, /metrics, the archive;
 * 7. once the port is ours: the feed poller (feed-polling.ts), each platform's start (Socket Mode),
 *    then the scheduler (scheduler.ts), woken every minute.
 *
 * It runs until SIGTERM or SIGINT, then stops the other way round: feeds, scheduler (waiting for a
 * run in progress), health, platforms, the server's connections, the server, and last the store.
 */

import { once } from "node:events";
import type { Server } from "node:http";
import { BriefingService, type Config, ConfigError, platformsOf, type Store } from "../../src/index.js";
import { archiveLinksFor, archiveRoutesFor } from "../archive/archive-setup.js";
import type { CliIo } from "../cli/cli-io.js";
import { createJsonLogger } from "../cli/json-logger.js";
import { configuredFor, openStoreFor } from "../cli/open-configured-store.js";
import { openStoredLibrary } from "../cli/open-library.js";
import { parseFlags } from "../cli/parse-flags.js";
import { UsageError } from "../cli/usage-error.js";
import { createMetrics } from "../http/metrics.js";
import type { PlatformDeps, ServedPlatform } from "../http/served-platform.js";
import { createHttpServer } from "../http/server.js";
import { type FeedPolling, startFeedPolling } from "./feed-polling.js";
import { serveReadiness, startServeHealth } from "./health.js";
import { CLOSED_ROUTES, createPlatforms } from "./platforms.js";
import { type RunningScheduler, reviewSettingsFor, startScheduler } from "./scheduler.js";

export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const flags = serveFlags(args);
  const config = configuredFor("serve", io, flags.variables);
  if (!config) return 1;
  // A misspelt variable must not give a green health check and a bot that does nothing.
  if (!flags.allowIdle && platformsOf(config).length === 0) {
    io.stderr(`nhsai serve: ${NO_PLATFORM}\n`);
    return 1;
  }
  // The store is opened (created, migrated) before anything is served; a newer schema stops here.
  const store = await openStoreFor("serve", config, io);
  if (!store) return 1;
  try {
    return await serve(config, store, io);
  } finally {
    await store.close();
  }
}

async function serve(config: Config, store: Store, io: CliIo): Promise<number> {
  // A damaged file (pages failing SQLite's check) is not served: reads would fail at random.
  const opened = await store.health({ integrity: true });
  if (opened.state === "damaged") {
    io.stderr(`nhsai serve: ${opened.problem}\n`);
    return 1;
  }
  const log = createJsonLogger(io.stderr, config.LOG_LEVEL);
  // Restored from the saved snapshot under DATA_DIR when it is current: a replica answers from every
  // stored document within about a second instead of analysing them all first.
  const library = await openStoredLibrary(store, config.DATA_DIR, (event, reason) => log.warn(event, { reason }));
  const readiness = serveReadiness(config, io.env, log);
  const metrics = config.METRICS_TOKEN
    ? createMetrics({
        token: config.METRICS_TOKEN,
        documents: () => library.all().length,
        readiness: () => readiness.current(),
      })
    : null;
  const service = new BriefingService(library, {
    store,
    admins: config.ADMINS,
    timeZone: config.TZ_DEFAULT,
    ...(metrics ? { onReply: metrics.message } : {}),
  });
  const deps: PlatformDeps = {
    config,
    store,
    service,
    now: () => new Date(),
    log,
    ...(metrics ? { ignored: metrics.ignored } : {}),
  };
  let platforms: ServedPlatform[];
  try {
    platforms = await createPlatforms(deps);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`nhsai serve: ${error.message}\n`);
    return 1;
  }
  const names = platforms.map((p) => p.name);
  const health = await startServeHealth({
    store,
    readiness,
    platforms: names,
    documents: () => library.all().length,
    log,
  });
  const server = createHttpServer({
    health: () => health.current(),
    routes: Object.assign(
      { ...CLOSED_ROUTES },
      ...platforms.map((p) => p.routes),
      metrics ? { "/metrics": metrics.route } : {},
    ),
    pages: archiveRoutesFor(config, store, service, log),
    log,
    ...(metrics ? { observe: metrics.observe } : {}),
  });
  // TEAMS_LOCAL runs turns no token vouched for: only this machine may send them.
  const host = config.HOST ?? (config.TEAMS_LOCAL ? "127.0.0.1" : undefined);
  const refused = await listen(server, config.PORT, host);
  if (refused) {
    health.stop();
    io.stderr(`nhsai serve: ${refused}\n`);
    return 1;
  }
  const where = `port ${config.PORT}${host ? ` on ${host}` : ""}`;
  // Listen for the stop signals before announcing readiness: whoever reads that line may signal at once.
  const stopSignal = nextStopSignal();
  let feeds: FeedPolling | null = null;
  let scheduler: RunningScheduler | null = null;
  try {
    // Once the port is ours: stored documents loaded, FEEDS followed, the first poll started.
    feeds = await startFeedPolling(config, store, service, log, (outcomes) => {
      metrics?.feedPoll(outcomes);
      if (!outcomes) return readiness.feeds.failed("the last poll round failed");
      const failed = outcomes.filter((o) => o.status === "failed").length;
      readiness.feeds.succeeded(
        failed > 0 ? `${failed} of ${outcomes.length} reads failed at the last poll` : undefined,
      );
    });
    for (const platform of platforms) await platform.start();
    const posters = platforms.map((p) => p.poster);
    const review = reviewSettingsFor(
      config,
      platforms.map((p) => p.reviewDesk),
    );
    scheduler = startScheduler(
      { store, briefings: service, posters, log, review, ...archiveLinksFor(config) },
      (summary) => {
        metrics?.schedulerRun(summary);
        if (summary) readiness.scheduler.succeeded();
        else readiness.scheduler.failed("the last run failed (see scheduler.run_failed in the log)");
      },
    );
    if (config.TEAMS_LOCAL)
      io.stdout(
        `nhsai serve: TEAMS_LOCAL=1: listening on ${host} only; Teams senders are not verified and get no admin rights\n`,
      );
    io.stdout(
      names.length === 0
        ? `nhsai serve: no platform (Slack or Teams) is configured; serving /healthz on ${where}\n`
        : `nhsai serve: ${names.join(" and ")} ready on ${where}\n`,
    );
    const signal = await stopSignal;
    io.stdout(`nhsai serve: ${signal} received, shutting down\n`);
  } finally {
    await feeds?.stop();
    await scheduler?.stop();
    health.stop();
    for (const platform of platforms) await platform.stop();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return 0;
}

/** Why serve will not start with no platform, and what to set. */
const NO_PLATFORM =
  "no chat platform is configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (Slack over HTTP), " +
  "SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode), MICROSOFT_APP_ID with its credentials (Teams) or " +
  "TEAMS_LOCAL=1 (a local Teams client); or pass --allow-idle to serve only /healthz, the archive and the feeds";

/**
 * `--port N` and `--host H`, as the variables they override (flags win over PORT and HOST), so
 * they are checked by the same rules and named the same way in errors; `--allow-idle` lets serve
 * run with no chat platform.
 */
function serveFlags(args: string[]): { variables: Record<string, string>; allowIdle: boolean } {
  const { values, positionals } = parseFlags(args, {
    port: { type: "string" },
    host: { type: "string" },
    "allow-idle": { type: "boolean" },
  });
  if (positionals.length > 0) throw new UsageError(`takes no arguments (got "${positionals[0]}")`);
  return {
    variables: {
      ...(values.port === undefined ? {} : { PORT: values.port }),
      ...(values.host === undefined ? {} : { HOST: values.host }),
    },
    allowIdle: values["allow-idle"] === true,
  };
}

/** Listens on the port; null once listening, or why it cannot (a port in use, a host not of this machine). */
async function listen(server: Server, port: number, host: string | undefined): Promise<string | null> {
  try {
    server.listen(port, host);
    await once(server, "listening");
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND" || code === "EAI_AGAIN")
      return `HOST ${host} is not an address of this machine`;
    if (code !== "EADDRINUSE" && code !== "EACCES") throw error;
    return `PORT ${port} ${code === "EACCES" ? "needs privileges" : "is already in use"}`;
  }
}

/** Resolves on the first SIGTERM (Docker, systemd) or SIGINT (Ctrl-C), then stops listening for both. */
async function nextStopSignal(): Promise<NodeJS.Signals> {
  const stop = new AbortController();
  const wait = (name: NodeJS.Signals) => once(process, name, { signal: stop.signal }).then(() => name);
  try {
    return await Promise.race([wait("SIGTERM"), wait("SIGINT")]);
  } finally {
    stop.abort();
  }
}
