import { once } from "node:events";
import { ConfigError, configuredPlatforms, loadConfig } from "../../src/config.js";
import { createHttpServer } from "../http/server.js";
import { openSeedLibrary } from "./open-library.js";
import type { CliIo } from "./run-cli.js";

/**
 * `nhsai serve`: the HTTP server with /healthz. The Slack and Teams adapters and the scheduler
 * plug in here as their issues land; until then it says no platform is configured.
 */
export async function serveCommand(_args: string[], io: CliIo): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
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
  server.listen(config.PORT);
  await once(server, "listening");
  const wanted = configuredPlatforms(config);
  io.stdout(
    wanted.length === 0
      ? `nhsai serve: no platform (Slack or Teams) is configured; serving /healthz on port ${config.PORT}\n`
      : `nhsai serve: ${wanted.join(" and ")} configured but not available in this version; serving /healthz on port ${config.PORT}\n`,
  );
  const signal = await Promise.race([once(process, "SIGTERM"), once(process, "SIGINT")]);
  io.stdout(`nhsai serve: ${String(signal[0] ?? "signal")} received, shutting down\n`);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return 0;
}
