/**
 * The store's statements in PostgreSQL's dialect: `$n` parameters, `IS DISTINCT FROM` for
 * null-safe inequality, and `COLLATE "C"` where ids are sorted, so both backends list alike.
 */

import type { StatementName } from "../statement-names.js";

const SUBSCRIPTION =
  "id, platform, channel_id, schedule, topics, when_nothing_new, review, time_zone, paused_reason, created_by, created_at, updated_at";
const DELIVERY = "subscription_id, slot, state, claimed_by, claimed_at, updated_at, detail, document_ids";
const AUDIT = "seq, at, who, action, subject, detail";
const REVIEW_DRAFT =
  "subscription_id, slot, state, body, claimed_by, claimed_at, updated_at, decided_by, decided_name, decided_at";
const FEED = "url, etag, last_modified, last_read_at, last_error, checked_at, added_by, added_at";

export const POSTGRES_STATEMENTS: Record<StatementName, string> = {
  schemaVersion: "SELECT max(version) AS version FROM schema_version",
  probeWrite: "UPDATE store_probe SET checked_at = $1 WHERE id = 1",

  insertAudit: "INSERT INTO audit_log (at, who, action, subject, detail) VALUES ($1, $2, $3, $4, $5)",
  listAudit: `SELECT ${AUDIT} FROM audit_log ORDER BY seq DESC LIMIT $1`,
  listAuditForSubject: `SELECT ${AUDIT} FROM audit_log WHERE subject = $1 ORDER BY seq DESC LIMIT $2`,

  deleteExpiredEvents: "DELETE FROM handled_events WHERE handled_at <= $1",
  insertHandledEvent:
    "INSERT INTO handled_events (event_id, handled_at) VALUES ($1, $2) " +
    "ON CONFLICT (event_id) DO UPDATE SET handled_at = EXCLUDED.handled_at WHERE handled_events.handled_at <= $3",

  insertConversationReference:
    "INSERT INTO conversation_references (conversation_id, reference, updated_at) VALUES ($1, $2, $3) " +
    "ON CONFLICT (conversation_id) DO NOTHING RETURNING conversation_id",
  updateConversationReference:
    "UPDATE conversation_references SET reference = $1, updated_at = $2 " +
    "WHERE conversation_id = $3 AND reference IS DISTINCT FROM $4 RETURNING conversation_id",
  deleteConversationReference:
    "DELETE FROM conversation_references WHERE conversation_id = $1 RETURNING conversation_id",
  getConversationReference:
    "SELECT conversation_id, reference, updated_at FROM conversation_references WHERE conversation_id = $1",
  listConversationReferences:
    'SELECT conversation_id, reference, updated_at FROM conversation_references ORDER BY conversation_id COLLATE "C"',

  insertSubscription:
    "INSERT INTO subscriptions (id, platform, channel_id, schedule, topics, when_nothing_new, review, time_zone, " +
    "created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) " +
    `ON CONFLICT (platform, channel_id) DO NOTHING RETURNING ${SUBSCRIPTION}`,
  updateSubscription:
    "UPDATE subscriptions SET schedule = $1, topics = $2, when_nothing_new = $3, review = $4, time_zone = $5, " +
    "updated_at = $6 WHERE platform = $7 AND channel_id = $8 " +
    "AND (schedule IS DISTINCT FROM $9 OR topics IS DISTINCT FROM $10 OR when_nothing_new IS DISTINCT FROM $11 " +
    `OR review IS DISTINCT FROM $12 OR time_zone IS DISTINCT FROM $13) RETURNING ${SUBSCRIPTION}`,
  findSubscription: `SELECT ${SUBSCRIPTION} FROM subscriptions WHERE platform = $1 AND channel_id = $2`,
  getSubscription: `SELECT ${SUBSCRIPTION} FROM subscriptions WHERE id = $1`,
  listSubscriptions:
    `SELECT ${SUBSCRIPTION} FROM subscriptions ` +
    "WHERE ($1::text IS NULL OR platform = $2) AND ($3::text IS NULL OR channel_id = $4) " +
    'ORDER BY created_at, id COLLATE "C"',
  setSubscriptionPaused:
    "UPDATE subscriptions SET paused_reason = $1, updated_at = $2 " +
    "WHERE id = $3 AND paused_reason IS DISTINCT FROM $4 RETURNING id",
  deleteSubscription: `DELETE FROM subscriptions WHERE id = $1 RETURNING ${SUBSCRIPTION}`,

  insertDeliveryClaim:
    "INSERT INTO deliveries (subscription_id, slot, state, claimed_by, claimed_at, updated_at) " +
    "VALUES ($1, $2, 'claimed', $3, $4, $5) ON CONFLICT (subscription_id, slot) DO NOTHING RETURNING slot",
  markDelivery:
    "UPDATE deliveries SET state = $1, detail = $2, document_ids = $3, updated_at = $4 " +
    "WHERE subscription_id = $5 AND slot = $6 AND state = 'claimed' RETURNING slot",
  listDeliveries: `SELECT ${DELIVERY} FROM deliveries WHERE subscription_id = $1 ORDER BY slot COLLATE "C" DESC LIMIT $2`,

  insertDocument:
    "INSERT INTO documents (id, body, added_by, added_at, updated_at) VALUES ($1, $2, $3, $4, $5) " +
    "ON CONFLICT (id) DO NOTHING RETURNING id",
  updateDocument:
    "UPDATE documents SET body = $1, updated_at = $2 WHERE id = $3 AND body IS DISTINCT FROM $4 RETURNING id",
  listDocuments: 'SELECT body FROM documents ORDER BY added_at, id COLLATE "C"',
  listDocumentsChangedSince: 'SELECT body FROM documents WHERE updated_at >= $1 ORDER BY added_at, id COLLATE "C"',
  documentStamp: "SELECT count(*) AS n, max(updated_at) AS latest FROM documents",
  listDocumentVersions: 'SELECT body, updated_at FROM documents ORDER BY added_at, id COLLATE "C"',

  insertFeed:
    "INSERT INTO feeds (url, added_by, added_at) VALUES ($1, $2, $3) ON CONFLICT (url) DO NOTHING RETURNING url",
  deleteFeed: "DELETE FROM feeds WHERE url = $1 RETURNING url",
  listFeeds: `SELECT ${FEED} FROM feeds ORDER BY added_at, url COLLATE "C"`,
  markFeedRead:
    "UPDATE feeds SET etag = $1, last_modified = $2, last_read_at = $3, checked_at = $4, last_error = NULL WHERE url = $5",
  markFeedFailed: "UPDATE feeds SET last_error = $1, checked_at = $2 WHERE url = $3",

  recordReadFailure:
    "INSERT INTO read_failures (url, reason, failures, failed_at) VALUES ($1, $2, 1, $3) ON CONFLICT (url) DO UPDATE " +
    "SET reason = excluded.reason, failures = read_failures.failures + 1, failed_at = excluded.failed_at RETURNING failures",
  getReadFailure: "SELECT url, reason, failures, failed_at FROM read_failures WHERE url = $1",
  clearReadFailure: "DELETE FROM read_failures WHERE url = $1",

  insertFeedback:
    "INSERT INTO feedback (platform, user_id, target, target_id, value, comment, recorded_at) " +
    "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (platform, user_id, target, target_id) DO NOTHING RETURNING value",
  updateFeedback:
    "UPDATE feedback SET value = $1, comment = $2, recorded_at = $3 " +
    "WHERE platform = $4 AND user_id = $5 AND target = $6 AND target_id = $7 " +
    "AND (value IS DISTINCT FROM $8 OR comment IS DISTINCT FROM $9) RETURNING value",
  summariseFeedback:
    "SELECT count(*) FILTER (WHERE value = 'helpful') AS helpful, " +
    "count(*) FILTER (WHERE value = 'not_helpful') AS not_helpful FROM feedback WHERE target = $1 AND target_id = $2",

  saveConversationMemory:
    "INSERT INTO conversation_memory (conversation_key, memory, expires_at) VALUES ($1, $2, $3) " +
    "ON CONFLICT (conversation_key) DO UPDATE SET memory = EXCLUDED.memory, expires_at = EXCLUDED.expires_at",
  getConversationMemory: "SELECT memory FROM conversation_memory WHERE conversation_key = $1 AND expires_at > $2",
  deleteExpiredConversationMemory: "DELETE FROM conversation_memory WHERE expires_at <= $1",
  insertPostedBriefing:
    "INSERT INTO posted_briefings (id, day, body, first_posted_at) VALUES ($1, $2, $3, $4) " +
    "ON CONFLICT (id) DO NOTHING RETURNING id",
  getPostedBriefing: "SELECT id, body, first_posted_at FROM posted_briefings WHERE id = $1",
  listPostedBriefings:
    "SELECT id, body, first_posted_at FROM posted_briefings " +
    'ORDER BY day DESC, first_posted_at DESC, id COLLATE "C" LIMIT $1 OFFSET $2',
  countPostedBriefings: "SELECT count(*) AS n FROM posted_briefings",
  insertReviewDraft:
    "INSERT INTO review_drafts (subscription_id, slot, state, body, claimed_by, claimed_at, updated_at) " +
    "VALUES ($1, $2, 'drafting', $3, $4, $5, $6) ON CONFLICT (subscription_id, slot) DO NOTHING RETURNING slot",
  getReviewDraft: `SELECT ${REVIEW_DRAFT} FROM review_drafts WHERE subscription_id = $1 AND slot = $2`,
  setReviewState:
    "UPDATE review_drafts SET state = $1, updated_at = $2 " +
    "WHERE subscription_id = $3 AND slot = $4 AND position(',' || state || ',' in $5) > 0 RETURNING slot",
  decideReviewDraft:
    "UPDATE review_drafts SET state = $1, updated_at = $2, decided_by = $3, decided_name = $4, decided_at = $5 " +
    "WHERE subscription_id = $6 AND slot = $7 AND position(',' || state || ',' in $8) > 0 RETURNING slot",
  insertReviewRemoval:
    "INSERT INTO review_removals (subscription_id, slot, document_id, removed_by, removed_name, removed_at) " +
    "SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM review_drafts " +
    "WHERE subscription_id = $7 AND slot = $8 AND state IN ('drafting', 'draft_sent')) " +
    "ON CONFLICT (subscription_id, slot, document_id) DO NOTHING RETURNING document_id",
  listReviewRemovals:
    "SELECT document_id, removed_by, removed_name, removed_at FROM review_removals " +
    "WHERE subscription_id = $1 AND slot = $2 ORDER BY removed_at, document_id",
  insertReviewMessage:
    "INSERT INTO review_messages (subscription_id, slot, reviewer, state, updated_at) VALUES ($1, $2, $3, 'claimed', $4) " +
    "ON CONFLICT (subscription_id, slot, reviewer) DO NOTHING RETURNING reviewer",
  markReviewMessage:
    "UPDATE review_messages SET state = $1, message = $2, detail = $3, updated_at = $4 " +
    "WHERE subscription_id = $5 AND slot = $6 AND reviewer = $7 AND state = 'claimed' RETURNING reviewer",
  listReviewMessages:
    "SELECT reviewer, state, message, detail, updated_at FROM review_messages " +
    "WHERE subscription_id = $1 AND slot = $2 ORDER BY reviewer",
};
