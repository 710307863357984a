/**
 * Group commit for the replay record: every request's key must reach the store before it is
 * answered, and one transaction (a commit) per request would cap throughput. At most one batch is
 * being written at a time; the keys that arrive meanwhile wait and go together in the next one,
 * so under load N concurrent requests cost about one commit, and alone a request still waits for
 * only its own. Each request is answered only once its key is committed; a key already held (a
 * copy, here or on another replica) is reported as such by the store, in the same transaction.
 */

import type { HandledEvents } from "../../src/index.js";

export class HandledBatch {
  /** The keys waiting for the next batch, and their requests' promises, index for index (no object per request). */
  private keys: string[] = [];
  private resolvers: Array<(first: boolean) => void> = [];
  private rejecters: Array<(error: unknown) => void> = [];
  private writing = false;
  private scheduled = false;

  constructor(
    private readonly store: HandledEvents,
    private readonly now: () => Date,
  ) {}

  /** True the first time `key` is seen (within the store's memory), false for a replay. */
  mark(key: string): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.keys.push(key);
      this.resolvers.push(resolve);
      this.rejecters.push(reject);
      this.schedule();
    });
  }

  /** The next batch starts after this turn of the event loop (so requests read together go together) and the write in flight. */
  private schedule(): void {
    if (this.writing || this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.flush);
  }

  private readonly flush = (): void => {
    this.scheduled = false;
    const { keys, resolvers, rejecters } = this;
    this.keys = [];
    this.resolvers = [];
    this.rejecters = [];
    this.writing = true;
    this.store
      .markEventsHandled(keys, this.now())
      .then(
        (firsts) => {
          for (let i = 0; i < resolvers.length; i++) resolvers[i]?.(firsts[i] === true);
        },
        // The guard fails closed: every request in a batch the store could not record is refused.
        (error: unknown) => {
          for (const reject of rejecters) reject(error);
        },
      )
      .finally(() => {
        this.writing = false;
        if (this.keys.length > 0) this.schedule();
      });
  };
}
