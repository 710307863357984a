/**
 * Keeps each Teams conversation inside Microsoft's per-conversation limits (7 messages a second,
 * 8 in 2 s, 60 in 30 s, 1,800 an hour), so steady traffic never meets a 429.
 * Each conversation has its own queue: a busy channel never delays another.
 */

export interface RateWindow {
  count: number;
  ms: number;
}

export const TEAMS_CONVERSATION_LIMITS: readonly RateWindow[] = [
  { count: 7, ms: 1_000 },
  { count: 8, ms: 2_000 },
  { count: 60, ms: 30_000 },
  { count: 1_800, ms: 3_600_000 },
];

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: PacerClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class Pacer {
  /** Send times per conversation, oldest first, pruned to the longest window (and dropped with it). */
  private readonly sent = new Map<string, number[]>();
  /** The tail of each conversation's queue, so sends to one conversation go one at a time. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private sweeps = 0;

  constructor(
    private readonly limits: readonly RateWindow[] = TEAMS_CONVERSATION_LIMITS,
    private readonly clock: PacerClock = realClock,
  ) {}

  /** Runs `send` for `conversationId` once every window has room, after earlier sends there. */
  run<T>(conversationId: string, send: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(conversationId) ?? Promise.resolve();
    const next = previous.then(async () => {
      await this.waitForRoom(conversationId);
      return send();
    });
    const tail = next.catch(() => undefined);
    this.queues.set(conversationId, tail);
    void tail.then(() => {
      if (this.queues.get(conversationId) === tail) this.queues.delete(conversationId);
    });
    return next;
  }

  /** Conversations with no send inside the longest window are dropped, so the map does not grow forever. */
  private forgetIdle(now: number, longest: number): void {
    if (this.sent.size < 1_000 || ++this.sweeps % 256 !== 0) return;
    for (const [id, times] of this.sent) if (now - (times.at(-1) ?? 0) >= longest) this.sent.delete(id);
  }

  private async waitForRoom(conversationId: string): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const longest = Math.max(...this.limits.map((l) => l.ms));
      const times = (this.sent.get(conversationId) ?? []).filter((t) => now - t < longest);
      this.forgetIdle(now, longest);
      const wait = Math.max(0, ...this.limits.map((limit) => waitFor(times, limit, now)));
      if (wait === 0) {
        times.push(now);
        this.sent.set(conversationId, times);
        return;
      }
      await this.clock.sleep(wait);
    }
  }
}

/** How long until a send fits `limit`: until the oldest of the last `count` sends leaves its window. */
function waitFor(times: readonly number[], limit: RateWindow, now: number): number {
  const inWindow = times.filter((t) => now - t < limit.ms);
  if (inWindow.length < limit.count) return 0;
  const oldest = inWindow[inWindow.length - limit.count] as number;
  return oldest + limit.ms - now + 1;
}
