/**
 * Runs tasks one at a time, in order. The embedded store has one connection: without this, two
 * operations awaiting at once could interleave their statements inside one transaction.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    // The next task waits for this one to settle either way; the caller still sees its failure.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
