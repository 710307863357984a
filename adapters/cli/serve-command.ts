import { once } from "node:events";
import { type Config, ConfigError, configuredPlatforms, loadConfig } from "../../src/config.js";
import { summariseStoreHealth } from "../../src/store/health-summary.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { StoreUnavailableError, StoreVersionError } from "../../src/store/store-errors.js";
import { createHttpServer } from "../http/server.js";
import { openSeedLibrary } from "./open-library.js";
import type { CliIo } from "./run-cli.js";

/**
 * `nhsai serve`: the HTTP server with /healthz. The Slack and Teams adapters and the scheduler
 * plug in here as their issues land; until then it says no platform is configured.
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
  const platforms: string[] = [];
  const server = createHttpServer({
    health: async () => {
      const { serving, summary } = await summariseStoreHealth(store, 3_000);
      return { status: serving ? "ok" : "degraded", platforms, documents: library.all().length, store: summary };
    },
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
  const wanted = configuredPlatforms(config);
  io.stdout(
    wanted.length === 0
      ? `nhsai serve: no platform (Slack or Teams) is configured; serving /healthz on port ${config.PORT}\n`
      : `nhsai serve: ${wanted.join(" and ")} configured but not available in this version; serving /healthz on port ${config.PORT}\n`,
  );
  const signal = await stopSignal;
  io.stdout(`nhsai serve: ${signal} received, shutting down\n`);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
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
