/** Pages and feeds whose reads failed, with how many times in a row, so ingestion can back off. */

import { checkText } from "../check-text.js";
import { dateOf, iso, numberOf, type SqlDriver, textOf } from "../sql.js";
import type { ReadFailure } from "../store.js";

// Losing one of these costs a repeated read at most, so no fsync is waited for.
const CHEAP = { survives: "process_crash" } as const;

export async function recordReadFailure(db: SqlDriver, url: string, reason: string, now: Date): Promise<number> {
  checkText("url", url);
  checkText("reason", reason);
  return db.write(async (sql) => {
    const [row] = await sql("recordReadFailure", [url, reason, iso(now)]);
    return row ? numberOf(row, "failures") : 1;
  }, CHEAP);
}

export async function getReadFailure(db: SqlDriver, url: string): Promise<ReadFailure | null> {
  const [row] = await db.read((sql) => sql("getReadFailure", [url]));
  if (!row) return null;
  return {
    url: textOf(row, "url"),
    reason: textOf(row, "reason"),
    failures: numberOf(row, "failures"),
    failedAt: dateOf(row, "failed_at"),
  };
}

export async function clearReadFailure(db: SqlDriver, url: string): Promise<void> {
  await db.write(async (_sql, changes) => {
    await changes("clearReadFailure", [url]);
  }, CHEAP);
}
