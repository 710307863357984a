/**
 * Channel subscriptions to briefings, for the scheduler: one per platform and channel. The schedule
 * text holds only when it posts; topics (a JSON list), the quiet-day choice and review are columns.
 */

import { randomUUID } from "node:crypto";
import type { TopicId } from "../../knowledge/topics.js";
import { checkOptionalText, checkText } from "../check-text.js";
import { dateOf, iso, numberOf, optionalTextOf, type Row, type SqlDriver, textOf } from "../sql.js";
import type { Actor, Change, Platform, Subscription, SubscriptionInput } from "../store.js";
import { StoreInputError } from "../store-errors.js";
import { appendAudit } from "./audit.js";
import { upsert } from "./upsert.js";

const PLATFORMS: readonly Platform[] = ["slack", "teams"];

export async function saveSubscription(
  db: SqlDriver,
  input: SubscriptionInput,
  who: Actor,
  now: Date,
): Promise<{ subscription: Subscription; change: Change }> {
  const { platform, channelId, topics, schedule, timeZone, whenNothingNew, review } = checkInput(input);
  checkText("who", who);
  const at = iso(now);
  return db.write(async (sql) => {
    const key = [platform, channelId] as const;
    const values = [schedule, JSON.stringify(topics), whenNothingNew, review ? 1 : 0, timeZone] as const;
    const result = await upsert(
      sql,
      ["insertSubscription", [randomUUID(), ...key, ...values, who, at, at]],
      ["updateSubscription", [...values, at, ...key, ...values]],
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
        detail: { platform, channelId, schedule, topics, whenNothingNew, review, timeZone },
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
    const { platform, channelId, topics } = toSubscription(row);
    await appendAudit(sql, {
      now,
      who,
      action: "subscription.removed",
      subject: `subscription:${id}`,
      detail: { platform, channelId, topics },
    });
    return true;
  });
}

function checkInput(input: SubscriptionInput): SubscriptionInput {
  return {
    platform: checkOneOf("platform", input.platform, PLATFORMS),
    channelId: checkText("channelId", input.channelId),
    topics: checkTopics(input.topics),
    whenNothingNew: checkOneOf("whenNothingNew", input.whenNothingNew, QUIET_DAYS),
    review: checkOneOf("review", input.review, [true, false]),
    schedule: checkText("schedule", input.schedule),
    timeZone: checkText("timeZone", input.timeZone),
  };
}

const QUIET_DAYS: readonly Subscription["whenNothingNew"][] = ["silent", "line"];

function checkOneOf<T>(field: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) throw new StoreInputError(`${field} must be one of ${allowed.join(", ")}`);
  return value;
}

/** A list of distinct, non-empty topic ids (empty: all news). Which ids exist is the caller's to know. */
function checkTopics(topics: readonly TopicId[]): TopicId[] {
  if (!Array.isArray(topics)) throw new StoreInputError("topics must be a list of topic ids (empty for all news)");
  for (const topic of topics)
    if (checkText("topic", topic) === "") throw new StoreInputError("a topic id cannot be empty");
  if (new Set(topics).size !== topics.length) throw new StoreInputError("topics must not repeat a topic");
  return [...topics];
}

function toSubscription(row: Row): Subscription {
  return {
    id: textOf(row, "id"),
    platform: textOf(row, "platform") as Platform,
    channelId: textOf(row, "channel_id"),
    topics: JSON.parse(textOf(row, "topics")) as TopicId[],
    whenNothingNew: textOf(row, "when_nothing_new") as Subscription["whenNothingNew"],
    review: numberOf(row, "review") === 1,
    schedule: textOf(row, "schedule"),
    timeZone: textOf(row, "time_zone"),
    pausedReason: optionalTextOf(row, "paused_reason"),
    createdBy: textOf(row, "created_by"),
    createdAt: dateOf(row, "created_at"),
    updatedAt: dateOf(row, "updated_at"),
  };
}
