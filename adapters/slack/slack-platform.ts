/**
 * The Slack platform for `nhsai serve`: a Bolt app whose receiver is either mounted on nhsai's
 * server at /slack/events (HTTP) or a Socket Mode connection opened in start() (SLACK_APP_TOKEN:
 * no public URL, the usual NHS firewall case). Wiring only: the work is in the listeners.
 */

import { App, type Receiver, SocketModeReceiver, webApi } from "@slack/bolt";
import type { PlatformDeps, ServedPlatform } from "../serve/served-platform.js";
import { boltLogger } from "./bolt-logger.js";
import { cachedAuthorize } from "./cached-authorize.js";
import { ChannelPacer } from "./channel-pacer.js";
import { SlackHttpReceiver } from "./http-receiver.js";
import { registerActions } from "./listeners/actions.js";
import { registerAppHome } from "./listeners/app-home.js";
import type { ListenerDeps } from "./listeners/listener-deps.js";
import { registerMessages } from "./listeners/messages.js";
import { registerSlashCommand } from "./listeners/slash-command.js";
import { proxySetup } from "./proxy-fetch.js";
import { replayGuard } from "./replay-guard.js";
import { slackClientOptions } from "./slack-client.js";
import { SlackPoster } from "./slack-poster.js";
import { slackSettings } from "./slack-settings.js";

export interface SlackPlatformOptions {
  /** A slash command's answer within this goes in the ack; slower ones follow via response_url. */
  fastReplyMs?: number;
  /** Proxy variables (HTTPS_PROXY, NO_PROXY…); default the process's. */
  env?: Record<string, string | undefined>;
}

export async function createSlackPlatform(
  deps: PlatformDeps,
  options: SlackPlatformOptions = {},
): Promise<ServedPlatform> {
  const settings = slackSettings(deps.config);
  const logger = boltLogger(deps.log, deps.config.LOG_LEVEL);
  const proxy = proxySetup(options.env ?? process.env);
  const clientOptions = slackClientOptions({ apiUrl: settings.apiUrl, logger, fetch: proxy?.fetch });
  const client = new webApi.WebClient(settings.botToken, clientOptions);
  const receiver =
    settings.mode === "http"
      ? new SlackHttpReceiver({
          signingSecret: settings.signingSecret,
          now: deps.now,
          log: deps.log,
          boltLogger: logger,
        })
      : new SocketModeReceiver({
          appToken: settings.appToken,
          logger,
          ...(proxy ? { dispatcher: proxy.dispatcher } : {}),
          installerOptions: { clientOptions: { ...clientOptions, retryConfig: { retries: 2 } } },
        });
  const authorize = cachedAuthorize(client, settings.botToken);
  // No conversation store: nhsai keeps no per-conversation state in Bolt (it would cost a lookup per request).
  const app = new App({
    receiver: receiver as Receiver,
    authorize,
    clientOptions,
    logger,
    ignoreSelf: true,
    convoStore: false,
  });
  const poster = new SlackPoster(client, new ChannelPacer(), deps.log);
  const listenerDeps: ListenerDeps = {
    chat: deps.chat,
    poster,
    client,
    now: deps.now,
    log: deps.log,
    fastReplyMs: options.fastReplyMs ?? 1_500,
  };
  app.use(replayGuard(deps.store, deps.now, deps.log));
  registerSlashCommand(app, listenerDeps);
  registerMessages(app, listenerDeps);
  registerActions(app, listenerDeps);
  registerAppHome(app, listenerDeps);
  app.error(async (error) => {
    deps.log.error("slack.listener_failed", { error: String(error).slice(0, 200) });
  });
  return {
    name: "slack",
    routes: receiver instanceof SlackHttpReceiver ? { "/slack/events": receiver.requestListener } : {},
    poster,
    start: async () => {
      await authorize.warm(deps.log);
      if (settings.mode === "socket") await app.start().catch(refusedSocket);
      deps.log.info("slack.started", { mode: settings.mode });
    },
    stop: async () => {
      if (settings.mode === "socket") await app.stop();
    },
  };
}

/** One line for the operator: the usual cause is a wrong or revoked app token. */
function refusedSocket(error: unknown): never {
  const reason = (error as { data?: { error?: string } }).data?.error ?? String(error).slice(0, 200);
  throw new Error(
    `Slack refused the Socket Mode connection (${reason}): check SLACK_APP_TOKEN (xapp-…, connections:write)`,
  );
}
