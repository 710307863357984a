/** Teams conversation references, so proactive briefings reach their channels after a redeploy. */

import { checkText } from "../check-text.js";
import { dateOf, iso, type Row, type SqlDriver, textOf } from "../sql.js";
import type { Actor, Change, ConversationReferenceRecord, JsonObject } from "../store.js";
import { appendAudit } from "./audit.js";
import { toJsonText } from "./json-text.js";
import { upsert } from "./upsert.js";

export async function saveConversationReference(
  db: SqlDriver,
  conversationId: string,
  reference: JsonObject,
  who: Actor,
  now: Date,
): Promise<Change> {
  checkText("conversationId", conversationId);
  checkText("who", who);
  const json = toJsonText("reference", reference);
  return db.write(async (sql) => {
    const { change } = await upsert(
      sql,
      ["insertConversationReference", [conversationId, json, iso(now)]],
      ["updateConversationReference", [json, iso(now), conversationId, json]],
    );
    if (change !== "unchanged") {
      await appendAudit(sql, { now, who, action: `conversation.${change}`, subject: `conversation:${conversationId}` });
    }
    return change;
  });
}

export async function removeConversationReference(
  db: SqlDriver,
  conversationId: string,
  who: Actor,
  now: Date,
): Promise<boolean> {
  checkText("conversationId", conversationId);
  checkText("who", who);
  return db.write(async (sql) => {
    const removed = await sql("deleteConversationReference", [conversationId]);
    if (removed.length === 0) return false;
    await appendAudit(sql, { now, who, action: "conversation.removed", subject: `conversation:${conversationId}` });
    return true;
  });
}

export async function getConversationReference(
  db: SqlDriver,
  conversationId: string,
): Promise<ConversationReferenceRecord | null> {
  checkText("conversationId", conversationId);
  const rows = await db.read((sql) => sql("getConversationReference", [conversationId]));
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function listConversationReferences(db: SqlDriver): Promise<ConversationReferenceRecord[]> {
  const rows = await db.read((sql) => sql("listConversationReferences"));
  return rows.map(toRecord);
}

function toRecord(row: Row): ConversationReferenceRecord {
  return {
    conversationId: textOf(row, "conversation_id"),
    reference: JSON.parse(textOf(row, "reference")) as JsonObject,
    updatedAt: dateOf(row, "updated_at"),
  };
}
