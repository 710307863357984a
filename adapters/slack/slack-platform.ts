/**
 * The Slack platform for `nhsai serve`: a Bolt app whose receiver is either mounted on nhsai's
 * server at /slack/events (HTTP) or a Socket Mode connection opened in start() (SLACK_APP_TOKEN:
 * no public URL, the usual NHS firewall case). Wiring only: the work is in the listeners.
 */

import { App, type BlockAction, type ButtonAction, type Receiver, SocketModeReceiver, webApi } from "@slack/bolt";
import type { Logger } from "../../src/index.js";
import type { PlatformDeps, ServedPlatform } from "../http/served-platform.js";
import { boltLogger } from "./bolt-logger.js";
import { cachedAuthorize } from "./cached-authorize.js";
import { ChannelPacer } from "./channel-pacer.js";
import { SlackHttpReceiver } from "./http-receiver.js";
import { registerListeners } from "./listeners/index.js";
import type { ListenerDeps } from "./listeners/listener-deps.js";
import { proxySetup } from "./proxy-fetch.js";
import { ReplayGuard } from "./replay-guard.js";
import { slackReview } from "./review-actions.js";
import { REVIEW_ACTION } from "./review-desk.js";
import { slackClientOptions } from "./slack-client.js";
import { SlackPoster } from "./slack-poster.js";
import { slackSettings } from "./slack-settings.js";
import { socketReplayKey } from "./socket-replay-key.js";

export interface SlackPlatformOptions {
  /** A slash command's answer within this goes in the ack; slower ones follow via response_url. */
  fastReplyMs?: number;
  /**
   * Socket Mode: how long a ping may go unanswered, and the step of the reconnection back-off
   * (1×, 2×, 3×… after consecutive failures); Bolt's default 5 s. Tests shorten it.
   */
  socketPingTimeoutMs?: number;
  /** Proxy variables (HTTPS_PROXY, NO_PROXY…); default the process's. */
  env?: Record<string, string | undefined>;
  /** Web API calls and response_url posts (default API_TIMEOUT_MS). */
  outboundTimeoutMs?: number;
}

export async function createSlackPlatform(
  deps: PlatformDeps,
  options: SlackPlatformOptions = {},
): Promise<ServedPlatform> {
  const settings = slackSettings(deps.config);
  const logger = boltLogger(deps.log, deps.config.LOG_LEVEL);
  const replayGuard = new ReplayGuard(deps.store, deps.now, deps.log);
  const proxy = proxySetup(options.env ?? process.env);
  const clientOptions = slackClientOptions({
    apiUrl: settings.apiUrl,
    logger,
    fetch: proxy?.fetch,
    ...(options.outboundTimeoutMs ? { timeoutMs: options.outboundTimeoutMs } : {}),
  });
  const client = new webApi.WebClient(settings.botToken, clientOptions);
  const receiver =
    settings.mode === "http"
      ? new SlackHttpReceiver({
          signingSecret: settings.signingSecret,
          now: deps.now,
          log: deps.log,
          boltLogger: logger,
          replayGuard,
        })
      : new SocketModeReceiver({
          appToken: settings.appToken,
          logger,
          customPropertiesExtractor: socketReplayKey,
          ...(options.socketPingTimeoutMs ? { clientPingTimeout: options.socketPingTimeoutMs } : {}),
          ...(proxy ? { dispatcher: proxy.dispatcher } : {}),
          installerOptions: { clientOptions: { ...clientOptions, retryConfig: { retries: 2 } } },
        });
  if (receiver instanceof SocketModeReceiver) guardSocketMessages(receiver, deps.log);
  const authorize = cachedAuthorize(client, settings.botToken);
  // Bolt's defaults stand: ignoreSelf drops the bot's own events, the conversation store is its own.
  const app = new App({ receiver: receiver as Receiver, authorize, clientOptions, logger });
  const poster = new SlackPoster(client, new ChannelPacer(), deps.log);
  const listenerDeps: ListenerDeps = {
    service: deps.service,
    poster,
    client,
    now: deps.now,
    log: deps.log,
    fastReplyMs: options.fastReplyMs ?? 1_500,
  };
  // Over HTTP the receiver checks for replays before Bolt; over Socket Mode Bolt's middleware does.
  if (!(receiver instanceof SlackHttpReceiver)) app.use(replayGuard.middleware());
  const review = slackReview(deps, client, poster);
  registerListeners(app, listenerDeps);
  app.action<BlockAction<ButtonAction>>(REVIEW_ACTION, review.onClick);
  app.error(async (error) => {
    deps.log.error("slack.listener_failed", { error: String(error).slice(0, 200) });
  });
  return {
    name: "slack",
    routes: receiver instanceof SlackHttpReceiver ? { "/slack/events": receiver.requestListener } : {},
    poster,
    reviewDesk: review.desk,
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

/**
 * @slack/socket-mode reads `payload.event.type` of an `events_api` envelope unchecked, in an async
 * listener nobody awaits: an envelope without an event became an unhandled rejection. Its one
 * `ws_message` listener is replaced by the same method with the rejection caught and logged. The
 * reconnection test (test/slack/socket-reconnect.test.ts) fails should a new version rename it.
 */
function guardSocketMessages(receiver: SocketModeReceiver, log: Logger): void {
  const socket = receiver.client as unknown as {
    onWebSocketMessage(data: unknown, isBinary: boolean): Promise<void>;
    removeAllListeners(event: string): void;
    on(event: string, listener: (data: unknown, isBinary: boolean) => void): void;
  };
  socket.removeAllListeners("ws_message");
  socket.on("ws_message", (data, isBinary) => {
    socket.onWebSocketMessage(data, isBinary).catch((error: unknown) => {
      log.warn("slack.socket_message_unreadable", { error: error instanceof Error ? error.name : "unknown" });
    });
  });
}
