/** The archive pages on a loopback server, as `nhsai serve` mounts them, over a test store and library. */

import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { createArchiveRoutes } from "../../adapters/archive/archive-routes.js";
import { createHttpServer } from "../../adapters/http/server.js";
import type { BriefingService } from "../../src/briefing-service.js";
import { parseCommand } from "../../src/commands/parse-command.js";
import { silentLogger } from "../../src/logger.js";
import type { Store } from "../../src/store/store.js";

export interface ArchiveServer {
  /** "http://127.0.0.1:<port>", no trailing slash. */
  url: string;
  close(): Promise<void>;
}

export async function startArchiveServer(
  store: Store,
  briefings: BriefingService,
  options: { token?: string; now?: Date } = {},
): Promise<ArchiveServer> {
  const now = options.now ?? new Date("2026-11-23T10:00:00Z");
  const pages = createArchiveRoutes({
    store,
    ask: (text) => briefings.handle(parseCommand(text), { now }),
    token: options.token,
    now: () => now,
    log: silentLogger,
  });
  const server = createHttpServer({ health: () => ({ status: "ok" }) as never, pages });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
