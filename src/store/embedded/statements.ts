/** The store's statements in SQLite's dialect: `?` parameters, `IS NOT` for null-safe inequality. */

import type { StatementName } from "../statement-names.js";

const SUBSCRIPTION =
  "id, platform, channel_id, schedule, topics, when_nothing_new, review, time_zone, paused_reason, created_by, created_at, updated_at";
const DELIVERY = "subscription_id, slot, state, claimed_by, claimed_at, updated_at, detail, document_ids";
const AUDIT = "seq, at, who, action, subject, detail";
const REVIEW_DRAFT =
  "subscription_id, slot, state, body, claimed_by, claimed_at, updated_at, decided_by, decided_name, decided_at";
const FEED = "url, etag, last_modified, last_read_at, last_error, checked_at, added_by, added_at";

export const EMBEDDED_STATEMENTS: Record<StatementName, string> = {
  schemaVersion: "SELECT max(version) AS version FROM schema_version",
  probeWrite: "UPDATE store_probe SET checked_at = ? WHERE id = 1",

  insertAudit: "INSERT INTO audit_log (at, who, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
  listAudit: `SELECT ${AUDIT} FROM audit_log ORDER BY seq DESC LIMIT ?`,
  listAuditForSubject: `SELECT ${AUDIT} FROM audit_log WHERE subject = ? ORDER BY seq DESC LIMIT ?`,

  deleteExpiredEvents: "DELETE FROM handled_events WHERE handled_at <= ?",
  insertHandledEvent:
    "INSERT INTO handled_events (event_id, handled_at) VALUES (?, ?) " +
    "ON CONFLICT (event_id) DO UPDATE SET handled_at = excluded.handled_at WHERE handled_events.handled_at <= ?",

  insertConversationReference:
    "INSERT INTO conversation_references (conversation_id, reference, updated_at) VALUES (?, ?, ?) " +
    "ON CONFLICT (conversation_id) DO NOTHING RETURNING conversation_id",
  updateConversationReference:
    "UPDATE conversation_references SET reference = ?, updated_at = ? " +
    "WHERE conversation_id = ? AND reference IS NOT ? RETURNING conversation_id",
  deleteConversationReference:
    "DELETE FROM conversation_references WHERE conversation_id = ? RETURNING conversation_id",
  getConversationReference:
    "SELECT conversation_id, reference, updated_at FROM conversation_references WHERE conversation_id = ?",
  listConversationReferences:
    "SELECT conversation_id, reference, updated_at FROM conversation_references ORDER BY conversation_id",

  insertSubscription:
    "INSERT INTO subscriptions (id, platform, channel_id, schedule, topics, when_nothing_new, review, time_zone, " +
    "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) " +
    `ON CONFLICT (platform, channel_id) DO NOTHING RETURNING ${SUBSCRIPTION}`,
  updateSubscription:
    "UPDATE subscriptions SET schedule = ?, topics = ?, when_nothing_new = ?, review = ?, time_zone = ?, updated_at = ? " +
    "WHERE platform = ? AND channel_id = ? AND (schedule IS NOT ? OR topics IS NOT ? OR when_nothing_new IS NOT ? " +
    `OR review IS NOT ? OR time_zone IS NOT ?) RETURNING ${SUBSCRIPTION}`,
  findSubscription: `SELECT ${SUBSCRIPTION} FROM subscriptions WHERE platform = ? AND channel_id = ?`,
  getSubscription: `SELECT ${SUBSCRIPTION} FROM subscriptions WHERE id = ?`,
  listSubscriptions:
    `SELECT ${SUBSCRIPTION} FROM subscriptions ` +
    "WHERE (? IS NULL OR platform = ?) AND (? IS NULL OR channel_id = ?) ORDER BY created_at, id",
  setSubscriptionPaused:
    "UPDATE subscriptions SET paused_reason = ?, updated_at = ? WHERE id = ? AND paused_reason IS NOT ? RETURNING id",
  deleteSubscription: `DELETE FROM subscriptions WHERE id = ? RETURNING ${SUBSCRIPTION}`,

  insertDeliveryClaim:
    "INSERT INTO deliveries (subscription_id, slot, state, claimed_by, claimed_at, updated_at) " +
    "VALUES (?, ?, 'claimed', ?, ?, ?) ON CONFLICT (subscription_id, slot) DO NOTHING RETURNING slot",
  markDelivery:
    "UPDATE deliveries SET state = ?, detail = ?, document_ids = ?, updated_at = ? " +
    "WHERE subscription_id = ? AND slot = ? AND state = 'claimed' RETURNING slot",
  listDeliveries: `SELECT ${DELIVERY} FROM deliveries WHERE subscription_id = ? ORDER BY slot DESC LIMIT ?`,

  insertDocument:
    "INSERT INTO documents (id, body, added_by, added_at, updated_at) VALUES (?, ?, ?, ?, ?) " +
    "ON CONFLICT (id) DO NOTHING RETURNING id",
  updateDocument: "UPDATE documents SET body = ?, updated_at = ? WHERE id = ? AND body IS NOT ? RETURNING id",
  listDocuments: "SELECT body FROM documents ORDER BY added_at, id",
  listDocumentsChangedSince: "SELECT body FROM documents WHERE updated_at >= ? ORDER BY added_at, id",
  documentStamp: "SELECT count(*) AS n, max(updated_at) AS latest FROM documents",
  listDocumentVersions: "SELECT body, updated_at FROM documents ORDER BY added_at, id",

  insertFeed: "INSERT INTO feeds (url, added_by, added_at) VALUES (?, ?, ?) ON CONFLICT (url) DO NOTHING RETURNING url",
  deleteFeed: "DELETE FROM feeds WHERE url = ? RETURNING url",
  listFeeds: `SELECT ${FEED} FROM feeds ORDER BY added_at, url`,
  markFeedRead:
    "UPDATE feeds SET etag = ?, last_modified = ?, last_read_at = ?, checked_at = ?, last_error = NULL WHERE url = ?",
  markFeedFailed: "UPDATE feeds SET last_error = ?, checked_at = ? WHERE url = ?",

  recordReadFailure:
    "INSERT INTO read_failures (url, reason, failures, failed_at) VALUES (?, ?, 1, ?) ON CONFLICT (url) DO UPDATE " +
    "SET reason = excluded.reason, failures = read_failures.failures + 1, failed_at = excluded.failed_at RETURNING failures",
  getReadFailure: "SELECT url, reason, failures, failed_at FROM read_failures WHERE url = ?",
  clearReadFailure: "DELETE FROM read_failures WHERE url = ?",

  insertFeedback:
    "INSERT INTO feedback (platform, user_id, target, target_id, value, comment, recorded_at) " +
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, user_id, target, target_id) DO NOTHING RETURNING value",
  updateFeedback:
    "UPDATE feedback SET value = ?, comment = ?, recorded_at = ? " +
    "WHERE platform = ? AND user_id = ? AND target = ? AND target_id = ? AND (value IS NOT ? OR comment IS NOT ?) " +
    "RETURNING value",
  summariseFeedback:
    "SELECT count(*) FILTER (WHERE value = 'helpful') AS helpful, " +
    "count(*) FILTER (WHERE value = 'not_helpful') AS not_helpful FROM feedback WHERE target = ? AND target_id = ?",

  saveConversationMemory:
    "INSERT INTO conversation_memory (conversation_key, memory, expires_at) VALUES (?, ?, ?) " +
    "ON CONFLICT (conversation_key) DO UPDATE SET memory = excluded.memory, expires_at = excluded.expires_at",
  getConversationMemory: "SELECT memory FROM conversation_memory WHERE conversation_key = ? AND expires_at > ?",
  deleteExpiredConversationMemory: "DELETE FROM conversation_memory WHERE expires_at <= ?",
  insertPostedBriefing:
    "INSERT INTO posted_briefings (id, day, body, first_posted_at) VALUES (?, ?, ?, ?) " +
    "ON CONFLICT (id) DO NOTHING RETURNING id",
  getPostedBriefing: "SELECT id, body, first_posted_at FROM posted_briefings WHERE id = ?",
  listPostedBriefings:
    "SELECT id, body, first_posted_at FROM posted_briefings ORDER BY day DESC, first_posted_at DESC, id LIMIT ? OFFSET ?",
  countPostedBriefings: "SELECT count(*) AS n FROM posted_briefings",
  insertReviewDraft:
    "INSERT INTO review_drafts (subscription_id, slot, state, body, claimed_by, claimed_at, updated_at) " +
    "VALUES (?, ?, 'drafting', ?, ?, ?, ?) ON CONFLICT (subscription_id, slot) DO NOTHING RETURNING slot",
  getReviewDraft: `SELECT ${REVIEW_DRAFT} FROM review_drafts WHERE subscription_id = ? AND slot = ?`,
  setReviewState:
    "UPDATE review_drafts SET state = ?, updated_at = ? " +
    "WHERE subscription_id = ? AND slot = ? AND instr(?, ',' || state || ',') > 0 RETURNING slot",
  decideReviewDraft:
    "UPDATE review_drafts SET state = ?, updated_at = ?, decided_by = ?, decided_name = ?, decided_at = ? " +
    "WHERE subscription_id = ? AND slot = ? AND instr(?, ',' || state || ',') > 0 RETURNING slot",
  insertReviewRemoval:
    "INSERT INTO review_removals (subscription_id, slot, document_id, removed_by, removed_name, removed_at) " +
    "SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM review_drafts " +
    "WHERE subscription_id = ? AND slot = ? AND state IN ('drafting', 'draft_sent')) " +
    "ON CONFLICT (subscription_id, slot, document_id) DO NOTHING RETURNING document_id",
  listReviewRemovals:
    "SELECT document_id, removed_by, removed_name, removed_at FROM review_removals " +
    "WHERE subscription_id = ? AND slot = ? ORDER BY removed_at, document_id",
  insertReviewMessage:
    "INSERT INTO review_messages (subscription_id, slot, reviewer, state, updated_at) VALUES (?, ?, ?, 'claimed', ?) " +
    "ON CONFLICT (subscription_id, slot, reviewer) DO NOTHING RETURNING reviewer",
  markReviewMessage:
    "UPDATE review_messages SET state = ?, message = ?, detail = ?, updated_at = ? " +
    "WHERE subscription_id = ? AND slot = ? AND reviewer = ? AND state = 'claimed' RETURNING reviewer",
  listReviewMessages:
    "SELECT reviewer, state, message, detail, updated_at FROM review_messages " +
    "WHERE subscription_id = ? AND slot = ? ORDER BY reviewer",
};
