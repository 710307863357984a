/**
 * Every statement the store runs, by name. Each backend maps all of them to SQL in its dialect
 * (`embedded/statements.ts`, `postgres/statements.ts`); a missing one is a type error.
 */
export type StatementName =
  | "schemaVersion"
  | "probeWrite"
  | "insertAudit"
  | "listAudit"
  | "listAuditForSubject"
  | "deleteExpiredEvents"
  | "insertHandledEvent"
  | "insertConversationReference"
  | "updateConversationReference"
  | "deleteConversationReference"
  | "getConversationReference"
  | "listConversationReferences"
  | "insertSubscription"
  | "updateSubscriptionSchedule"
  | "findSubscription"
  | "getSubscription"
  | "listSubscriptions"
  | "setSubscriptionPaused"
  | "deleteSubscription"
  | "insertDeliveryClaim"
  | "markDelivery"
  | "listDeliveries"
  | "insertDocument"
  | "updateDocument"
  | "listDocuments"
  | "insertFeedback"
  | "updateFeedback"
  | "summariseFeedback";
