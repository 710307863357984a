// biome-ignore-all assist/source/organizeImports: grouped by concern, in the order a newcomer reads them
/**
 * nhsai's core, as adapters see it: the only module an adapter imports from `src/`. Everything here
 * is plain data and functions: no platform SDK, no environment, no console, no clock (callers pass
 * `now`). Heavy packages (zod, the XML parser, the worker pool, the store drivers) load inside the
 * functions that first need them, so importing the door stays cheap for a cold `nhsai ask`.
 */

// The facade: a command and where it was asked in, one reply model out.
export {
  BriefingService,
  type FeedbackTarget,
  feedbackTargetOf,
  type HandledMessage,
  type ServiceContext,
  type ServiceOptions,
} from "./briefing-service.js";
export { actorOf, type Conversation, type ConversationScope } from "./conversation/conversation.js";
export { intentAnswer } from "./conversation/intent-answer.js";
export type { ConversationMemory } from "./conversation/memory.js";

// Commands: untrusted text made safe, then parsed once by the grammar.
export { sanitiseText } from "./text/sanitise-text.js";
export { neutraliseInput } from "./commands/neutralise-input.js";
export { redactNhsNumbers } from "./text/redact-nhs-number.js";
export { type Command, MAX_INPUT_LENGTH, parseCommand } from "./commands/parse-command.js";

// The reply model every adapter renders, and the few reply builders adapters call themselves.
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
export { textReply } from "./replies/text-reply.js";
export { digestReply } from "./replies/briefing-replies.js";
export { publishedLabelOf } from "./replies/reply-citation.js";
export { feedFailingSince, withoutPassword } from "./replies/source-replies.js";

// Configuration: every variable and default, checked once at start.
export { type Config, ConfigError, isLoopbackHost, loadConfig, type PlatformName } from "./config.js";
export { platformsOf, type StoreLocation, storeLocation } from "./config-defaults.js";
export { findPackageRoot } from "./package-root.js";
export { type LogFields, type Logger, silentLogger } from "./logger.js";

// Knowledge and answers: the library of articles (and its saved snapshot), its topics, and the answerer.
export type { Document, PublishedDate } from "./knowledge/document.js";
export { buildLibrary, Library, type LibraryDocument, type Passage } from "./knowledge/library.js";
export { loadSeedArticles } from "./knowledge/load-seed-articles.js";
export {
  contentVersion,
  encodeLibrary,
  restoreLibrary,
  SnapshotRejected,
  type VersionedDocument,
} from "./knowledge/library-snapshot.js";
export { findTopic, TOPIC_IDS, TOPICS, type Topic, type TopicId } from "./knowledge/topics.js";
export { formatPublished } from "./knowledge/format-date.js";
export type { Answer, Citation } from "./answers/answer.js";
export { answerQuestion } from "./answers/answer-question.js";

// Briefings and digests as data, and the archive of posted briefings.
export { buildDigest, DEFAULT_DIGEST_ITEMS } from "./briefings/build-digest.js";
export type { Digest, DigestItem, DigestOptions } from "./briefings/digest.js";
export { londonClock, londonDayLabel, londonIsoDay, londonTimeLabel, parseIsoDay } from "./briefings/dates.js";
export { pickKeySentences, SUMMARY_MAX_WORDS } from "./briefings/pick-key-sentences.js";
export { type TopicBriefing, type TopicFact, topicBriefing, topicsWithNews } from "./briefings/topic-briefing.js";
export { ARCHIVE_ID, archivePageUrl, type PostedBriefing, topicsOf } from "./archive/posted-briefing.js";

// Schedules: the scheduler, subscriptions as users see them, and the port it posts through.
export { type RunSummary, Scheduler, type SchedulerOptions } from "./schedules/scheduler.js";
export { type SubscriptionView, viewSubscription } from "./schedules/describe-subscription.js";
export type { ChannelPoster, PostOutcome } from "./channel-poster.js";

// Review: drafts an editor approves before a scheduled briefing is posted.
export { clickValue, parseClick, ReviewClicks } from "./schedules/review-clicks.js";
export type { CopyOutcome, ReviewDesk } from "./schedules/review-desk.js";
export type { DraftView } from "./schedules/review-draft.js";
export type { ReviewSettings } from "./schedules/send-drafts.js";

// Ingest: fetching feeds, pages and files safely, reading them in a worker pool, into the library.
export type { IngestDeps, Ingester, ReadOptions } from "./ingest/ingester.js";
/** The Ingester class, loaded when first needed: its readers and checks are ~20 modules a cold `nhsai ask` never uses. */
export const loadIngester = async () => (await import("./ingest/ingester.js")).Ingester;
export { describeOutcome, type IngestOutcome } from "./ingest/ingest-outcome.js";
export { pollDueFeeds } from "./ingest/poll-feeds.js";
export { ReadPool } from "./ingest/read-pool.js";
export type { DocumentReader } from "./ingest/read-task.js";
export { DEFAULT_FETCH_LIMITS, fetchSafely, tooLarge } from "./ingest/fetch-safely.js";
export { refuseAddress } from "./ingest/url-safety.js";
export { DocumentShelf, type HeldDocuments } from "./ingest/held-documents.js";
export { addNewDocuments, markSynced } from "./ingest/library-sync.js";

// The store: one port, an embedded (libsql) and a Postgres backend, opened by location.
export type {
  Actor,
  Delivery,
  Documents,
  FeedSource,
  HandledEvents,
  JsonObject,
  PostedBriefings,
  Store,
  Subscription,
} from "./store/store.js";
export { openStore } from "./store/open-store.js";
export { GroupCommit } from "./store/group-commit.js";
export { StoreUnavailableError, StoreVersionError } from "./store/store-errors.js";
export { type StoreHealthSummary, summariseStoreHealth } from "./store/health-summary.js";
