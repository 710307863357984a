/**
 * nhsai's core, as adapters see it. Everything here is plain data and functions: no platform SDK,
 * no environment, no console, no clock (callers pass `now`).
 */

export type { Answer, Citation } from "./answers/answer.js";
// Answers and the knowledge base.
export { answerQuestion } from "./answers/answer-question.js";
// ADDED FOR ADAPTERS (to be grouped)
export { ARCHIVE_ID, archivePageUrl, type PostedBriefing, topicsOf } from "./archive/posted-briefing.js";
// The facade: commands or text in, one reply model out.
export { BriefingService, readTyped, type ServiceContext, type Typed } from "./briefing-service.js";
// Briefings as data.
export { buildDigest, DEFAULT_DIGEST_ITEMS } from "./briefings/build-digest.js";
export { londonDayLabel, londonIsoDay, parseIsoDay } from "./briefings/dates.js";
export type { Digest, DigestItem, DigestOptions } from "./briefings/digest.js";
export { pickKeySentences, SUMMARY_MAX_WORDS } from "./briefings/pick-key-sentences.js";
export { type TopicBriefing, type TopicFact, topicBriefing, topicsWithNews } from "./briefings/topic-briefing.js";
export type { ChannelPoster, PostOutcome } from "./channel-poster.js";
export { ChatService, type FeedbackTarget, feedbackTargetOf } from "./chat/chat-service.js";
export { actorOf, type Conversation, type ConversationScope } from "./chat/conversation.js";
export { digestReply } from "./commands/briefing-replies.js";
export { neutraliseInput } from "./commands/neutralise-input.js";
export { type Command, MAX_INPUT_LENGTH, parseCommand } from "./commands/parse-command.js";
export { publishedLabelOf } from "./commands/reply-citation.js";
export { feedFailingSince, londonTimeLabel, withoutPassword } from "./commands/source-replies.js";
export { type Config, ConfigError, loadConfig, type PlatformName } from "./config.js";
export { platformsOf, type StoreLocation, storeLocation } from "./config-defaults.js";
export { intentAnswer } from "./conversation/intent-answer.js";
export type { ConversationMemory } from "./conversation/memory.js";
export { DEFAULT_FETCH_LIMITS, tooLarge } from "./ingest/fetch-safely.js";
export { DocumentShelf, type HeldDocuments } from "./ingest/held-documents.js";
export { describeOutcome, type IngestOutcome } from "./ingest/ingest-outcome.js";
export { type IngestDeps, Ingester, type ReadOptions } from "./ingest/ingester.js";
export { addNewDocuments } from "./ingest/library-sync.js";
export { pollDueFeeds } from "./ingest/poll-feeds.js";
export { ReadPool } from "./ingest/read-pool.js";
export type { DocumentReader } from "./ingest/read-task.js";
export { refuseAddress } from "./ingest/url-safety.js";
export type { Document, PublishedDate } from "./knowledge/document.js";
export { formatPublished } from "./knowledge/format-date.js";
export { Library, type LibraryDocument, type Passage } from "./knowledge/library.js";
export { loadSeedArticles } from "./knowledge/load-seed-articles.js";
export { buildLibrary } from "./knowledge/seed-library.js";
export { findTopic, TOPIC_IDS, TOPICS, type Topic, type TopicId } from "./knowledge/topics.js";
export { type LogFields, type Logger, silentLogger } from "./logger.js";
export { findPackageRoot } from "./package-root.js";
// The reply model every adapter renders.
export type {
  AboutReply,
  Action,
  AnswerReply,
  Block,
  BriefingReply,
  BulletItem,
  DigestReply,
  HelpReply,
  NoMatchReply,
  Reply,
  ReplyCitation,
  ReplyKind,
  Run,
  Section,
  SourcesReply,
  TextReply,
  TopicsReply,
  UnknownCommandReply,
} from "./reply.js";
export { plainRuns, runsFromMessage } from "./reply.js";
export { clickValue, parseClick, ReviewClicks } from "./review/review-clicks.js";
export type { CopyOutcome, ReviewDesk } from "./review/review-desk.js";
export type { DraftView } from "./review/review-draft.js";
export type { ReviewSettings } from "./review/send-drafts.js";
export type { DeliveryStep } from "./schedules/deliver-slot.js";
export { type SubscriptionView, viewSubscription } from "./schedules/describe-subscription.js";
export { type RunSummary, Scheduler, type SchedulerOptions } from "./schedules/scheduler.js";
export { type StoreHealthSummary, summariseStoreHealth } from "./store/health-summary.js";
export { openStore } from "./store/open-store.js";
export type {
  Actor,
  Delivery,
  FeedSource,
  HandledEvents,
  JsonObject,
  PostedBriefings,
  Store,
  Subscription,
} from "./store/store.js";
export { StoreUnavailableError, StoreVersionError } from "./store/store-errors.js";
export { sanitiseText } from "./text/sanitise-text.js";
