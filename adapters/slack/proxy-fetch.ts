/**
 * NHS networks often reach Slack only through a proxy. The Slack SDKs use fetch (Web API,
 * response_url) and an undici WebSocket (Socket Mode); neither reads HTTPS_PROXY by itself, so
 * when a proxy variable is set they get undici's EnvHttpProxyAgent (which honours NO_PROXY too).
 */

import { type Dispatcher, EnvHttpProxyAgent, fetch as undiciFetch } from "undici";

export interface ProxySetup {
  dispatcher: Dispatcher;
  fetch: typeof globalThis.fetch;
}

const PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"];

/** Null when no proxy variable is set (the SDKs' defaults then apply). */
export function proxySetup(env: Record<string, string | undefined>): ProxySetup | null {
  if (!PROXY_VARIABLES.some((name) => env[name])) return null;
  const pick = (name: string) => env[name] || env[name.toLowerCase()] || undefined;
  const dispatcher = new EnvHttpProxyAgent({
    ...optional("httpProxy", pick("HTTP_PROXY")),
    ...optional("httpsProxy", pick("HTTPS_PROXY")),
    ...optional("noProxy", pick("NO_PROXY")),
  });
  const fetch = ((url: string | URL, init?: RequestInit) =>
    undiciFetch(url, { ...(init as object), dispatcher })) as unknown as typeof globalThis.fetch;
  return { dispatcher, fetch };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
