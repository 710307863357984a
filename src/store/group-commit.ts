/**
 * Group commit: many callers each need their item committed before they go on, and one
 * transaction per item would make the commit (not the work) the limit under load. Items that
 * arrive in the same turn of the event loop, or while the previous group is being written, are
 * committed together in one call; each caller's promise settles with its own result only once
 * that commit is done, and if the commit fails, every caller in the group hears the error.
 * At most one group is being written at a time.
 */
export class GroupCommit<Item, Result> {
  /** The items waiting for the next group, and their callers' settlers, index for index (no object per item). */
  private items: Item[] = [];
  private resolvers: Array<(result: Result) => void> = [];
  private rejecters: Array<(error: unknown) => void> = [];
  private writing = false;
  private scheduled = false;

  /** `commit` writes a group in one transaction and returns one result per item, in order. */
  constructor(private readonly commit: (items: Item[]) => Promise<readonly Result[]>) {}

  add(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.items.push(item);
      this.resolvers.push(resolve);
      this.rejecters.push(reject);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.writing || this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.flush);
  }

  private readonly flush = (): void => {
    this.scheduled = false;
    const { items, resolvers, rejecters } = this;
    this.items = [];
    this.resolvers = [];
    this.rejecters = [];
    this.writing = true;
    this.commit(items)
      .then(
        (results) => {
          for (let i = 0; i < resolvers.length; i++) resolvers[i]?.(results[i] as Result);
        },
        (error: unknown) => {
          for (const reject of rejecters) reject(error);
        },
      )
      .finally(() => {
        this.writing = false;
        if (this.items.length > 0) this.schedule();
      });
  };
}
