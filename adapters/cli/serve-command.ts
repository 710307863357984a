import { once } from "node:events";
import { BriefingService } from "../../src/briefing-service.js";
import { ChatService } from "../../src/chat/chat-service.js";
import { type Config, ConfigError, loadConfig } from "../../src/config.js";
import { summariseStoreHealth } from "../../src/store/health-summary.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { StoreUnavailableError, StoreVersionError } from "../../src/store/store-errors.js";
import { archiveLinksFor, archiveRoutesFor } from "../archive/archive-setup.js";
import { createHttpServer } from "../http/server.js";
import { refuseUnconfiguredTeams, TEAMS_ROUTE } from "../serve/closed-routes.js";
import { PLATFORMS } from "../serve/platforms.js";
import { type RunningScheduler, startScheduler } from "../serve/run-scheduler.js";
import type { PlatformDeps, ServedPlatform } from "../serve/served-platform.js";
import { type FeedPolling, startFeedPolling } from "./feed-polling.js";
import { createJsonLogger } from "./json-logger.js";
import { openSeedLibrary } from "./open-library.js";
import type { CliIo } from "./run-cli.js";

/**
 * `nhsai serve`: one HTTP server (/healthz plus each configured platform's routes), the platforms
 * listed in adapters/serve/platforms.ts, and the scheduler (woken every minute, once they have started).
 */
export async function serveCommand(_args: string[], io: CliIo): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`nhsai serve: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  // The store is opened (created, migrated) before anything is served; a newer schema stops here.
  let store: Store;
  try {
    store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }, new Date());
  } catch (error) {
    if (!(error instanceof StoreVersionError || error instanceof StoreUnavailableError)) throw error;
    io.stderr(`nhsai serve: ${error.message}\n`);
    return 1;
  }
  try {
    return await serve(config, store, io);
  } finally {
    await store.close();
  }
}

async function serve(config: Config, store: Store, io: CliIo): Promise<number> {
  const library = openSeedLibrary();
  const log = createJsonLogger(io.stderr, config.LOG_LEVEL);
  const briefings = new BriefingService(library);
  const chat = new ChatService(briefings, store, config.ADMINS, { timeZone: config.TZ_DEFAULT });
  const deps: PlatformDeps = { config, store, chat, now: () => new Date(), log };
  const platforms: ServedPlatform[] = [];
  for (const factory of PLATFORMS.filter((p) => p.wanted(config))) {
    try {
      platforms.push(await (await factory.load())(deps));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.stderr(`nhsai serve: ${error.message}\n`);
      return 1;
    }
  }
  const names = platforms.map((p) => p.name);
  const server = createHttpServer({
    health: async () => {
      const { serving, summary } = await summariseStoreHealth(store, 3_000);
      return { status: serving ? "ok" : "degraded", platforms: names, documents: library.all().length, store: summary };
    },
    routes: Object.assign({ [TEAMS_ROUTE]: refuseUnconfiguredTeams }, ...platforms.map((p) => p.routes)),
    pages: archiveRoutesFor(config, store, chat, log),
  });
  try {
    server.listen(config.PORT);
    await once(server, "listening");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EADDRINUSE" && code !== "EACCES") throw error;
    io.stderr(`nhsai serve: PORT ${config.PORT} ${code === "EACCES" ? "needs privileges" : "is already in use"}\n`);
    return 1;
  }
  // Listen for the stop signals before announcing readiness: whoever reads that line may signal at once.
  const stopSignal = nextStopSignal();
  let feeds: FeedPolling | null = null;
  let scheduler: RunningScheduler | null = null;
  try {
    // Once the port is ours: stored documents loaded, FEEDS followed, the first poll started.
    feeds = await startFeedPolling(config, store, chat, log);
    for (const platform of platforms) await platform.start();
    const posters = platforms.map((p) => p.poster);
    scheduler = startScheduler({ store, briefings, posters, log, ...archiveLinksFor(config) }, io.env);
    io.stdout(
      names.length === 0
        ? `nhsai serve: no platform (Slack or Teams) is configured; serving /healthz on port ${config.PORT}\n`
        : `nhsai serve: ${names.join(" and ")} ready on port ${config.PORT}\n`,
    );
    const signal = await stopSignal;
    io.stdout(`nhsai serve: ${signal} received, shutting down\n`);
  } finally {
    await feeds?.stop();
    await scheduler?.stop();
    for (const platform of platforms) await platform.stop();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return 0;
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
