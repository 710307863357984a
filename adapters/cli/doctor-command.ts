/**
 * `nhsai doctor`: checks the configuration and the store (reachable, migrated, a real write that
 * commits, every page sound by PRAGMA quick_check, room on the disk, durable) and says in plain
 * words what is wrong. Exit 0 when all is well, 1 with a line per problem.
 * It opens the store as `serve` would, so a new embedded store is created and an older one
 * migrated; a store newer than this nhsai is reported, never changed.
 */

import {
  type Config,
  ConfigError,
  DEFAULT_FETCH_LIMITS,
  type FeedSource,
  fetchSafely,
  loadConfig,
  openStore,
  platformsOf,
  type Store,
  StoreUnavailableError,
  StoreVersionError,
  storeLocation,
} from "../../src/index.js";
import type { CliIo } from "./cli-io.js";
import { parseFlags } from "./parse-flags.js";
import { UsageError } from "./usage-error.js";

interface Finding {
  ok: boolean;
  /** Worth knowing, but not a failure: said, and the exit status stays 0. */
  warning?: boolean;
  text: string;
}

export async function doctorCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, { online: { type: "boolean" } });
  if (positionals.length > 0) throw new UsageError(`takes no arguments (got "${positionals[0]}")`);
  const store = await checkStore(io.env);
  const findings = [
    ...checkConfiguration(io.env),
    ...store.findings,
    ...(values.online ? await checkOnline(io.env, store.feeds) : []),
  ];
  io.stdout("nhsai doctor\n");
  for (const { ok, warning, text } of findings)
    io.stdout(`  ${warning ? "WARNING" : ok ? "ok     " : "PROBLEM"}  ${text}\n`);
  const problems = findings.filter((f) => !f.ok).length;
  io.stdout(problems === 0 ? "All checks passed.\n" : `${problems} problem${problems === 1 ? "" : "s"} found.\n`);
  return problems === 0 ? 0 : 1;
}

function checkConfiguration(env: CliIo["env"]): Finding[] {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [{ ok: false, text: `configuration: ${error.message}` }];
  }
  const problems = platformProblems(config).map((text) => ({ ok: false, text: `configuration: ${text}` }));
  if (problems.length > 0) return problems;
  const platforms = platformsOf(config);
  const teamsType: Finding[] =
    config.MICROSOFT_APP_ID && !config.MICROSOFT_APP_TYPE
      ? [
          {
            ok: true,
            warning: true,
            text: "configuration: MICROSOFT_APP_TYPE is not set, so Bot Framework treats the bot as MultiTenant; an Azure Bot created today is SingleTenant: set MICROSOFT_APP_TYPE to the type its registration shows (and MICROSOFT_APP_TENANT_ID for SingleTenant)",
          },
        ]
      : config.MICROSOFT_APP_ID && config.MICROSOFT_APP_TYPE === "MultiTenant" && config.MICROSOFT_APP_TENANT_ID
        ? [
            {
              ok: true,
              warning: true,
              text: "configuration: MICROSOFT_APP_TENANT_ID is ignored for a MultiTenant bot (its tokens come from the Bot Framework tenant)",
            },
          ]
        : [];
  const warnings: Finding[] = config.TEAMS_LOCAL
    ? [
        {
          ok: true,
          warning: true,
          text: "configuration: TEAMS_LOCAL=1 accepts Teams activities without a token (serve listens on 127.0.0.1 only, senders get no admin rights); for local testing, never in production",
        },
      ]
    : [];
  return [
    ...teamsType,
    ...warnings,
    {
      ok: true,
      text:
        platforms.length === 0
          ? "configuration: valid; no chat platform is configured, so nhsai runs the terminal shell"
          : `configuration: valid; ${platforms.join(" and ")} configured`,
    },
  ];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Settings that are valid one by one but cannot work together. */
function platformProblems(config: Config): string[] {
  const problems: string[] = [];
  const { SLACK_BOT_TOKEN: bot, SLACK_APP_TOKEN: app, SLACK_SIGNING_SECRET: secret } = config;
  if (bot && !bot.startsWith("xoxb-")) problems.push("SLACK_BOT_TOKEN should be a bot token, starting xoxb-");
  if (app && !app.startsWith("xapp-")) problems.push("SLACK_APP_TOKEN should be an app-level token, starting xapp-");
  if (bot && !secret && !app) {
    problems.push(
      "Slack over HTTP needs SLACK_SIGNING_SECRET beside SLACK_BOT_TOKEN (or SLACK_APP_TOKEN for Socket Mode)",
    );
  }
  if (app && !bot) problems.push("Slack Socket Mode needs SLACK_BOT_TOKEN beside SLACK_APP_TOKEN");
  if (secret && !bot && !app) problems.push("Slack needs SLACK_BOT_TOKEN beside SLACK_SIGNING_SECRET");
  for (const name of ["MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_TENANT_ID", "MICROSOFT_APP_TYPE"] as const)
    if (config[name] && !config.MICROSOFT_APP_ID) problems.push(`Teams needs MICROSOFT_APP_ID beside ${name}`);
  const { MICROSOFT_APP_ID: appId, MICROSOFT_APP_TYPE: type } = config;
  if (appId && type !== "UserAssignedMSI" && !config.MICROSOFT_APP_PASSWORD) {
    problems.push("Teams needs MICROSOFT_APP_PASSWORD beside MICROSOFT_APP_ID");
  }
  const tenant = config.MICROSOFT_APP_TENANT_ID;
  if (appId && (type === "SingleTenant" || type === "UserAssignedMSI") && !tenant) {
    problems.push(`MICROSOFT_APP_TYPE ${type} needs MICROSOFT_APP_TENANT_ID`);
  }
  if (appId && !GUID.test(appId))
    problems.push("MICROSOFT_APP_ID should be the app registration's Application (client) ID, a GUID");
  if (appId && tenant && !GUID.test(tenant) && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(tenant))
    problems.push("MICROSOFT_APP_TENANT_ID should be the Directory (tenant) ID, a GUID");
  // A tenant id with no type: the bot is probably SingleTenant, but Bot Framework would ignore the tenant.
  if (appId && tenant && !type)
    problems.push(
      "MICROSOFT_APP_TENANT_ID is set but MICROSOFT_APP_TYPE is not, so the tenant is ignored and the bot is treated as MultiTenant: set MICROSOFT_APP_TYPE=SingleTenant (or remove the tenant id for a MultiTenant bot)",
    );
  return problems;
}

/** `--online`: the credentials and the feeds tried for real, as serve will use them. */
async function checkOnline(env: CliIo["env"], storedFeeds: readonly string[]): Promise<Finding[]> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [];
  }
  return [
    ...(await checkSlackOnline(config, env)),
    ...(await checkTeamsOnline(config, env)),
    ...(await checkFeedsOnline(config, storedFeeds)),
  ];
}

/** Feeds read at most this many at once, as serve's poller does. */
const FEED_LANES = 4;

/**
 * Each followed feed (FEEDS and `sources add`) fetched as serve's poller fetches it: same address
 * checks, limits and 15 s deadline. A feed that fails is a warning, as in /healthz: a news site
 * being down is not this host's fault, and a restart would not fix it.
 */
async function checkFeedsOnline(config: Config, storedFeeds: readonly string[]): Promise<Finding[]> {
  const urls = [...new Set([...config.FEEDS, ...storedFeeds])];
  if (urls.length === 0) return [{ ok: true, text: "online: no feeds to try" }];
  const { guardedFetch } = await import("./guarded-fetch.js");
  const { lookup } = await import("node:dns/promises");
  const deps = {
    fetch: guardedFetch(config.INGEST_ALLOW_PRIVATE),
    resolve: async (host: string) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address),
    allowPrivate: config.INGEST_ALLOW_PRIVATE,
    limits: DEFAULT_FETCH_LIMITS,
  };
  const failures: Finding[] = [];
  const queue = [...urls];
  const lane = async () => {
    for (let url = queue.shift(); url; url = queue.shift()) {
      const read = await fetchSafely(url, deps);
      if (read.status === "failed")
        failures.push({ ok: true, warning: true, text: `online: feed ${url} could not be read: ${read.reason}` });
    }
  };
  await Promise.all(Array.from({ length: Math.min(FEED_LANES, urls.length) }, lane));
  const read = urls.length - failures.length;
  return [...failures, { ok: true, text: `online: ${read} of ${urls.length} feeds answered` }];
}

async function checkSlackOnline(config: Config, env: CliIo["env"]): Promise<Finding[]> {
  if (!config.SLACK_BOT_TOKEN) return [{ ok: true, text: "online: no Slack bot token to try" }];
  const { checkSlackToken } = await import("../slack/check-token.js");
  const slack = await checkSlackToken(config.SLACK_BOT_TOKEN, config.SLACK_API_URL, env);
  return [
    slack.ok
      ? { ok: true, text: `online: Slack accepts the bot token (bot ${slack.bot} in workspace ${slack.team})` }
      : { ok: false, text: `online: ${slack.problem}` },
  ];
}

/** A real token from Entra ID with the Teams credentials, as the bot fetches one before replying. */
async function checkTeamsOnline(config: Config, env: CliIo["env"]): Promise<Finding[]> {
  const { MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: password, MICROSOFT_APP_TYPE: type } = config;
  if (!appId) return [{ ok: true, text: "online: no Teams app id to try" }];
  if (type === "UserAssignedMSI")
    return [
      {
        ok: true,
        warning: true,
        text: "online: Teams uses a managed identity, whose tokens only its Azure host can fetch: not tried here",
      },
    ];
  // Inconsistent settings are already reported above; a token fetch would only repeat them.
  if (!password || platformProblems(config).length > 0) return [];
  const { checkTeamsToken } = await import("../teams/check-token.js");
  const teams = await checkTeamsToken({
    appId,
    password,
    type: type ?? "MultiTenant",
    tenantId: config.MICROSOFT_APP_TENANT_ID,
    loginUrl: env.MICROSOFT_LOGIN_URL?.trim() || undefined,
  });
  return [
    teams.ok
      ? { ok: true, text: `online: Entra ID issued a Bot Framework token for app ${appId} (${teams.authority})` }
      : { ok: false, text: `online: ${teams.problem}` },
  ];
}

/** The store's findings, and the feeds it follows (for `--online`). */
async function checkStore(env: CliIo["env"]): Promise<{ findings: Finding[]; feeds: string[] }> {
  // Only the store's own variables, so a bad PORT (already reported) does not hide the store.
  let where: Config;
  try {
    where = loadConfig({ DATABASE_URL: env.DATABASE_URL, DATA_DIR: env.DATA_DIR });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { findings: [{ ok: false, text: "store: not checked until DATABASE_URL or DATA_DIR is fixed" }], feeds: [] };
  }
  let store: Store;
  try {
    store = await openStore(storeLocation(where), new Date());
  } catch (error) {
    if (!(error instanceof StoreVersionError || error instanceof StoreUnavailableError)) throw error;
    return { findings: [{ ok: false, text: `store: ${error.message}` }], feeds: [] };
  }
  try {
    const feeds = await store.listFeeds().catch(() => []);
    return { findings: [...(await storeFindings(store)), ...feedFindings(feeds)], feeds: feeds.map((f) => f.url) };
  } finally {
    await store.close();
  }
}

/** Feeds named at most, one line each; the rest are counted. */
const FEEDS_NAMED = 5;

/** Followed feeds whose last read failed: warnings, as in /healthz (the site's fault, not this host's). */
function feedFindings(feeds: readonly FeedSource[]): Finding[] {
  const failing = feeds.filter((feed) => feed.lastError !== null);
  const named: Finding[] = failing.slice(0, FEEDS_NAMED).map((feed) => ({
    ok: true,
    warning: true,
    text: `feeds: ${feed.url} failed at its last read (${feed.lastError})`,
  }));
  if (failing.length > FEEDS_NAMED)
    named.push({
      ok: true,
      warning: true,
      text: `feeds: ${failing.length - FEEDS_NAMED} more failing feeds (nhsai sources --verbose)`,
    });
  return named;
}

/** Reachable, writable, every page sound, room on the disk, durable. */
async function storeFindings(store: Store): Promise<Finding[]> {
  const health = await store.health({ integrity: true });
  const name = store.backend === "embedded" ? "embedded store (libSQL)" : "PostgreSQL";
  const findings: Finding[] = [];
  if (health.state === "ok") {
    const sound = store.backend === "embedded" ? ", every page sound" : "";
    findings.push({
      ok: true,
      text: `store: ${name} at ${store.location}, reachable, schema version ${health.schemaVersion}, writable${sound}`,
    });
  } else {
    findings.push({ ok: false, text: `store: ${health.problem ?? health.state}` });
  }
  if (health.freeBytes !== null && health.state !== "disk_full")
    findings.push({ ok: true, text: `store: ${megabytes(health.freeBytes)} free on the disk that holds it` });
  if (health.durability === "unknown") return findings;
  findings.push(
    health.durable
      ? { ok: true, text: `store: commits reach the disk before they are acknowledged (${health.durability})` }
      : {
          ok: false,
          text: `store: commits are not durable (${health.durability}), so an acknowledged change could be lost in a crash`,
        },
  );
  return findings;
}

function megabytes(bytes: number): string {
  return bytes >= 10 * 1024 ** 3 ? `${Math.round(bytes / 1024 ** 3)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}
