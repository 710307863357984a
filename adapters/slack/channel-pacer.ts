/**
 * Paces posts to about one a second per channel (Slack's guidance), and pauses every channel
 * while Slack says the workspace is rate limited (a 429's Retry-After).
 */

export type Sleep = (ms: number) => Promise<void>;

const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class ChannelPacer {
  private readonly next = new Map<string, number>();
  private pausedUntil = 0;

  constructor(
    private readonly intervalMs = 1_000,
    private readonly clock: () => number = Date.now,
    private readonly wait: Sleep = sleep,
  ) {}

  /** Resolves when `channelId` may be posted to; the slot is taken at once, so callers queue fairly. */
  async take(channelId: string): Promise<void> {
    const now = this.clock();
    if (this.next.size > 1_000) this.forgetIdle(now);
    const slot = Math.max(now, this.next.get(channelId) ?? 0, this.pausedUntil);
    this.next.set(channelId, slot + this.intervalMs);
    if (slot > now) await this.wait(slot - now);
    // A 429 that arrived while we waited pauses us too.
    for (let left = this.pausedUntil - this.clock(); left > 0; left = this.pausedUntil - this.clock())
      await this.wait(left);
  }

  /** Holds every channel for `ms` (Slack's rate limits are per workspace and method). */
  pauseAll(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock() + ms);
  }

  private forgetIdle(now: number): void {
    for (const [channel, next] of this.next) if (next < now) this.next.delete(channel);
  }
}
