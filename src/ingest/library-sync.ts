/**
 * Keeps a process's library level with the store, so a document ingested by any replica (or by
 * `nhsai ingest`) is answerable and briefed everywhere without a restart. A check costs one small
 * query (the store's document stamp: count and latest change); only when the stamp moved are the
 * documents changed since the last stamp listed, and the new ones added. A document changed in place (refreshed, or with another
 * outlet's appearance) has its metadata updated; its text stays as first read until a restart.
 */

import type { Document } from "../knowledge/document.js";
import type { Library } from "../knowledge/library.js";
import type { DocumentStamp, Documents } from "../store/store.js";

/**
 * Adds the documents the library lacks, in order, and takes held ones' new metadata (a refresh,
 * another outlet's appearance); returns how many were added.
 */
export function addNewDocuments(library: Library, documents: readonly Document[]): number {
  let added = 0;
  for (const doc of documents) {
    if (library.get(doc.id)) {
      library.update(doc);
      continue;
    }
    library.add(doc);
    added++;
  }
  return added;
}

/** What a library opened from the store already holds (see `markSynced`), for its LibrarySync to start from. */
const synced = new WeakMap<Library, { stamp: DocumentStamp; ids: readonly string[] }>();

/**
 * Records that `library` holds the store's documents `ids` as of `stamp` (read before they were
 * listed, so anything written meanwhile is listed again), so the LibrarySync that keeps it level
 * starts there instead of listing every document once more: a replica's first answer at 10,000
 * documents does not wait on a second full read.
 */
export function markSynced(library: Library, stamp: DocumentStamp, ids: readonly string[]): void {
  synced.set(library, { stamp, ids });
}

export class LibrarySync {
  private stamp: DocumentStamp | null = null;
  /** Ids of the stored documents this library has seen: fewer than the store counts means one was missed. */
  private readonly seen = new Set<string>();
  private checkedAt = Number.NEGATIVE_INFINITY;
  private running: Promise<number> | null = null;

  constructor(
    private readonly library: Library,
    private readonly store: Pick<Documents, "listDocuments" | "documentStamp">,
    /** Checks closer together than this reuse the last answer: a burst of messages costs one query. */
    private readonly minIntervalMs = 2_000,
  ) {
    const start = synced.get(library);
    if (!start) return;
    this.stamp = start.stamp;
    for (const id of start.ids) this.seen.add(id);
  }

  /** Brings the library level with the store; resolves with how many documents were added. */
  refresh(nowMs: number): Promise<number> {
    if (this.running) return this.running;
    if (nowMs - this.checkedAt < this.minIntervalMs) return Promise.resolve(0);
    this.running = this.check(nowMs).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * Only what changed since the last stamp is listed. A write committed late with an earlier time
   * (another replica's clock, a slow transaction) would be missed by that; the count shows it, and
   * then everything is listed once.
   */
  private async check(nowMs: number): Promise<number> {
    const stamp = await this.store.documentStamp();
    this.checkedAt = nowMs;
    if (this.stamp && stamp.count === this.stamp.count && stamp.latest?.getTime() === this.stamp.latest?.getTime())
      return 0;
    const since = this.stamp?.latest ?? undefined;
    let added = this.take(await this.store.listDocuments(since ? { changedSince: since } : {}));
    if (this.seen.size < stamp.count) added += this.take(await this.store.listDocuments());
    this.stamp = stamp;
    return added;
  }

  private take(documents: readonly Document[]): number {
    for (const doc of documents) this.seen.add(doc.id);
    return addNewDocuments(this.library, documents);
  }
}
