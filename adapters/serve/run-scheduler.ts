/**
 * The scheduler inside `nhsai serve`: one run at start (catch up on slots missed while down,
 * recover claims a crash left behind), then node-cron wakes it at the top of every minute. node-cron
 * only wakes it: what is due, and who posts it, the store decides (src/schedules/scheduler.ts).
 */

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
import { abandonedHere, claimerName } from "./claimer.js";

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
