/**
 * The scheduler inside `nhsai serve` (and `nhsai run-due`): one run at start (catch up on slots
 * missed while down, recover claims a crash left behind), then node-cron wakes it at the top of
 * every minute. node-cron only wakes it: what is due, and who posts it, the store decides
 * (src/schedules/scheduler.ts). Each process claims deliveries as "scheduler@host:pid", so a claim
 * left by a process of this host that has since stopped is recovered (made `uncertain`) at once,
 * on start, rather than after the scheduler's stale-claim time.
 */

import { hostname } from "node:os";
import { createTask, type TaskOptions } from "node-cron";
import {
  type Config,
  type Logger,
  type ReviewDesk,
  type ReviewSettings,
  type RunSummary,
  Scheduler,
  type SchedulerOptions,
  silentLogger,
} from "../../src/index.js";

export interface RunningScheduler {
  /** Stops waking and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/** Told after each run: its summary, or null when the run itself failed (readiness, metrics). */
export type OnSchedulerRun = (summary: RunSummary | null) => void;

function runScheduler(
  scheduler: Scheduler,
  now: () => Date,
  log: Logger,
  onRun: OnSchedulerRun = () => {},
): RunningScheduler {
  let running: Promise<void> | null = null;
  // A wake-up during a slow run (429 waits) does not start a second one; the next minute looks again.
  const run = () => {
    running ??= scheduler
      .runDue(now())
      .then(
        (summary) => {
          logSummary(log, summary);
          onRun(summary);
        },
        (error: unknown) => {
          log.error("scheduler.run_failed", { error: error instanceof Error ? error.name : "error" });
          onRun(null);
        },
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  void run();
  const task = createTask("* * * * *", run, { name: "nhsai-scheduler", noOverlap: true, logger: cronLogger(log) });
  void task.start();
  log.info("scheduler.started", { wake: "every minute" });
  return {
    async stop() {
      await task.destroy();
      await running;
      log.info("scheduler.stopped");
    },
  };
}

/**
 * node-cron's own messages (a missed or overlapping wake-up, a failed task) as JSON lines, instead
 * of its coloured text on the console around the logger.
 */
export function cronLogger(log: Logger): NonNullable<TaskOptions["logger"]> {
  const text = (message: string | Error) =>
    (message instanceof Error ? `${message.name}: ${message.message}` : message).slice(0, 200);
  return {
    info: (message) => log.debug("scheduler.cron", { message: text(message) }),
    debug: (message) => log.debug("scheduler.cron", { message: text(message) }),
    warn: (message) => log.warn("scheduler.cron", { message: text(message) }),
    error: (message, error) =>
      log.error("scheduler.cron", { message: text(message), error: error ? error.name : null }),
  };
}

function logSummary(log: Logger, summary: RunSummary): void {
  const worked = Object.values(summary).some((n) => n > 0);
  if (worked) log.info("scheduler.ran", summary);
}

type SchedulerParts = Pick<SchedulerOptions, "store" | "briefings" | "posters" | "log" | "archivePage" | "review">;

/** How reviewed subscriptions run: the platforms' desks and the EDITORS and REVIEW_* settings. */
export function reviewSettingsFor(config: Config, desks: readonly (ReviewDesk | undefined)[]): ReviewSettings {
  return {
    desks: desks.filter((d): d is ReviewDesk => d !== undefined),
    editors: config.EDITORS,
    leadMinutes: config.REVIEW_LEAD_MINUTES,
    unanswered: config.REVIEW_UNANSWERED,
  };
}

/** The scheduler for this process's posters, named in the audit trail by host and process. */
export function createScheduler(parts: SchedulerParts): Scheduler {
  return new Scheduler({ ...parts, who: claimerName(), abandoned: abandonedHere });
}

/** Creates the scheduler and wakes it every minute until stopped. */
export function startScheduler(parts: SchedulerParts, onRun?: OnSchedulerRun): RunningScheduler {
  return runScheduler(createScheduler(parts), () => new Date(), parts.log ?? silentLogger, onRun);
}

/** This process, as its delivery claims name it. */
const SELF = { host: hostname(), pid: process.pid, startedAt: new Date(Date.now() - process.uptime() * 1000) };

function claimerName(): string {
  return `scheduler@${SELF.host}:${SELF.pid}`;
}

/**
 * True for a claim by this host whose process is gone: another pid that no longer runs, or this
 * pid before this process started (containers restart as pid 1). A mistake here can only label a
 * post `uncertain` that was in fact sent, never post twice: the claim row still stands.
 */
function abandonedHere(claimedBy: string, claimedAt: Date): boolean {
  const match = /^scheduler@(.+):(\d+)$/.exec(claimedBy);
  if (!match || match[1] !== SELF.host) return false;
  const pid = Number(match[2]);
  return pid === SELF.pid ? claimedAt < SELF.startedAt : !isRunning(pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
