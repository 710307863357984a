/** Assembles the Store from a backend's driver and the operations written once for both. */

import { listAudit } from "./operations/audit.js";
import {
  getConversationMemory,
  saveConversationMemories,
  saveConversationMemory,
} from "./operations/conversation-memory.js";
import {
  getConversationReference,
  listConversationReferences,
  removeConversationReference,
  saveConversationReference,
} from "./operations/conversation-references.js";
import { claimDelivery, listDeliveries, markDelivery } from "./operations/deliveries.js";
import { addDocument, documentStamp, listDocuments, listDocumentVersions } from "./operations/documents.js";
import { recordFeedback, summariseFeedback } from "./operations/feedback.js";
import { listFeeds, recordFeedRead, removeFeed, saveFeed } from "./operations/feeds.js";
import { markEventHandled, markEventsHandled } from "./operations/handled-events.js";
import { checkHealth } from "./operations/health.js";
import { getPostedBriefing, listPostedBriefings, recordPostedBriefing } from "./operations/posted-briefings.js";
import { clearReadFailure, getReadFailure, recordReadFailure } from "./operations/read-failures.js";
import {
  claimReviewDraft,
  claimReviewMessage,
  getReviewDraft,
  markReviewMessage,
  removeReviewItem,
  setReviewState,
} from "./operations/reviews.js";
import {
  getSubscription,
  listSubscriptions,
  removeSubscription,
  saveSubscription,
  setSubscriptionPaused,
} from "./operations/subscriptions.js";
import type { SqlDriver } from "./sql.js";
import type { Store } from "./store.js";

export function createSqlStore(db: SqlDriver, expectedVersion: number): Store {
  return {
    backend: db.backend,
    location: db.location,
    markEventHandled: (eventId, now) => markEventHandled(db, eventId, now),
    markEventsHandled: (eventIds, now) => markEventsHandled(db, eventIds, now),
    saveConversationReference: (id, reference, who, now) => saveConversationReference(db, id, reference, who, now),
    removeConversationReference: (id, who, now) => removeConversationReference(db, id, who, now),
    getConversationReference: (id) => getConversationReference(db, id),
    listConversationReferences: () => listConversationReferences(db),
    saveSubscription: (input, who, now) => saveSubscription(db, input, who, now),
    getSubscription: (id) => getSubscription(db, id),
    listSubscriptions: (filter) => listSubscriptions(db, filter),
    setSubscriptionPaused: (id, reason, who, now) => setSubscriptionPaused(db, id, reason, who, now),
    removeSubscription: (id, who, now) => removeSubscription(db, id, who, now),
    claimDelivery: (subscriptionId, slot, who, now) => claimDelivery(db, subscriptionId, slot, who, now),
    markDelivery: (subscriptionId, slot, outcome, who, now) =>
      markDelivery(db, subscriptionId, slot, outcome, who, now),
    listDeliveries: (subscriptionId, limit) => listDeliveries(db, subscriptionId, limit),
    addDocument: (doc, who, now) => addDocument(db, doc, who, now),
    listDocuments: (options) => listDocuments(db, options),
    documentStamp: () => documentStamp(db),
    listDocumentVersions: () => listDocumentVersions(db),
    saveFeed: (url, who, now) => saveFeed(db, url, who, now),
    removeFeed: (url, who, now) => removeFeed(db, url, who, now),
    listFeeds: () => listFeeds(db),
    recordFeedRead: (url, outcome, now) => recordFeedRead(db, url, outcome, now),
    recordReadFailure: (url, reason, now) => recordReadFailure(db, url, reason, now),
    getReadFailure: (url) => getReadFailure(db, url),
    clearReadFailure: (url) => clearReadFailure(db, url),
    recordFeedback: (input, now) => recordFeedback(db, input, now),
    summariseFeedback: (target, targetId) => summariseFeedback(db, target, targetId),
    saveConversationMemory: (key, memory, expiresAt, now) => saveConversationMemory(db, key, memory, expiresAt, now),
    saveConversationMemories: (entries, now) => saveConversationMemories(db, entries, now),
    getConversationMemory: (key, now) => getConversationMemory(db, key, now),
    recordPostedBriefing: (briefing, who, now) => recordPostedBriefing(db, briefing, who, now),
    getPostedBriefing: (id) => getPostedBriefing(db, id),
    listPostedBriefings: (options) => listPostedBriefings(db, options),
    claimReviewDraft: (subscriptionId, slot, body, who, now) =>
      claimReviewDraft(db, subscriptionId, slot, body, who, now),
    getReviewDraft: (subscriptionId, slot) => getReviewDraft(db, subscriptionId, slot),
    setReviewState: (subscriptionId, slot, change, who, now) =>
      setReviewState(db, subscriptionId, slot, change, who, now),
    removeReviewItem: (subscriptionId, slot, item, who, now) =>
      removeReviewItem(db, subscriptionId, slot, item, who, now),
    claimReviewMessage: (subscriptionId, slot, reviewer, who, now) =>
      claimReviewMessage(db, subscriptionId, slot, reviewer, who, now),
    markReviewMessage: (subscriptionId, slot, reviewer, outcome, who, now) =>
      markReviewMessage(db, subscriptionId, slot, reviewer, outcome, who, now),
    listAudit: (options) => listAudit(db, options),
    health: (options) => checkHealth(db, expectedVersion, options),
    close: () => db.close(),
  };
}
