/** Feedback on answers and briefing items: one opinion per person and target. */

import { checkOptionalText, checkText } from "../check-text.js";
import { iso, numberOf, type SqlDriver } from "../sql.js";
import type { Change, FeedbackInput, FeedbackTarget, FeedbackValue } from "../store.js";
import { StoreInputError } from "../store-errors.js";
import { appendAudit } from "./audit.js";
import { upsert } from "./upsert.js";

const TARGETS: readonly FeedbackTarget[] = ["answer", "briefing_item"];
const VALUES: readonly FeedbackValue[] = ["helpful", "not_helpful"];

export async function recordFeedback(db: SqlDriver, input: FeedbackInput, now: Date): Promise<Change> {
  const platform = checkText("platform", input.platform);
  const userId = checkText("userId", input.userId);
  const target = checkTarget(input.target);
  const targetId = checkText("targetId", input.targetId);
  if (!VALUES.includes(input.value)) throw new StoreInputError(`value must be one of ${VALUES.join(", ")}`);
  const comment = checkOptionalText("comment", input.comment);
  const key = [platform, userId, target, targetId] as const;
  return db.write(async (sql) => {
    const { change } = await upsert(
      sql,
      ["insertFeedback", [...key, input.value, comment, iso(now)]],
      ["updateFeedback", [input.value, comment, iso(now), ...key, input.value, comment]],
    );
    if (change !== "unchanged") {
      await appendAudit(sql, {
        now,
        who: `${platform}:${userId}`,
        action: `feedback.${change}`,
        subject: `${target}:${targetId}`,
        detail: { value: input.value },
      });
    }
    return change;
  });
}

export async function summariseFeedback(
  db: SqlDriver,
  target: FeedbackTarget,
  targetId: string,
): Promise<{ helpful: number; notHelpful: number }> {
  const rows = await db.read((sql) => sql("summariseFeedback", [checkTarget(target), checkText("targetId", targetId)]));
  const row = rows[0];
  return row
    ? { helpful: numberOf(row, "helpful"), notHelpful: numberOf(row, "not_helpful") }
    : { helpful: 0, notHelpful: 0 };
}

function checkTarget(target: FeedbackTarget): FeedbackTarget {
  if (!TARGETS.includes(target)) throw new StoreInputError(`target must be one of ${TARGETS.join(", ")}`);
  return target;
}
