/**
 * What `nhsai serve` needs of a chat platform adapter (Slack, Teams): HTTP routes to mount on the
 * one server, a poster for channel briefings, and start/stop for anything else it runs (Slack's
 * Socket Mode connection, say). Each adapter folder exports one `create…Platform(deps)`.
 *
 * Creating a platform has no side effects beyond construction (no sockets, no calls): `nhsai
 * run-due` creates them only to use their posters. Connections open in `start()`.
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import type { BriefingService, ChannelPoster, Config, Logger, ReviewDesk, Store } from "../../src/index.js";

/** May return a promise: the server answers 500 if it rejects (or the handler throws). */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface ServedPlatform {
  readonly name: "slack" | "teams";
  /** Exact paths (e.g. "/slack/events") to their handlers; the server answers 404 elsewhere. */
  readonly routes: Record<string, RouteHandler>;
  /** Posts to channels, for the scheduler and on-demand channel posts. */
  readonly poster: ChannelPoster;
  /** Sends reviewers their drafts by direct message (channels subscribed `with review`). */
  readonly reviewDesk?: ReviewDesk;
  /** Called once the HTTP server listens (e.g. opens Socket Mode). */
  start(): Promise<void>;
  /** Stops everything `start` started; the HTTP server is closed by serve. */
  stop(): Promise<void>;
}

export interface PlatformDeps {
  config: Config;
  store: Store;
  service: BriefingService;
  /** The clock; tests and `run-due --at` may replace it. */
  now: () => Date;
  log: Logger;
  /** Told of each activity a platform ignored on purpose, e.g. from a tenant not served (metrics). */
  ignored?: (platform: ServedPlatform["name"], reason: string) => void;
}
