/**
 * One post per (subscription, slot) across replicas: a claim row with a unique
 * key that is never deleted, then an outcome, claimed → sent | uncertain | failed | skipped.
 */

import { checkLimit, checkOptionalText, checkText } from "../check-text.js";
import { dateOf, iso, optionalTextOf, type Row, type SqlDriver, textOf } from "../sql.js";
import type { Actor, Delivery, DeliveryOutcome, DeliveryState } from "../store.js";
import { StoreInputError } from "../store-errors.js";
import { appendAudit } from "./audit.js";

const OUTCOMES: readonly DeliveryOutcome["state"][] = ["sent", "uncertain", "failed", "skipped"];

export async function claimDelivery(
  db: SqlDriver,
  subscriptionId: string,
  slot: string,
  who: Actor,
  now: Date,
): Promise<boolean> {
  checkText("subscriptionId", subscriptionId);
  checkText("slot", slot);
  checkText("who", who);
  return db.write(async (sql) => {
    const claimed = await sql("insertDeliveryClaim", [subscriptionId, slot, who, iso(now), iso(now)]);
    if (claimed.length === 0) return false;
    await appendAudit(sql, { now, who, action: "delivery.claimed", subject: subjectOf(subscriptionId, slot) });
    return true;
  });
}

export async function markDelivery(
  db: SqlDriver,
  subscriptionId: string,
  slot: string,
  outcome: DeliveryOutcome,
  who: Actor,
  now: Date,
): Promise<boolean> {
  checkText("subscriptionId", subscriptionId);
  checkText("slot", slot);
  checkText("who", who);
  if (!OUTCOMES.includes(outcome.state)) throw new StoreInputError(`state must be one of ${OUTCOMES.join(", ")}`);
  const detail = checkOptionalText("detail", outcome.detail);
  const documentIds = JSON.stringify(outcome.documentIds ?? []);
  return db.write(async (sql) => {
    const marked = await sql("markDelivery", [outcome.state, detail, documentIds, iso(now), subscriptionId, slot]);
    if (marked.length === 0) return false;
    await appendAudit(sql, {
      now,
      who,
      action: `delivery.${outcome.state}`,
      subject: subjectOf(subscriptionId, slot),
      detail: detail === null ? null : { detail },
    });
    return true;
  });
}

export async function listDeliveries(db: SqlDriver, subscriptionId: string, limit?: number): Promise<Delivery[]> {
  checkText("subscriptionId", subscriptionId);
  const n = checkLimit(limit, 100, 1_000);
  const rows = await db.read((sql) => sql("listDeliveries", [subscriptionId, n]));
  return rows.map(toDelivery);
}

function subjectOf(subscriptionId: string, slot: string): string {
  return `delivery:${subscriptionId}/${slot}`;
}

function toDelivery(row: Row): Delivery {
  return {
    subscriptionId: textOf(row, "subscription_id"),
    slot: textOf(row, "slot"),
    state: textOf(row, "state") as DeliveryState,
    claimedBy: textOf(row, "claimed_by"),
    claimedAt: dateOf(row, "claimed_at"),
    updatedAt: dateOf(row, "updated_at"),
    detail: optionalTextOf(row, "detail"),
    documentIds: JSON.parse(textOf(row, "document_ids")) as string[],
  };
}
