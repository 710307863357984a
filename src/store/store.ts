/**
 * The store: everything the bot must remember across a restart, behind small named operations.
 * Two backends implement it with the same logical schema: the embedded default (SQLite through
 * libSQL, a file under DATA_DIR) and PostgreSQL (DATABASE_URL) for several replicas of `serve`.
 *
 * Every operation that changes something takes who asked (`who`) and the time (`now`), writes an
 * audit entry in the same transaction, and resolves only after a durable commit. Consumers depend
 * on the slice they need (`HandledEvents`, `Subscriptions`…); `Store` is all of them.
 */

import type { ArchivedBriefing, PostedBriefing } from "../archive/posted-briefing.js";
import type { Document } from "../knowledge/document.js";
import type { TopicId } from "../knowledge/topics.js";

/** Who made a change: "slack:U123", "teams:29:1abc", "cli", "scheduler". */
export type Actor = string;

/** What an upsert did: nothing is audited when nothing changed. */
export type Change = "added" | "updated" | "unchanged";

/**
 * Slack's handled-event ids (and equivalent keys), so a replay or retry is answered once; committed
 * without an fsync on the embedded store (a machine crash may cost one repeated answer).
 */
export interface HandledEvents {
  /** True the first time `eventId` is marked, false when already marked within a day (older ids are forgotten on write). */
  markEventHandled(eventId: string, now: Date): Promise<boolean>;
  /** `markEventHandled` for several ids in one transaction (one commit for a burst); one answer per id, in order. */
  markEventsHandled(eventIds: readonly string[], now: Date): Promise<boolean[]>;
}

/** A Teams conversation reference as Bot Framework gives it: plain JSON, kept verbatim. */
export type JsonObject = { [key: string]: unknown };

export interface ConversationReferenceRecord {
  conversationId: string;
  reference: JsonObject;
  updatedAt: Date;
}

/** Where proactive briefings go after a redeploy. */
interface ConversationReferences {
  saveConversationReference(conversationId: string, reference: JsonObject, who: Actor, now: Date): Promise<Change>;
  /** True when there was one to remove. */
  removeConversationReference(conversationId: string, who: Actor, now: Date): Promise<boolean>;
  getConversationReference(conversationId: string): Promise<ConversationReferenceRecord | null>;
  listConversationReferences(): Promise<ConversationReferenceRecord[]>;
}

export type Platform = "slack" | "teams";

/** A channel's briefing subscription: one per platform and channel. */
export interface SubscriptionInput {
  platform: Platform;
  channelId: string;
  /** When it posts, as the schedules feature writes it, e.g. "weekdays at 09:00"; only the when. */
  schedule: string;
  /** The topics its briefings are narrowed to, in the order given; empty for all news. */
  topics: readonly TopicId[];
  /** With nothing new: post nothing (`silent`) or one line saying so (`line`). */
  whenNothingNew: "silent" | "line";
  /** Each briefing goes to reviewers first and posts only once one approves it. */
  review: boolean;
  /** IANA time zone the schedule is read in. */
  timeZone: string;
}

export interface Subscription extends SubscriptionInput {
  id: string;
  /** Why it is paused (e.g. the bot was removed from the channel), or null while active. */
  pausedReason: string | null;
  createdBy: Actor;
  createdAt: Date;
  updatedAt: Date;
}

interface Subscriptions {
  /** Adds the channel's subscription, or updates its topics, schedule and zone. */
  saveSubscription(
    input: SubscriptionInput,
    who: Actor,
    now: Date,
  ): Promise<{ subscription: Subscription; change: Change }>;
  getSubscription(id: string): Promise<Subscription | null>;
  /** Oldest first, optionally for one platform or one channel. */
  listSubscriptions(filter?: { platform?: Platform; channelId?: string }): Promise<Subscription[]>;
  /** Pauses with a reason, or resumes with null; false when there is no such subscription or no change. */
  setSubscriptionPaused(id: string, reason: string | null, who: Actor, now: Date): Promise<boolean>;
  removeSubscription(id: string, who: Actor, now: Date): Promise<boolean>;
}

/** claimed → sent | uncertain | failed | skipped; a claim is never deleted, so a slot is posted once. */
export type DeliveryState = "claimed" | "sent" | "uncertain" | "failed" | "skipped";

export interface Delivery {
  subscriptionId: string;
  /**
   * The scheduled run's instant, e.g. "2026-11-23T09:00:00.000Z" (rows recorded before slots were
   * instants hold the local wall time in the subscription's zone, e.g. "2026-11-23T09:00").
   */
  slot: string;
  state: DeliveryState;
  claimedBy: Actor;
  claimedAt: Date;
  updatedAt: Date;
  /** Plain words on the outcome: an error, a message timestamp, why it was skipped. */
  detail: string | null;
  /** The documents the briefing carried, so the next one can leave them out. */
  documentIds: string[];
}

export interface DeliveryOutcome {
  state: Exclude<DeliveryState, "claimed">;
  detail?: string | null;
  documentIds?: readonly string[];
}

export interface Deliveries {
  /** True for the one caller (of any replica) that claims this slot first; false for every other. */
  claimDelivery(subscriptionId: string, slot: string, who: Actor, now: Date): Promise<boolean>;
  /** Records the outcome of a claimed delivery; false when it is not (or no longer) in the claimed state. */
  markDelivery(subscriptionId: string, slot: string, outcome: DeliveryOutcome, who: Actor, now: Date): Promise<boolean>;
  /** Newest slot first. */
  listDeliveries(subscriptionId: string, limit?: number): Promise<Delivery[]>;
}

/**
 * A reviewed slot's draft (src/schedules/): drafting (claimed, being sent) → draft_sent |
 * undeliverable → approved | skipped (a reviewer's click) → at the slot held | unreviewed (posted
 * without approval) when nobody approved it. Like a delivery claim, a draft row is never deleted,
 * so of all replicas exactly one sends a slot's draft.
 */
export type ReviewState = "drafting" | "draft_sent" | "undeliverable" | "approved" | "skipped" | "held" | "unreviewed";

/** One reviewer's copy of a draft: claimed before it is sent, so it is sent at most once. */
export interface ReviewMessage {
  reviewer: Actor;
  state: "claimed" | "sent" | "uncertain" | "failed";
  /** Where the platform put it (a Slack channel and ts, a Teams conversation and activity id), to update it in place. */
  message: JsonObject | null;
  detail: string | null;
  updatedAt: Date;
}

export interface ReviewDraft {
  subscriptionId: string;
  slot: string;
  state: ReviewState;
  /** The briefing as drafted (src/schedules/ writes and reads it). */
  body: JsonObject;
  claimedBy: Actor;
  claimedAt: Date;
  updatedAt: Date;
  /** Who approved or skipped it (and their name as the platform gave it), and when; null until someone did. */
  decidedBy: Actor | null;
  decidedName: string | null;
  decidedAt: Date | null;
  /** Items a reviewer removed, oldest first. */
  removed: { documentId: string; removedBy: Actor; removedName: string; removedAt: Date }[];
  messages: ReviewMessage[];
}

interface Reviews {
  /** True for the one caller (of any replica) that creates this slot's draft first, in state `drafting`. */
  claimReviewDraft(subscriptionId: string, slot: string, body: JsonObject, who: Actor, now: Date): Promise<boolean>;
  getReviewDraft(subscriptionId: string, slot: string): Promise<ReviewDraft | null>;
  /**
   * Moves the draft to `to` if it is in one of `from`; false (and nothing audited) otherwise. An
   * approval or a skip records who decided (`who`, named `decidedBy`), so of two reviewers
   * clicking at once exactly one wins.
   */
  setReviewState(
    subscriptionId: string,
    slot: string,
    change: { from: readonly ReviewState[]; to: ReviewState; decidedBy?: string },
    who: Actor,
    now: Date,
  ): Promise<boolean>;
  /** Removes an item from a draft still awaiting a decision (drafting or draft_sent); false when already removed or decided. */
  removeReviewItem(
    subscriptionId: string,
    slot: string,
    item: { documentId: string; removedBy: string },
    who: Actor,
    now: Date,
  ): Promise<boolean>;
  /** True for the one caller that may send `reviewer` their copy of the draft. */
  claimReviewMessage(subscriptionId: string, slot: string, reviewer: Actor, who: Actor, now: Date): Promise<boolean>;
  /** Records how sending a claimed copy went; false when it is not (or no longer) claimed. */
  markReviewMessage(
    subscriptionId: string,
    slot: string,
    reviewer: Actor,
    outcome: ReviewMessageOutcome,
    who: Actor,
    now: Date,
  ): Promise<boolean>;
}

/** How sending one reviewer's copy went: where it is, or why it is not known to be there. */
export interface ReviewMessageOutcome {
  state: Exclude<ReviewMessage["state"], "claimed">;
  message?: JsonObject | null;
  detail?: string | null;
}

/** Documents added after the seeds (ingestion), kept whole. */
export interface Documents {
  /** Adds the document, or replaces the one with the same id when it differs. */
  addDocument(doc: Document, who: Actor, now: Date): Promise<Change>;
  /** In the order they were first added; with `changedSince`, only those added or changed at or after it. */
  listDocuments(options?: { changedSince?: Date }): Promise<Document[]>;
  /** How many documents there are and when the latest change was: one cheap query. */
  documentStamp(): Promise<DocumentStamp>;
  /** `listDocuments()` with when each was last written, read together so the two always agree. */
  listDocumentVersions(): Promise<VersionedDocument[]>;
}

/** A stored document and its version: the time it was last written (ISO), which any change moves. */
export interface VersionedDocument {
  document: Document;
  version: string;
}

/** Moves whenever a document is added or changed, so a replica can tell its library is behind. */
export interface DocumentStamp {
  count: number;
  latest: Date | null;
}

/** A feed (RSS or Atom) the bot polls, with what its last read left for conditional GET. */
export interface FeedSource {
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** The last read that succeeded (a 200 or a 304), or null before the first. */
  lastReadAt: Date | null;
  /** Why the latest attempt failed, or null when it succeeded. */
  lastError: string | null;
  /** The latest attempt, successful or not. */
  checkedAt: Date | null;
  addedBy: Actor;
  addedAt: Date;
}

/** What a successful read of a feed leaves for the next conditional GET. */
export interface FeedRead {
  etag: string | null;
  lastModified: string | null;
}

export interface Feeds {
  /** Follows a feed; `unchanged` when it was already followed. */
  saveFeed(url: string, who: Actor, now: Date): Promise<Change>;
  /** True when there was one to remove. Documents read from it stay. */
  removeFeed(url: string, who: Actor, now: Date): Promise<boolean>;
  /** Oldest first. */
  listFeeds(): Promise<FeedSource[]>;
  /** Records a read (not audited: it happens every few minutes); `error` marks a failed attempt. */
  recordFeedRead(url: string, outcome: FeedRead | { error: string }, now: Date): Promise<void>;
}

/** A page or feed whose latest reads failed: ingestion waits before trying it again. */
export interface ReadFailure {
  url: string;
  /** Why the latest read failed. */
  reason: string;
  /** Failed reads in a row. */
  failures: number;
  failedAt: Date;
}

/** Failed reads by URL (not audited: they are a cache of bad luck, not a change anyone made). */
export interface ReadFailures {
  /** Records a failed read; resolves with the failures in a row, this one included. */
  recordReadFailure(url: string, reason: string, now: Date): Promise<number>;
  getReadFailure(url: string): Promise<ReadFailure | null>;
  /** Forgets the failures after a read that worked. */
  clearReadFailure(url: string): Promise<void>;
}

export type FeedbackTarget = "answer" | "briefing_item";
export type FeedbackValue = "helpful" | "not_helpful";

export interface FeedbackInput {
  platform: string;
  userId: string;
  target: FeedbackTarget;
  /** The answer's or briefing item's id as the adapter knows it. */
  targetId: string;
  value: FeedbackValue;
  comment?: string | null;
}

interface Feedback {
  /** One opinion per person and target: a second click changes it rather than counting twice. */
  recordFeedback(input: FeedbackInput, now: Date): Promise<Change>;
  summariseFeedback(target: FeedbackTarget, targetId: string): Promise<{ helpful: number; notHelpful: number }>;
}

/** One change: who, when, what. Written in the same transaction as the change itself. */
export interface AuditEntry {
  seq: number;
  at: Date;
  who: Actor;
  /** e.g. "subscription.added", "delivery.sent", "document.updated". */
  action: string;
  /** What it was done to, e.g. "subscription:<id>", "document:<id>". */
  subject: string;
  /** A small JSON object with the facts of the change, or null. */
  detail: string | null;
}

interface AuditTrail {
  /** Newest first; at most `limit` (default 100, at most 1,000), optionally for one subject. */
  listAudit(options?: { limit?: number; subject?: string }): Promise<AuditEntry[]>;
}

/** One conversation's memory to save, until `expiresAt`. */
export interface MemoryEntry {
  conversationKey: string;
  memory: JsonObject;
  expiresAt: Date;
}

/**
 * What the bot remembers of a conversation (a DM, thread, channel or shell session) between
 * messages, e.g. the last answer so "tell me more" can go on, for every replica, until `expiresAt`.
 * Not audited and committed without an fsync, like handled events: losing one costs a "more about what?".
 */
export interface ConversationMemories {
  saveConversationMemory(conversationKey: string, memory: JsonObject, expiresAt: Date, now: Date): Promise<void>;
  /** `saveConversationMemory` for several conversations in one transaction (one commit for a burst of replies). */
  saveConversationMemories(entries: readonly MemoryEntry[], now: Date): Promise<void>;
  /** The memory saved under the key, or null when there is none or it has expired by `now`. */
  getConversationMemory(conversationKey: string, now: Date): Promise<JsonObject | null>;
}

/** Briefings as posted to any channel, for the web archive (no channel or person is kept). */
export interface PostedBriefings {
  /** Keeps the briefing once: `unchanged` when one with the same id (same day, same content) is kept already. */
  recordPostedBriefing(briefing: ArchivedBriefing, who: Actor, now: Date): Promise<Change>;
  getPostedBriefing(id: string): Promise<PostedBriefing | null>;
  /** Newest day first (then latest posted); `limit` default 20, at most 100; `total` counts them all. */
  listPostedBriefings(options?: {
    limit?: number;
    offset?: number;
  }): Promise<{ briefings: PostedBriefing[]; total: number }>;
}

export type StoreBackend = "embedded" | "postgresql";

/**
 * ok: reachable, migrated and writable. newer_schema: a newer nhsai has migrated the database
 * while this one runs (it keeps serving, but would refuse to start again). damaged: pages fail
 * SQLite's check. disk_full: a write failed for space, or free space is below MIN_FREE_BYTES.
 */
export type StoreState = "ok" | "unreachable" | "read_only" | "not_migrated" | "newer_schema" | "damaged" | "disk_full";

export interface StoreHealth {
  backend: StoreBackend;
  state: StoreState;
  schemaVersion: number | null;
  /** The schema version this code is written for. */
  expectedVersion: number;
  /** Whether a commit reaches the disk before it is acknowledged, and the settings that say so. */
  durable: boolean;
  durability: string;
  /** Plain words on what is wrong, or null. May name hosts and paths: for operators, not /healthz. */
  problem: string | null;
  /** Bytes free on the disk holding the data (embedded store), or null where unknown. */
  freeBytes: number | null;
}

export interface HealthOptions {
  /** Also read every page back (embedded: PRAGMA quick_check, in a worker thread); slower. */
  integrity?: boolean;
}

export interface Store
  extends HandledEvents,
    ConversationReferences,
    Subscriptions,
    Deliveries,
    Documents,
    Feeds,
    ReadFailures,
    Feedback,
    ConversationMemories,
    PostedBriefings,
    Reviews,
    AuditTrail {
  readonly backend: StoreBackend;
  /** Where it lives, without credentials: "data/nhsai.db", "db.internal:5432/nhsai". */
  readonly location: string;
  /** Reachable, migrated, writable (by a real write that commits), room on the disk? Never throws. */
  health(options?: HealthOptions): Promise<StoreHealth>;
  close(): Promise<void>;
}
