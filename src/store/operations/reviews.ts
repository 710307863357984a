/**
 * Reviewed slots' drafts (src/schedules/): a draft row and one row per reviewer's copy, each claimed
 * before anything is sent and never deleted, so of all replicas one sends each copy once; and
 * every reviewer's click as a conditional change, audited in the same transaction.
 */

import { checkOptionalText, checkText } from "../check-text.js";
import { dateOf, iso, optionalTextOf, type Row, type SqlDriver, textOf } from "../sql.js";
import type { Actor, JsonObject, ReviewDraft, ReviewMessage, ReviewMessageOutcome, ReviewState } from "../store.js";
import { StoreInputError } from "../store-errors.js";
import { appendAudit } from "./audit.js";
import { toJsonText } from "./json-text.js";

const STATES: readonly ReviewState[] = [
  "drafting",
  "draft_sent",
  "undeliverable",
  "approved",
  "skipped",
  "held",
  "unreviewed",
];
const MESSAGE_OUTCOMES: readonly ReviewMessage["state"][] = ["sent", "uncertain", "failed"];

export async function claimReviewDraft(
  db: SqlDriver,
  subscriptionId: string,
  slot: string,
  body: JsonObject,
  who: Actor,
  now: Date,
): Promise<boolean> {
  checkKey(subscriptionId, slot, who);
  const text = toJsonText("draft", body);
  return db.write(async (sql) => {
    const claimed = await sql("insertReviewDraft", [subscriptionId, slot, text, who, iso(now), iso(now)]);
    if (claimed.length === 0) return false;
    await appendAudit(sql, { now, who, action: "review.drafting", subject: subjectOf(subscriptionId, slot) });
    return true;
  });
}

export async function getReviewDraft(db: SqlDriver, subscriptionId: string, slot: string): Promise<ReviewDraft | null> {
  checkText("subscriptionId", subscriptionId);
  checkText("slot", slot);
  return db.read(async (sql) => {
    const [row] = await sql("getReviewDraft", [subscriptionId, slot]);
    if (!row) return null;
    const removals = await sql("listReviewRemovals", [subscriptionId, slot]);
    const messages = await sql("listReviewMessages", [subscriptionId, slot]);
    return toDraft(row, removals, messages);
  });
}

export async function setReviewState(
  db: SqlDriver,
  subscriptionId: string,
  slot: string,
  change: { from: readonly ReviewState[]; to: ReviewState; decidedBy?: string },
  who: Actor,
  now: Date,
): Promise<boolean> {
  checkKey(subscriptionId, slot, who);
  for (const state of [...change.from, change.to])
    if (!STATES.includes(state)) throw new StoreInputError(`review state must be one of ${STATES.join(", ")}`);
  // Matched as ",a,b," so one statement serves any set of states on both backends.
  const from = `,${change.from.join(",")},`;
  return db.write(async (sql) => {
    const changed =
      change.decidedBy !== undefined
        ? await sql("decideReviewDraft", [
            change.to,
            iso(now),
            who,
            checkText("name", change.decidedBy),
            iso(now),
            subscriptionId,
            slot,
            from,
          ])
        : await sql("setReviewState", [change.to, iso(now), subscriptionId, slot, from]);
    if (changed.length === 0) return false;
    await appendAudit(sql, { now, who, action: `review.${change.to}`, subject: subjectOf(subscriptionId, slot) });
    return true;
  });
}

export async function removeReviewItem(
  db: SqlDriver,
  subscriptionId: string,
  slot: string,
  item: { documentId: string; removedBy: string },
  who: Actor,
  now: Date,
): Promise<boolean> {
  checkKey(subscriptionId, slot, who);
  const documentId = checkText("documentId", item.documentId);
  const name = checkText("name", item.removedBy);
  return db.write(async (sql) => {
    const removed = await sql("insertReviewRemoval", [
      subscriptionId,
      slot,
      documentId,
      who,
      name,
      iso(now),
      subscriptionId,
      slot,
    ]);
    if (removed.length === 0) return false;
    await appendAudit(sql, {
      now,
      who,
      action: "review.item_removed",
      subject: subjectOf(subscriptionId, slot),
      detail: { documentId },
    });
    return true;
  });
}

export async function claimReviewMessage(
  db: SqlDriver,
  subscriptionId: string,
  slot: string,
  reviewer: Actor,
  who: Actor,
  now: Date,
): Promise<boolean> {
  checkKey(subscriptionId, slot, who);
  checkText("reviewer", reviewer);
  return db.write(async (sql) => {
    const claimed = await sql("insertReviewMessage", [subscriptionId, slot, reviewer, iso(now)]);
    if (claimed.length === 0) return false;
    await appendAudit(sql, {
      now,
      who,
      action: "review.copy_claimed",
      subject: subjectOf(subscriptionId, slot),
      detail: { reviewer },
    });
    return true;
  });
}

export async function markReviewMessage(
  db: SqlDriver,
  subscriptionId: string,
  slot: string,
  reviewer: Actor,
  outcome: ReviewMessageOutcome,
  who: Actor,
  now: Date,
): Promise<boolean> {
  checkKey(subscriptionId, slot, who);
  checkText("reviewer", reviewer);
  if (!MESSAGE_OUTCOMES.includes(outcome.state))
    throw new StoreInputError(`state must be one of ${MESSAGE_OUTCOMES.join(", ")}`);
  const message = outcome.message ? toJsonText("message", outcome.message) : null;
  const detail = checkOptionalText("detail", outcome.detail);
  return db.write(async (sql) => {
    const marked = await sql("markReviewMessage", [
      outcome.state,
      message,
      detail,
      iso(now),
      subscriptionId,
      slot,
      reviewer,
    ]);
    if (marked.length === 0) return false;
    await appendAudit(sql, {
      now,
      who,
      action: `review.copy_${outcome.state}`,
      subject: subjectOf(subscriptionId, slot),
      detail: { reviewer, ...(detail ? { detail } : {}) },
    });
    return true;
  });
}

/** The audit subject of a slot's review: "review:<subscription id>/<slot>". */
function subjectOf(subscriptionId: string, slot: string): string {
  return `review:${subscriptionId}/${slot}`;
}

function checkKey(subscriptionId: string, slot: string, who: Actor): void {
  checkText("subscriptionId", subscriptionId);
  checkText("slot", slot);
  checkText("who", who);
}

function toDraft(row: Row, removals: readonly Row[], messages: readonly Row[]): ReviewDraft {
  const decidedAt = row.decided_at === null || row.decided_at === undefined ? null : dateOf(row, "decided_at");
  return {
    subscriptionId: textOf(row, "subscription_id"),
    slot: textOf(row, "slot"),
    state: textOf(row, "state") as ReviewState,
    body: JSON.parse(textOf(row, "body")) as JsonObject,
    claimedBy: textOf(row, "claimed_by"),
    claimedAt: dateOf(row, "claimed_at"),
    updatedAt: dateOf(row, "updated_at"),
    decidedBy: optionalTextOf(row, "decided_by"),
    decidedName: optionalTextOf(row, "decided_name"),
    decidedAt,
    removed: removals.map((r) => ({
      documentId: textOf(r, "document_id"),
      removedBy: textOf(r, "removed_by"),
      removedName: textOf(r, "removed_name"),
      removedAt: dateOf(r, "removed_at"),
    })),
    messages: messages.map((m) => {
      const message = optionalTextOf(m, "message");
      return {
        reviewer: textOf(m, "reviewer"),
        state: textOf(m, "state") as ReviewMessage["state"],
        message: message === null ? null : (JSON.parse(message) as JsonObject),
        detail: optionalTextOf(m, "detail"),
        updatedAt: dateOf(m, "updated_at"),
      };
    }),
  };
}
