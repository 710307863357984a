/**
 * The process's logger: one JSON line per event on stderr, at LOG_LEVEL (debug, info, warn,
 * error; default info). Fields are facts (ids, counts, statuses); message text, tokens and
 * secrets are never passed in, and values that look like credentials are masked anyway.
 */

import type { LogFields, Logger } from "../../src/index.js";

const LEVELS = ["debug", "info", "warn", "error"] as const;
type Level = (typeof LEVELS)[number];

/** Slack tokens, JWTs, bearer headers and e-mail addresses: masked if they ever reach a log. */
const SECRET_SHAPES = /xox[abpr]-[\w-]+|xapp-[\w-]+|eyJ[\w-]+\.[\w-]+\.[\w-]*|Bearer\s+\S+|[\w.+-]+@[\w-]+\.[\w.-]+/g;
/** The user and password of a URL ("https://user:pass@host/"), whatever characters the password holds. */
const URL_USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^/?#\s"@]+@/gi;

function maskSecrets(text: string): string {
  return text.replace(URL_USER_INFO, "$1[redacted]@").replace(SECRET_SHAPES, "[redacted]");
}

export function createJsonLogger(
  write: (line: string) => void,
  level: string | undefined,
  now: () => Date = () => new Date(),
): Logger {
  const min = LEVELS.indexOf((LEVELS as readonly string[]).includes(level ?? "") ? (level as Level) : "info");
  const at =
    (lvl: Level) =>
    (event: string, fields: LogFields = {}) => {
      if (LEVELS.indexOf(lvl) < min) return;
      write(`${maskSecrets(JSON.stringify({ time: now().toISOString(), level: lvl, event, ...fields }))}\n`);
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
