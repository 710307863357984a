import type { Row, Sql, SqlValue } from "../sql.js";
import type { StatementName } from "../statement-names.js";
import type { Change } from "../store.js";

export type Statement = [name: StatementName, params: readonly SqlValue[]];

/**
 * Insert-or-update that says which happened, race-safe on both backends: an insert that does
 * nothing on conflict, then an update whose WHERE holds only when a value differs. Both return
 * the row; `unchanged` comes back with no rows.
 */
export async function upsert(sql: Sql, insert: Statement, update: Statement): Promise<{ change: Change; rows: Row[] }> {
  const inserted = await sql(...insert);
  if (inserted.length > 0) return { change: "added", rows: inserted };
  const updated = await sql(...update);
  return updated.length > 0 ? { change: "updated", rows: updated } : { change: "unchanged", rows: [] };
}
