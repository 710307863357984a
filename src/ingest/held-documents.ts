/**
 * What ingestion adds to and checks against. In `serve` it is the Library itself, so a new article
 * is answerable at once; a one-shot `nhsai ingest` needs no search index, so it uses a shelf of
 * documents instead and skips indexing every stored article just to check for duplicates.
 */

import type { Document } from "../knowledge/document.js";

export interface HeldDocuments {
  /** In the order added (the duplicate index reads only what it has not seen). */
  all(): readonly { document: Document }[];
  get(documentId: string): { document: Document } | undefined;
  add(doc: Document): unknown;
  /** Replaces a held document's metadata (title, authors, publisher, date, appearances); its text stays. */
  update(doc: Document): void;
}

export class DocumentShelf implements HeldDocuments {
  private readonly entries: { document: Document }[] = [];
  private readonly byId = new Map<string, { document: Document }>();

  constructor(documents: readonly Document[] = []) {
    for (const document of documents) this.add(document);
  }

  all(): readonly { document: Document }[] {
    return this.entries;
  }

  get(documentId: string): { document: Document } | undefined {
    return this.byId.get(documentId);
  }

  add(document: Document): void {
    const entry = { document };
    this.entries.push(entry);
    this.byId.set(document.id, entry);
  }

  update(document: Document): void {
    const entry = this.byId.get(document.id);
    if (entry) entry.document = document;
  }
}
