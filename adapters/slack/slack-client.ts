/**
 * The Web API client options nhsai uses everywhere: no blind retries (a post whose reply was lost
 * must not appear twice; the poster handles 429s itself), an explicit timeout (the SDK's default
 * waits forever), and the base URL and proxy the environment gives.
 */

import type { Logger as BoltLogger, webApi } from "@slack/bolt";

/** Every Web API call gives up after this long. */
export const API_TIMEOUT_MS = 10_000;

export interface ClientSettings {
  apiUrl?: string | undefined;
  timeoutMs?: number;
  logger?: BoltLogger;
  fetch?: typeof globalThis.fetch | undefined;
}

export function slackClientOptions(settings: ClientSettings = {}): webApi.WebClientOptions {
  return {
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: settings.timeoutMs ?? API_TIMEOUT_MS,
    ...(settings.logger ? { logger: settings.logger } : {}),
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    ...(settings.fetch ? { fetch: settings.fetch } : {}),
  };
}
