/**
 * What `nhsai serve`'s `/healthz` answers, always from cached state: a load balancer's probe must
 * never wait on the store (a lock held by another process, a slow disk) or on a platform.
 *
 * - The store: checked in the background every 15 s and soon after a probe finds the answer a
 *   second old (`HealthMonitor`); every 40th check also reads every page back (10 minutes).
 * - Readiness, also for the `nhsai_ready` metric: each configured platform by trying its
 *   credentials for real (Slack's auth.test, a Bot Framework token from Entra ID) at start and then
 *   every few minutes; the scheduler and the feed poller by how their last run went.
 *
 * A degraded store, a platform or the scheduler not ready makes `/healthz` answer 503: the bot
 * cannot answer or post there, and a restart or the operator must act. The feed poller only
 * reports: a news site that is down is not this replica's fault, and taking it out of service
 * would not bring the feed back.
 */

import { type Config, type Logger, type Store, summariseStoreHealth } from "../../src/index.js";
import type { HealthStatus } from "../http/server.js";

/** The background store check: every 15 s, and soon after a probe finds the answer a second old. */
const HEALTH_EVERY_MS = 15_000;
const HEALTH_STALE_MS = 1_000;
/** The integrity check (PRAGMA quick_check, in a worker) on the first check and every 40th: every 10 minutes. */
const INTEGRITY_EVERY = 40;

export interface ServeHealth {
  /** What /healthz answers now, at once: the store's latest check with every part's readiness. */
  current(): HealthStatus;
  stop(): void;
}

/**
 * Checks the store and every part once (so the first probe has a real answer), then keeps
 * checking in the background until stopped.
 */
export async function startServeHealth(parts: {
  store: Store;
  readiness: ServeReadiness;
  /** The platforms serve runs, by name. */
  platforms: string[];
  documents: () => number;
  log: Logger;
}): Promise<ServeHealth> {
  const { store, readiness, log } = parts;
  let checks = 1;
  const monitor = new HealthMonitor({
    check: async () => {
      const integrity = checks++ % INTEGRITY_EVERY === 0;
      const { serving, summary, reason } = await summariseStoreHealth(store, 5_000, { integrity });
      if (!serving) log.warn("health.degraded", { state: summary.state });
      return {
        status: serving ? "ok" : "degraded",
        ...(reason ? { reason } : {}),
        platforms: parts.platforms,
        documents: parts.documents(),
        store: summary,
      };
    },
    everyMs: HEALTH_EVERY_MS,
    staleAfterMs: HEALTH_STALE_MS,
  });
  await monitor.start();
  await readiness.start();
  return {
    current() {
      const status = monitor.current();
      const blocking = readiness.blocking();
      return {
        ...status,
        ready: readiness.current(),
        ...(status.status === "ok" && blocking ? { status: "degraded", reason: blocking } : {}),
      };
    },
    stop() {
      monitor.stop();
      readiness.stop();
    },
  };
}

export interface PartReadiness {
  ready: boolean;
  /** Why not, or a note on what was checked; safe for a public route (no hosts, paths or secrets). */
  reason?: string;
}

/** Platform credentials are tried again this often: a revoked token or expired secret shows within minutes. */
const CREDENTIALS_EVERY_MS = 5 * 60_000;

/** A check against the outside world, re-run every `everyMs`; `current()` never waits on it. */
class PeriodicCheck {
  private latest: PartReadiness = { ready: false, reason: "not checked yet" };
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly check: () => Promise<PartReadiness>,
    private readonly everyMs: number,
  ) {}

  /** Checks once (so the first probe has a real answer), then keeps checking. */
  async start(): Promise<void> {
    await this.run();
    this.timer = setInterval(() => void this.run(), this.everyMs);
    this.timer.unref();
  }

  current(): PartReadiness {
    return this.latest;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async run(): Promise<void> {
    this.latest = await this.check().catch(() => ({ ready: false, reason: "the check itself failed" }));
  }
}

/** A part that runs by itself (the scheduler, the poller): ready until its last run failed. */
class RunState {
  private latest: PartReadiness = { ready: true, reason: "started" };

  succeeded(note?: string): void {
    this.latest = note ? { ready: true, reason: note } : { ready: true };
  }

  failed(reason: string): void {
    this.latest = { ready: false, reason };
  }

  current(): PartReadiness {
    return this.latest;
  }
}

export interface ServeReadiness {
  /** Every part's readiness now, by name (slack, teams, scheduler, feeds). */
  current(): Record<string, PartReadiness>;
  /** The first part that keeps /healthz from answering 200, with why. */
  blocking(): string | null;
  scheduler: RunState;
  feeds: RunState;
  start(): Promise<void>;
  stop(): void;
}

/** Readiness for the platforms configured in `config`, their credentials tried as serve uses them. */
export function serveReadiness(config: Config, env: NodeJS.ProcessEnv, log: Logger): ServeReadiness {
  const platforms = new Map<string, PeriodicCheck | PartReadiness>();
  const logged = (platform: string, check: () => Promise<{ ok: true } | { ok: false; problem: string }>) =>
    new PeriodicCheck(async () => {
      const result = await check();
      if (result.ok) return { ready: true };
      log.warn("platform.not_ready", { platform, problem: result.problem });
      return { ready: false, reason: publicReason(result.problem) };
    }, CREDENTIALS_EVERY_MS);
  const botToken = config.SLACK_BOT_TOKEN;
  if (botToken)
    platforms.set(
      "slack",
      logged("slack", async () => {
        const { checkSlackToken } = await import("../slack/check-token.js");
        return checkSlackToken(botToken, config.SLACK_API_URL, env);
      }),
    );
  const { MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: password, MICROSOFT_APP_TYPE: type } = config;
  if (config.TEAMS_LOCAL) platforms.set("teams", { ready: true, reason: "TEAMS_LOCAL: no credentials to check" });
  else if (appId && type === "UserAssignedMSI")
    platforms.set("teams", { ready: true, reason: "managed identity: its token is not checked here" });
  else if (appId && password) {
    const tokenType = type === "SingleTenant" ? "SingleTenant" : "MultiTenant";
    platforms.set(
      "teams",
      logged("teams", async () => {
        const { checkTeamsToken } = await import("../teams/check-token.js");
        return checkTeamsToken({
          appId,
          password,
          type: tokenType,
          tenantId: config.MICROSOFT_APP_TENANT_ID,
          loginUrl: env.MICROSOFT_LOGIN_URL?.trim() || undefined,
        });
      }),
    );
  }
  const scheduler = new RunState();
  const feeds = new RunState();
  const current = () => {
    const parts: Record<string, PartReadiness> = {};
    for (const [name, part] of platforms) parts[name] = part instanceof PeriodicCheck ? part.current() : part;
    parts.scheduler = scheduler.current();
    parts.feeds = feeds.current();
    return parts;
  };
  const checks = [...platforms.values()].filter((p): p is PeriodicCheck => p instanceof PeriodicCheck);
  return {
    current,
    blocking() {
      const parts = current();
      const name = Object.keys(parts).find((n) => n !== "feeds" && !parts[n]?.ready);
      return name ? `${name} not ready: ${parts[name]?.reason ?? "unknown"}` : null;
    },
    scheduler,
    feeds,
    start: async () => {
      await Promise.all(checks.map((c) => c.start()));
    },
    stop: () => {
      for (const c of checks) c.stop();
    },
  };
}

/**
 * The part of a check's problem a public route may show: "Slack refused the bot token
 * (invalid_auth)", never a proxy's address or an error's text. The whole problem is logged.
 */
function publicReason(problem: string): string {
  const refused = /^(.*? refused the [^(]*\([a-z_]+\))/.exec(problem);
  if (refused) return refused[1] as string;
  if (/did not answer within/.test(problem)) return "no answer from the platform in time";
  return "the platform could not be reached";
}

/**
 * One check's latest answer, at once: the check runs in the background, every `everyMs` and soon
 * after a probe finds the answer older than `staleAfterMs`.
 */
interface HealthMonitorOptions {
  check: () => Promise<HealthStatus>;
  everyMs: number;
  staleAfterMs: number;
  now?: () => number;
}

export class HealthMonitor {
  private latest: HealthStatus | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(private readonly options: HealthMonitorOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Checks once (so the first probe is answered from a real check), then keeps checking. */
  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.options.everyMs);
    this.timer.unref();
  }

  /** The latest answer, at once; a stale one also starts a check for the next probe. */
  current(): HealthStatus {
    if (this.now() - this.checkedAt > this.options.staleAfterMs) void this.refresh();
    if (!this.latest) throw new Error("health monitor not started");
    return this.latest;
  }

  /** Runs the check unless one is already running; a check that throws counts as degraded. */
  refresh(): Promise<void> {
    this.running ??= this.options
      .check()
      .then(
        (status) => {
          this.latest = status;
        },
        () => {
          if (this.latest) this.latest = { ...this.latest, status: "degraded", reason: "health could not be checked" };
        },
      )
      .finally(() => {
        this.checkedAt = this.now();
        this.running = undefined;
      });
    return this.running;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
