/**
 * What ingestion adds to and checks against. In `serve` it is the Library itself, so a new article
 * is answerable at once; a one-shot `nhsai ingest` needs no search index, so it uses a shelf of
 * documents instead and skips indexing every stored article just to check for duplicates.
 */

import type { Document } from "../knowledge/document.js";

export interface HeldDocuments {
  /** In the order added (the duplicate index reads only what it has not seen). */
  all(): readonly { document: Document }[];
  add(doc: Document): unknown;
}

export class DocumentShelf implements HeldDocuments {
  private readonly entries: { document: Document }[] = [];

  constructor(documents: readonly Document[] = []) {
    for (const document of documents) this.add(document);
  }

  all(): readonly { document: Document }[] {
    return this.entries;
  }

  add(document: Document): void {
    this.entries.push({ document });
  }
}
