/**
 * Group commit for the replay record: every request's key must reach the store durably before it
 * is answered, and one commit (an fsync) per request would cap throughput. Keys that arrive in
 * the same turn of the event loop share one transaction; a burst of N requests costs one commit.
 */

import type { HandledEvents } from "../../src/index.js";

interface Waiting {
  key: string;
  resolve: (first: boolean) => void;
  reject: (error: unknown) => void;
}

export class HandledBatch {
  private waiting: Waiting[] = [];

  constructor(
    private readonly store: HandledEvents,
    private readonly now: () => Date,
  ) {}

  /** True the first time `key` is seen (within the store's memory), false for a replay. */
  mark(key: string): Promise<boolean> {
    return new Promise((resolve, reject) => {
      if (this.waiting.push({ key, resolve, reject }) === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.waiting;
    this.waiting = [];
    this.store
      .markEventsHandled(
        batch.map((w) => w.key),
        this.now(),
      )
      .then(
        (firsts) => {
          batch.forEach((w, i) => {
            w.resolve(firsts[i] === true);
          });
        },
        (error: unknown) => {
          for (const w of batch) w.reject(error);
        },
      );
  }
}
