/** The audit trail: who changed what, and when, written in the transaction that made the change. */

import { checkLimit, checkText } from "../check-text.js";
import { dateOf, iso, numberOf, optionalTextOf, type Row, type Sql, type SqlDriver, textOf } from "../sql.js";
import type { Actor, AuditEntry } from "../store.js";

export interface AuditFacts {
  now: Date;
  who: Actor;
  action: string;
  subject: string;
  /** A few facts worth keeping, stored as JSON. */
  detail?: Record<string, unknown> | null;
}

/** Call inside the write that makes the change, so both commit or neither does. */
export async function appendAudit(sql: Sql, facts: AuditFacts): Promise<void> {
  const detail = facts.detail ? JSON.stringify(facts.detail) : null;
  await sql("insertAudit", [iso(facts.now), facts.who, facts.action, facts.subject, detail]);
}

export async function listAudit(
  db: SqlDriver,
  options: { limit?: number; subject?: string } = {},
): Promise<AuditEntry[]> {
  const limit = checkLimit(options.limit, 100, 1_000);
  const subject = options.subject;
  const rows = await db.read((sql) =>
    subject === undefined
      ? sql("listAudit", [limit])
      : sql("listAuditForSubject", [checkText("subject", subject), limit]),
  );
  return rows.map(toAuditEntry);
}

function toAuditEntry(row: Row): AuditEntry {
  return {
    seq: numberOf(row, "seq"),
    at: dateOf(row, "at"),
    who: textOf(row, "who"),
    action: textOf(row, "action"),
    subject: textOf(row, "subject"),
    detail: optionalTextOf(row, "detail"),
  };
}
