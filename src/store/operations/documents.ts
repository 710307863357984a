/** Documents added after the seeds (ingestion), kept whole as JSON. */

import type { Document } from "../../knowledge/document.js";
import { checkText } from "../check-text.js";
import { dateOf, iso, numberOf, type SqlDriver, textOf } from "../sql.js";
import type { Actor, Change, DocumentStamp, VersionedDocument } from "../store.js";
import { appendAudit } from "./audit.js";
import { toJsonText } from "./json-text.js";
import { upsert } from "./upsert.js";

export async function addDocument(db: SqlDriver, doc: Document, who: Actor, now: Date): Promise<Change> {
  const body = toJsonText("document", doc);
  checkText("document id", doc.id);
  checkText("who", who);
  return db.write(async (sql) => {
    const { change } = await upsert(
      sql,
      ["insertDocument", [doc.id, body, who, iso(now), iso(now)]],
      ["updateDocument", [body, iso(now), doc.id, body]],
    );
    if (change !== "unchanged") {
      await appendAudit(sql, {
        now,
        who,
        action: `document.${change}`,
        subject: `document:${doc.id}`,
        detail: { title: doc.title, url: doc.url },
      });
    }
    return change;
  });
}

export async function listDocuments(db: SqlDriver, options: { changedSince?: Date } = {}): Promise<Document[]> {
  const since = options.changedSince;
  const rows = await db.read((sql) => (since ? sql("listDocumentsChangedSince", [iso(since)]) : sql("listDocuments")));
  return rows.map((row) => JSON.parse(textOf(row, "body")) as Document);
}

/** Every document with the time it was last written, in one read: what a saved library is checked against. */
export async function listDocumentVersions(db: SqlDriver): Promise<VersionedDocument[]> {
  const rows = await db.read((sql) => sql("listDocumentVersions"));
  return rows.map((row) => ({
    document: JSON.parse(textOf(row, "body")) as Document,
    // The embedded store keeps ISO text already; PostgreSQL gives a Date.
    version: typeof row.updated_at === "string" ? row.updated_at : dateOf(row, "updated_at").toISOString(),
  }));
}

export async function documentStamp(db: SqlDriver): Promise<DocumentStamp> {
  const rows = await db.read((sql) => sql("documentStamp"));
  const row = rows[0] ?? {};
  return {
    count: numberOf(row, "n"),
    latest: row.latest === null || row.latest === undefined ? null : dateOf(row, "latest"),
  };
}
