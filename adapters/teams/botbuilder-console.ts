/**
 * botbuilder writes some failures straight to `console` (botframework-connector's token check
 * prints the channel's public keys for an unknown key, and a stack for an expired token) and
 * offers no logger to use instead. Console calls made from inside its packages are routed into
 * nhsai's JSON logger at debug: the route has already logged the refusal once (teams.refused), so
 * a bad token costs one JSON line. Console calls from anywhere else pass through unchanged.
 */

import type { Logger } from "../../src/index.js";

const BOTBUILDER_FRAME = /[\\/]node_modules[\\/](botframework-[\w-]+|botbuilder[\w-]*)[\\/]/;
const METHODS = ["error", "warn", "log", "info", "debug"] as const;

let route: Logger | undefined;

/** Sends botbuilder's console output to `log` from now on (the latest platform's logger wins). */
export function routeBotbuilderConsole(log: Logger): void {
  if (!route) for (const method of METHODS) wrap(method);
  route = log;
}

function wrap(method: (typeof METHODS)[number]): void {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    // The caller is two frames up; console output is rare, so reading the stack costs nothing that matters.
    if (route && BOTBUILDER_FRAME.test(new Error().stack ?? "")) {
      route.debug("teams.sdk_console", { method, message: firstLine(args[0]) });
      return;
    }
    original(...args);
  };
}

function firstLine(value: unknown): string {
  const text = value instanceof Error ? `${value.name}: ${value.message}` : String(value);
  return (text.split("\n")[0] ?? "").slice(0, 200);
}
