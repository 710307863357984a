/**
 * `/healthz` from cached state: a load balancer's probe must never wait on the store (a lock held
 * by another process, a slow disk). The check runs in the background, every `everyMs` and soon
 * after a probe finds the answer older than `staleAfterMs`; probes get the latest answer at once.
 */

import type { HealthStatus } from "../http/server.js";

export interface HealthMonitorOptions {
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
