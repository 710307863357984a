/** What the bot remembers of each conversation between messages, until it expires. */

import { checkText } from "../check-text.js";
import { iso, type SqlDriver, textOf } from "../sql.js";
import type { JsonObject, MemoryEntry } from "../store.js";
import { StoreInputError } from "../store-errors.js";
import { toJsonText } from "./json-text.js";

/** The largest memory kept, in characters of JSON: a last answer's few references, not a transcript. */
const MAX_MEMORY_CHARS = 16_000;

/** Expired memories are deleted at most this often per connection. */
export const MEMORY_SWEEP_MS = 60_000;

const sweptAt = new WeakMap<SqlDriver, number>();

/**
 * Saves (or replaces) the conversation's memory until `expiresAt`. Expired entries of every
 * conversation are deleted in the same transaction, at most once a minute per connection, so the
 * table holds only live conversations with no cleaning job. Committed without an fsync: a memory
 * lost to a machine crash costs one "more about what?".
 */
export function saveConversationMemory(
  db: SqlDriver,
  conversationKey: string,
  memory: JsonObject,
  expiresAt: Date,
  now: Date,
): Promise<void> {
  return saveConversationMemories(db, [{ conversationKey, memory, expiresAt }], now);
}

/**
 * The same for several conversations in one transaction (one commit for the replies of a burst),
 * in order: a key given twice keeps the later memory. Every entry is checked before anything is
 * written; one that is refused refuses them all.
 */
export async function saveConversationMemories(
  db: SqlDriver,
  entries: readonly MemoryEntry[],
  now: Date,
): Promise<void> {
  const rows = entries.map(({ conversationKey, memory, expiresAt }) => {
    checkText("conversationKey", conversationKey);
    const json = toJsonText("memory", memory);
    if (json.length > MAX_MEMORY_CHARS) throw new StoreInputError(`memory is over ${MAX_MEMORY_CHARS} characters`);
    if (Number.isNaN(expiresAt.getTime())) throw new StoreInputError("expiresAt must be a time");
    return [conversationKey, json, iso(expiresAt)];
  });
  if (rows.length === 0) return;
  const last = sweptAt.get(db);
  const sweep = last === undefined || now.getTime() - last >= MEMORY_SWEEP_MS || now.getTime() < last;
  await db.write(
    async (sql) => {
      if (sweep) await sql("deleteExpiredConversationMemory", [iso(now)]);
      for (const row of rows) await sql("saveConversationMemory", row);
    },
    { survives: "process_crash" },
  );
  if (sweep) sweptAt.set(db, now.getTime());
}

/** The live memory of the conversation, or null (none, or expired by `now`: expiry is exact on read). */
export async function getConversationMemory(
  db: SqlDriver,
  conversationKey: string,
  now: Date,
): Promise<JsonObject | null> {
  checkText("conversationKey", conversationKey);
  const rows = await db.read((sql) => sql("getConversationMemory", [conversationKey, iso(now)]));
  const row = rows[0];
  if (!row) return null;
  const value = JSON.parse(textOf(row, "memory")) as unknown;
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : null;
}
