/**
 * Microsoft Teams for `nhsai serve`: the one folder that knows botbuilder, so moving to the
 * Microsoft 365 Agents SDK (botbuilder's successor) stays a one-folder change. Wiring only:
 * authentication, the /api/messages route, the bot, and the poster the scheduler uses.
 */

import { AuthenticationConstants, ClaimsIdentity } from "botframework-connector";
import { ConfigError } from "../../src/index.js";
import type { PlatformDeps, ServedPlatform } from "../http/served-platform.js";
import { routeBotbuilderConsole } from "./botbuilder-console.js";
import type { ConnectorDeps } from "./connector-client.js";
import { messagesRoute } from "./messages-route.js";
import { Pacer } from "./pacer.js";
import { teamsReview } from "./review-turns.js";
import type { ServiceUrlPolicy } from "./service-url.js";
import { type TeamsAuthOverrides, teamsAuthentication } from "./teams-auth.js";
import { TeamsBot } from "./teams-bot.js";
import { onTurnError, TeamsCloudAdapter } from "./teams-cloud-adapter.js";
import { TeamsPoster } from "./teams-poster.js";
import { TeamsSender } from "./teams-sender.js";

const STOP_GRACE_MS = 5_000;

export interface TeamsPlatformOptions extends TeamsAuthOverrides {
  /** Connector tuning for tests (fast backoff, a fake clock). */
  connector?: Partial<Omit<ConnectorDeps, "log" | "token">>;
  pacer?: Pacer;
  slowAfterMs?: number;
  /** All of a turn's replies together (default TURN_REPLY_BUDGET_MS). */
  replyTimeoutMs?: number;
}

export interface TeamsPlatform extends ServedPlatform {
  /** Waits for answers still being sent after their turn (tests, shutdown). */
  settle(): Promise<void>;
}

export async function createTeamsPlatform(
  deps: PlatformDeps,
  options: TeamsPlatformOptions = {},
): Promise<TeamsPlatform> {
  const { config, log } = deps;
  const appId = config.MICROSOFT_APP_ID ?? "";
  if (!appId && !config.TEAMS_LOCAL)
    throw new ConfigError("MICROSOFT_APP_ID is required for Teams (or TEAMS_LOCAL=1 for a local client)");
  routeBotbuilderConsole(log);
  const { auth } = teamsAuthentication(config, options);
  const policy: ServiceUrlPolicy = { allowTeams: Boolean(appId), allowLoopback: config.TEAMS_LOCAL };
  const adapter = new TeamsCloudAdapter(auth, options.replyTimeoutMs);
  onTurnError(adapter, log);
  const identity = new ClaimsIdentity([
    { type: AuthenticationConstants.AudienceClaim, value: appId },
    { type: AuthenticationConstants.AppIdClaim, value: appId },
  ]);
  const connector: ConnectorDeps = {
    ...options.connector,
    log,
    token: async (serviceUrl) => {
      if (!appId) return null;
      const client = await auth.createConnectorFactory(identity).create(serviceUrl);
      const credentials = client.credentials as { getToken?: (force?: boolean) => Promise<string> };
      return credentials.getToken ? credentials.getToken() : null;
    },
  };
  const sender = new TeamsSender(options.pacer ?? new Pacer(), connector, policy);
  const review = teamsReview(deps, sender, connector, policy, Boolean(appId));
  const bot = new TeamsBot({
    service: deps.service,
    store: deps.store,
    sender,
    now: deps.now,
    log,
    slowAfterMs: options.slowAfterMs,
    tenants: config.TEAMS_TENANTS,
    verifiedSenders: Boolean(appId),
    review,
    ignored: (reason) => deps.ignored?.("teams", reason),
  });
  const route = messagesRoute({
    adapter,
    logic: (context) => bot.run(context),
    open: Boolean(appId) || config.TEAMS_LOCAL,
    authenticated: Boolean(appId),
    policy,
    log,
  });
  return {
    name: "teams",
    routes: { "/api/messages": route },
    poster: new TeamsPoster(deps.store, sender),
    reviewDesk: review.desk,
    start: async () => log.info("teams.ready", { authenticated: Boolean(appId), local: config.TEAMS_LOCAL }),
    // Answers still going out get a few seconds, inside Docker's 10 s between SIGTERM and SIGKILL.
    stop: () =>
      Promise.race([bot.settle(), new Promise<void>((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref())]),
    settle: () => bot.settle(),
  };
}
