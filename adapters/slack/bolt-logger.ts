/**
 * Bolt's and the Web API client's logger, routed into nhsai's JSON logs (which mask secrets).
 * The SDK's chatter is kept at warn and above unless LOG_LEVEL=debug.
 */

import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../src/index.js";
export function boltLogger(log: Logger, level: "debug" | "info" | "warn" | "error"): BoltLogger {
  let current = level === "debug" ? LogLevel.DEBUG : LogLevel.WARN;
  const say =
    (method: keyof Logger) =>
    (...messages: unknown[]) =>
      log[method]("slack.sdk", { message: messages.map(String).join(" ").slice(0, 500) });
  const rank = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];
  const on = (l: LogLevel) => rank.indexOf(l) >= rank.indexOf(current);
  return {
    debug: (...m) => on(LogLevel.DEBUG) && say("debug")(...m),
    info: (...m) => on(LogLevel.INFO) && say("info")(...m),
    warn: (...m) => on(LogLevel.WARN) && say("warn")(...m),
    error: (...m) => on(LogLevel.ERROR) && say("error")(...m),
    setLevel: (l) => {
      current = l;
    },
    getLevel: () => current,
    setName: () => {},
  };
}
