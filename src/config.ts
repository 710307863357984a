/**
 * The process's configuration, read once from the environment (the README lists every variable).
 * A bad value stops start-up with one line naming the variable and what is wrong with it.
 */

import type ipaddr from "ipaddr.js";
import type { z } from "zod";
import { DEFAULTS } from "./config-defaults.js";
import { expandFeeds } from "./ingest/starter-feeds.js";
import { lazySchema, loadLazily, type Zod } from "./load-lazily.js";

export {
  DEFAULTS,
  type PlatformName,
  platformsOf,
  storeLocation,
} from "./config-defaults.js";

/** "a, b,,c" → ["a", "b", "c"]. */
function commaList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** ipaddr.js, required on first use (see load-lazily.ts). */
const ipaddrLib = loadLazily<typeof ipaddr>("ipaddr.js");

/** Whether `host` (a name or an address, IPv6 with or without brackets) is this machine's loopback. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (bare === "localhost" || bare.endsWith(".localhost")) return true;
  const addresses = ipaddrLib();
  if (!addresses.isValid(bare)) return false;
  return addresses.process(bare).range() === "loopback";
}

/** The schema of every variable. */
function buildSchema(z: Zod) {
  /** Empty strings count as unset: `FOO=` in an env file means "not configured". */
  const optionalText = z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined));

  const httpUrl = z.url({ protocol: /^https?$/, message: "must be an http(s) URL" });

  const variables = z.object({
    SLACK_BOT_TOKEN: optionalText,
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText,
    // The bot token travels to it: https, except to this machine (a test double, a local proxy).
    SLACK_API_URL: optionalText.pipe(
      httpUrl
        .refine(
          (url) => new URL(url).protocol === "https:" || isLoopbackHost(new URL(url).hostname),
          "must be an https URL (plain http only to a loopback address such as 127.0.0.1)",
        )
        .optional(),
    ),
    MICROSOFT_APP_ID: optionalText,
    MICROSOFT_APP_PASSWORD: optionalText,
    MICROSOFT_APP_TENANT_ID: optionalText,
    MICROSOFT_APP_TYPE: optionalText.pipe(z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).optional()),
    TEAMS_LOCAL: z
      .enum(["0", "1", ""], { message: "must be 1 or 0" })
      .optional()
      .transform((v) => v === "1"),
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
        .optional(),
    ),
    DATA_DIR: optionalText.transform((v) => v ?? DEFAULTS.DATA_DIR),
    TZ_DEFAULT: optionalText
      .transform((v) => v ?? DEFAULTS.TZ_DEFAULT)
      .refine(isTimeZone, "must be an IANA time zone such as Europe/London"),
    /** The address serve listens on; unset: every interface (127.0.0.1 only with TEAMS_LOCAL). */
    HOST: optionalText,
    PORT: optionalText
      .transform((v) => v ?? String(DEFAULTS.PORT))
      .pipe(z.string().regex(/^\d+$/, "must be a whole number"))
      .transform(Number)
      .pipe(z.number().int().min(1, "must be 1 to 65535").max(65535, "must be 1 to 65535")),
    FEEDS: optionalText
      // "starter" stands for the starter list of public NHS and health-tech feeds.
      .transform((v) => expandFeeds(commaList(v)))
      .pipe(
        z.array(
          z.url({
            protocol: /^https?$/,
            message: 'must list http(s) URLs (or the word "starter") separated by commas',
          }),
        ),
      )
      // Feeds are listed to every user: a password in one would be shown (the message never repeats it).
      .refine(
        (urls) => urls.every((u) => !/^[a-z]+:\/\/[^/?#]*@/i.test(u)),
        "must not hold a user name or password in a URL",
      ),
    FEEDS_POLL_MINUTES: optionalText
      .transform((v) => v ?? String(DEFAULTS.FEEDS_POLL_MINUTES))
      .pipe(z.string().regex(/^\d+$/, "must be a whole number of minutes"))
      .transform(Number)
      .pipe(z.number().int().min(1, "must be 1 to 1440 minutes").max(1440, "must be 1 to 1440 minutes")),
    LOG_LEVEL: optionalText
      .transform((v) => v ?? DEFAULTS.LOG_LEVEL)
      .pipe(z.enum(["debug", "info", "warn", "error"], { message: "must be debug, info, warn or error" })),
    // Tenant ids are GUIDs, which Teams may send in either case.
    TEAMS_TENANTS: optionalText.transform((v) => new Set(commaList(v).map((id) => id.toLowerCase()))),
    ADMINS: optionalText.transform((v) => new Set(commaList(v))),
    /** Reviewers of every reviewed channel besides its subscriber ("slack:U123", "teams:29:1abc"), like ADMINS. */
    EDITORS: optionalText
      .transform((v) => commaList(v))
      .refine(
        (ids) => ids.every((id) => /^(slack|teams):\S+$/.test(id)),
        "must list people as slack:<user id> or teams:<user id>, separated by commas",
      )
      .transform((ids) => new Set(ids)),
    /** How long before a reviewed slot its draft goes to the reviewers. */
    REVIEW_LEAD_MINUTES: optionalText
      .transform((v) => v ?? "60")
      .pipe(z.string().regex(/^\d+$/, "must be a whole number of minutes"))
      .transform(Number)
      .pipe(z.number().int().min(5, "must be 5 to 720 minutes").max(720, "must be 5 to 720 minutes")),
    /** A reviewed slot nobody approved: held (nothing posted) or posted unreviewed. */
    REVIEW_UNANSWERED: optionalText
      .transform((v) => v ?? "hold")
      .pipe(z.enum(["hold", "post"], { message: "must be hold or post" })),
    INGEST_ALLOW_PRIVATE: z
      .enum(["0", "1", ""], { message: "must be 1 or 0" })
      .optional()
      .transform((v) => v === "1"),
    /** The web archive of posted briefings (`/briefings`, `/library`): on unless "off". */
    ARCHIVE: z
      .enum(["on", "off", ""], { message: "must be on or off" })
      .optional()
      .transform((v) => v !== "off"),
    /** When set, the archive pages ask for it (a bearer token, or `?token=` once for a cookie). */
    ARCHIVE_TOKEN: optionalText.pipe(z.string().min(16, "must be at least 16 characters").optional()),
    /** Where people reach `nhsai serve`, e.g. https://nhsai.example.nhs.uk: posts link to their archive page. */
    PUBLIC_URL: optionalText.pipe(httpUrl.optional()),
    /** When set, `GET /metrics` (Prometheus) answers requests that carry it as a bearer token; unset, no /metrics. */
    METRICS_TOKEN: optionalText.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  });

  return variables.superRefine((config, context) => {
    // TEAMS_LOCAL trusts whoever can reach /api/messages without a token: this machine only.
    if (config.TEAMS_LOCAL && config.HOST && !isLoopbackHost(config.HOST))
      context.addIssue({ code: "custom", path: ["HOST"], message: TEAMS_LOCAL_HOST });
  });
}

/** Built, and zod loaded, the first time a configuration is read: see load-lazily.ts. */
const configSchema = lazySchema(buildSchema);

/** Why HOST and TEAMS_LOCAL=1 refuse each other (also said for `serve --host`). */
const TEAMS_LOCAL_HOST =
  "must be a loopback address (127.0.0.1, ::1) while TEAMS_LOCAL=1, which accepts unauthenticated Teams activities";

export type Config = z.infer<ReturnType<typeof buildSchema>>;

/** Variables whose value may be echoed in an error line: none of them can hold a secret. */
const SHOWABLE = new Set([
  "HOST",
  "PORT",
  "TZ_DEFAULT",
  "TEAMS_LOCAL",
  "INGEST_ALLOW_PRIVATE",
  "FEEDS_POLL_MINUTES",
  "MICROSOFT_APP_TYPE",
  "DATA_DIR",
  "LOG_LEVEL",
  "ARCHIVE",
  "PUBLIC_URL",
  "EDITORS",
  "REVIEW_LEAD_MINUTES",
  "REVIEW_UNANSWERED",
]);

/** A configuration problem, told in one line that names the variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Validates the environment; throws a ConfigError naming the first bad variable. Values are echoed
 * only for variables that cannot carry a secret (a DATABASE_URL holds a password; logs keep it).
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema().safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? "configuration");
  const got = SHOWABLE.has(name) ? ` (got ${JSON.stringify(env[name] ?? "")})` : "";
  throw new ConfigError(`${name} ${issue?.message ?? "is not valid"}${got}`);
}

/** Whether `zone` is an IANA time zone this Node knows (Europe/London, UTC…). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
