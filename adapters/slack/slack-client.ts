/**
 * The Web API client options nhsai uses everywhere: no blind retries (a post whose reply was lost
 * must not appear twice; the poster handles 429s itself), an explicit timeout (the SDK's default
 * waits forever), and the base URL and proxy the environment gives. Their `fetch` carries the same
 * timeout: Bolt posts to response_url with it, where undici alone would wait 300 s.
 */

import type { Logger as BoltLogger, webApi } from "@slack/bolt";

/** Every Web API call and response_url post gives up after this long. */
const API_TIMEOUT_MS = 10_000;

export interface ClientSettings {
  apiUrl?: string | undefined;
  timeoutMs?: number;
  logger?: BoltLogger;
  fetch?: typeof globalThis.fetch | undefined;
}

export function slackClientOptions(settings: ClientSettings = {}): webApi.WebClientOptions {
  const timeoutMs = settings.timeoutMs ?? API_TIMEOUT_MS;
  return {
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: timeoutMs,
    ...(settings.logger ? { logger: settings.logger } : {}),
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    fetch: timedFetch(settings.fetch ?? globalThis.fetch, timeoutMs),
  };
}

/** `fetch` that gives up after `timeoutMs` (as well as on the caller's own signal). */
function timedFetch(fetch: typeof globalThis.fetch, timeoutMs: number): typeof globalThis.fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    return fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
}
