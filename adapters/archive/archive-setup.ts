/** The archive as `nhsai serve` and `nhsai run-due` configure it: ARCHIVE, ARCHIVE_TOKEN, PUBLIC_URL. */

import {
  archivePageUrl,
  BriefingService,
  type Config,
  type Logger,
  parseCommand,
  type Store,
} from "../../src/index.js";
import { createArchiveRoutes, type PageRoutes } from "./archive-routes.js";

/** The archive's pages for the server, or undefined with ARCHIVE=off (they answer 404 like any unknown path). */
export function archiveRoutesFor(
  config: Config,
  store: Store,
  service: BriefingService,
  log: Logger,
): PageRoutes | undefined {
  if (!config.ARCHIVE) return undefined;
  // The archive's search answers from the library alone: no conversation, no feeds from the store.
  const libraryOnly = new BriefingService(service.library);
  return createArchiveRoutes({
    store,
    ask: async (text, now) => {
      // As a chat message does: documents other replicas stored first, then the same reply.
      await service.refreshLibrary(now).catch(() => 0);
      return libraryOnly.handle(parseCommand(text), { now });
    },
    token: config.ARCHIVE_TOKEN,
    secureCookie: config.PUBLIC_URL?.startsWith("https:") ?? false,
    log,
  });
}

/** With PUBLIC_URL set and the archive on, each posted briefing links to its page ("View in browser"). */
export function archiveLinksFor(config: Config): { archivePage?: (id: string) => string } {
  const base = config.PUBLIC_URL;
  return config.ARCHIVE && base ? { archivePage: (id) => archivePageUrl(base, id) } : {};
}
