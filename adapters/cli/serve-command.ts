import { once } from "node:events";
import { type Config, ConfigError, configuredPlatforms, loadConfig } from "../../src/config.js";
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
  const library = openSeedLibrary();
  const platforms: string[] = [];
  const server = createHttpServer({
    health: () => ({ status: "ok", platforms, documents: library.all().length }),
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
