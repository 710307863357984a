/** Channel subscriptions to briefings, for the scheduler. One per platform, channel and topic. */

import { randomUUID } from "node:crypto";
import { checkOptionalText, checkText } from "../check-text.js";
import { dateOf, iso, optionalTextOf, type Row, type SqlDriver, textOf } from "../sql.js";
import type { Actor, Change, Platform, Subscription, SubscriptionInput } from "../store.js";
import { StoreInputError } from "../store-errors.js";
import { appendAudit } from "./audit.js";
import { upsert } from "./upsert.js";

const PLATFORMS: readonly Platform[] = ["slack", "teams"];

/** The whole digest is stored as topic '' so the unique key holds (NULLs never conflict). */
const NO_TOPIC = "";

export async function saveSubscription(
  db: SqlDriver,
  input: SubscriptionInput,
  who: Actor,
  now: Date,
): Promise<{ subscription: Subscription; change: Change }> {
  const { platform, channelId, topic, schedule, timeZone } = checkInput(input);
  checkText("who", who);
  const at = iso(now);
  return db.write(async (sql) => {
    const key = [platform, channelId, topic] as const;
    const result = await upsert(
      sql,
      ["insertSubscription", [randomUUID(), ...key, schedule, timeZone, who, at, at]],
      ["updateSubscriptionSchedule", [schedule, timeZone, at, ...key, schedule, timeZone]],
    );
    const rows = result.change === "unchanged" ? await sql("findSubscription", [...key]) : result.rows;
    if (!rows[0]) throw new Error("store: the subscription was removed while it was being saved; try again");
    const subscription = toSubscription(rows[0]);
    if (result.change !== "unchanged") {
      await appendAudit(sql, {
        now,
        who,
        action: `subscription.${result.change}`,
        subject: `subscription:${subscription.id}`,
        detail: { platform, channelId, topic: input.topic, schedule, timeZone },
      });
    }
    return { subscription, change: result.change };
  });
}

export async function getSubscription(db: SqlDriver, id: string): Promise<Subscription | null> {
  checkText("id", id);
  const rows = await db.read((sql) => sql("getSubscription", [id]));
  return rows[0] ? toSubscription(rows[0]) : null;
}

export async function listSubscriptions(
  db: SqlDriver,
  filter: { platform?: Platform; channelId?: string } = {},
): Promise<Subscription[]> {
  const platform = checkOptionalText("platform", filter.platform);
  const channelId = checkOptionalText("channelId", filter.channelId);
  const rows = await db.read((sql) => sql("listSubscriptions", [platform, platform, channelId, channelId]));
  return rows.map(toSubscription);
}

export async function setSubscriptionPaused(
  db: SqlDriver,
  id: string,
  reason: string | null,
  who: Actor,
  now: Date,
): Promise<boolean> {
  checkText("id", id);
  checkOptionalText("reason", reason);
  checkText("who", who);
  return db.write(async (sql) => {
    const changed = await sql("setSubscriptionPaused", [reason, iso(now), id, reason]);
    if (changed.length === 0) return false;
    const action = reason === null ? "subscription.resumed" : "subscription.paused";
    await appendAudit(sql, { now, who, action, subject: `subscription:${id}`, detail: reason ? { reason } : null });
    return true;
  });
}

export async function removeSubscription(db: SqlDriver, id: string, who: Actor, now: Date): Promise<boolean> {
  checkText("id", id);
  checkText("who", who);
  return db.write(async (sql) => {
    const removed = await sql("deleteSubscription", [id]);
    const row = removed[0];
    if (!row) return false;
    const { platform, channelId, topic } = toSubscription(row);
    await appendAudit(sql, {
      now,
      who,
      action: "subscription.removed",
      subject: `subscription:${id}`,
      detail: { platform, channelId, topic },
    });
    return true;
  });
}

function checkInput(input: SubscriptionInput): SubscriptionInput & { topic: string } {
  if (!PLATFORMS.includes(input.platform)) throw new StoreInputError(`platform must be one of ${PLATFORMS.join(", ")}`);
  const topic = checkOptionalText("topic", input.topic) ?? NO_TOPIC;
  if (input.topic === NO_TOPIC) throw new StoreInputError("topic must be null (the whole digest) or a topic id");
  return {
    platform: input.platform,
    channelId: checkText("channelId", input.channelId),
    topic,
    schedule: checkText("schedule", input.schedule),
    timeZone: checkText("timeZone", input.timeZone),
  };
}

function toSubscription(row: Row): Subscription {
  const topic = textOf(row, "topic");
  return {
    id: textOf(row, "id"),
    platform: textOf(row, "platform") as Platform,
    channelId: textOf(row, "channel_id"),
    topic: topic === NO_TOPIC ? null : topic,
    schedule: textOf(row, "schedule"),
    timeZone: textOf(row, "time_zone"),
    pausedReason: optionalTextOf(row, "paused_reason"),
    createdBy: textOf(row, "created_by"),
    createdAt: dateOf(row, "created_at"),
    updatedAt: dateOf(row, "updated_at"),
  };
}
