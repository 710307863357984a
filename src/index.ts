/**
 * nhsai's core, as adapters see it. Everything here is plain data and functions: no platform SDK,
 * no environment, no console, no clock (callers pass `now`).
 */

export type { Answer, Citation } from "./answers/answer.js";
// Answers and the knowledge base.
export { answerQuestion } from "./answers/answer-question.js";
// The facade: commands or text in, one reply model out.
export { BriefingService, type ServiceContext } from "./briefing-service.js";
// Briefings as data.
export { buildDigest, DEFAULT_DIGEST_ITEMS } from "./briefings/build-digest.js";
export { londonDayLabel, londonIsoDay, parseIsoDay } from "./briefings/dates.js";
export type { Digest, DigestItem, DigestOptions } from "./briefings/digest.js";
export { pickKeySentences, SUMMARY_MAX_WORDS } from "./briefings/pick-key-sentences.js";
export { type TopicBriefing, type TopicFact, topicBriefing, topicsWithNews } from "./briefings/topic-briefing.js";
export { digestReply } from "./commands/briefing-replies.js";
export { neutraliseInput } from "./commands/neutralise-input.js";
export { type Command, MAX_INPUT_LENGTH, parseCommand } from "./commands/parse-command.js";
export type { Document, PublishedDate } from "./knowledge/document.js";
export { formatPublished } from "./knowledge/format-date.js";
export { Library, type LibraryDocument, type Passage } from "./knowledge/library.js";
export { buildLibrary } from "./knowledge/seed-library.js";
export { findTopic, TOPIC_IDS, TOPICS, type Topic, type TopicId } from "./knowledge/topics.js";
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
export { plainRuns } from "./reply.js";
