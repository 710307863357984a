/**
 * The one facade every adapter calls: a Command (read once by the adapter's parse.ts) and where
 * and when it was asked in, one platform-neutral Reply out. It holds the library and, as an
 * optional port, the store: with one, each conversation's memory, subscriptions, the followed
 * sources, the library's refresh from the store and 👍/👎 feedback; without one (`nhsai command`,
 * `nhsai ask`), memory lasts the process, subscribe and `sources add` say where they work, and
 * `sources` lists the library. Time arrives with each call, so the same service serves the
 * terminal, Slack, Teams and the scheduler.
 */

import { buildDigest } from "./briefings/build-digest.js";
import type { Digest, DigestOptions } from "./briefings/digest.js";
import { SourceCommands } from "./chat/source-commands.js";
import { SubscriptionCommands } from "./chat/subscription-commands.js";
import type { Command } from "./commands/parse-command.js";
import { DEFAULTS } from "./config-defaults.js";
import { actorOf, type Conversation } from "./conversation/conversation.js";
import { Conversations, memoryKeysOf } from "./conversation/conversations.js";
import type { ReplyOptions } from "./conversation/library-reply.js";
import { type ConversationMemory, processMemory, storedMemory } from "./conversation/memory.js";
import type { Library } from "./knowledge/library.js";
import type { Reply } from "./reply.js";
import type { FeedbackValue, Platform, Store } from "./store/store.js";

/** Where and when a command was asked. */
export interface ServiceContext extends ReplyOptions {
  /**
   * The conversation it was typed in: its memory ("tell me more"), its channel (subscriptions),
   * who typed (admins). None for one message with nothing to follow (`nhsai ask`, the archive).
   */
  conversation?: Conversation;
}

export interface ServiceOptions {
  /** The store: memory, subscriptions, sources and feedback. Without one, the library alone. */
  store?: Store;
  /** People allowed to change any channel and the sources ("slack:U123", "teams:<object id>"): ADMINS. */
  admins?: ReadonlySet<string>;
  /** TZ_DEFAULT: the zone schedules are read in unless the user names one (default Europe/London). */
  timeZone?: string;
  /** Told when the conversation memory cannot be read or written (the reply still goes out). */
  onMemoryError?: (error: unknown) => void;
  /** Where conversations are remembered; default: the store's memory, or this process's without one. */
  memory?: ConversationMemory;
  /** Told of every message handled in a conversation, with what kind of reply it got and how long that took: metrics. */
  onReply?: (handled: HandledMessage) => void;
}

export interface FeedbackTarget {
  target: "answer" | "briefing_item";
  targetId: string;
}

/** One message's fate: an answer, a declined question (a clinical one refused), any other reply, or a failure. */
export interface HandledMessage {
  platform: Conversation["platform"];
  outcome: "answered" | "abstained" | "refused_clinical" | "other" | "failed";
  seconds: number;
}

/** Feedback needs a store to be recorded in: an adapter without one offers no 👍/👎. */
export class NoStoreError extends Error {
  override name = "NoStoreError";
}

export class BriefingService {
  private readonly store: Store | undefined;
  private readonly admins: ReadonlySet<string>;
  private readonly subscriptions: SubscriptionCommands | null;
  /** `sources`, `sources add|remove <feed-url>` and keeping the library level with the store. */
  private readonly feeds: SourceCommands | null;
  /** Questions, intents and "tell me more", with each conversation's memory. */
  private readonly conversations: Conversations;
  private readonly onReply: ServiceOptions["onReply"];

  constructor(
    readonly library: Library,
    options: ServiceOptions = {},
  ) {
    const { store } = options;
    this.store = store;
    this.admins = options.admins ?? new Set();
    const mayManage = (conversation: Conversation) => this.mayManage(conversation);
    const zone = options.timeZone ?? DEFAULTS.TZ_DEFAULT;
    this.subscriptions = store ? new SubscriptionCommands(store, mayManage, zone) : null;
    this.feeds = store ? new SourceCommands(library, store, (c) => this.isAdmin(c)) : null;
    const memory = options.memory ?? (store ? storedMemory(store) : processMemory());
    this.conversations = new Conversations(library, memory, options.onMemoryError);
    this.onReply = options.onReply;
  }

  /** Handles a command: one from the grammar, an intent's words, or a question. */
  async handle(command: Command, context: ServiceContext): Promise<Reply> {
    const platform = context.conversation?.platform;
    if (!this.onReply || !platform) return this.respond(command, context);
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const reply = await this.respond(command, context);
      this.onReply({ platform, outcome: outcomeOf(reply), seconds: seconds() });
      return reply;
    } catch (error) {
      this.onReply({ platform, outcome: "failed", seconds: seconds() });
      throw error;
    }
  }

  private async respond(command: Command, context: ServiceContext): Promise<Reply> {
    const { conversation, now } = context;
    if (this.feeds) {
      if (command.kind === "sources_change" && conversation) return this.feeds.change(command, conversation, now);
      await this.feeds.refreshQuietly(now);
      if (command.kind === "sources") return this.feeds.list();
    }
    if (this.subscriptions && conversation && isChat(conversation)) {
      if (command.kind === "subscribe") return this.subscriptions.subscribe(command.schedule, conversation, now);
      if (command.kind === "unsubscribe") return this.subscriptions.unsubscribe(conversation, now);
      if (command.kind === "schedule") return this.subscriptions.schedule(conversation, now);
    }
    const keys = conversation ? memoryKeysOf(conversation) : null;
    return this.conversations.respond(command, keys, context);
  }

  /** The Coffee Time briefing as data (what `nhsai digest --json` prints and the scheduler posts). */
  digest(context: ReplyOptions, options: DigestOptions = {}): Digest {
    return buildDigest(this.library, context.now, context.alreadySent, options);
  }

  /** On the ADMINS allow-list. */
  isAdmin(conversation: Pick<Conversation, "platform" | "userId">): boolean {
    return this.admins.has(actorOf(conversation));
  }

  /** May change this channel's subscriptions: an admin, or whoever the platform says may. */
  async mayManage(conversation: Conversation): Promise<boolean> {
    return this.isAdmin(conversation) || (await conversation.mayManageChannel());
  }

  /**
   * Adds to the library the documents other replicas (or `nhsai ingest`) stored since the last
   * check; one small query when nothing changed. `serve` calls it on a timer; every message does too.
   */
  async refreshLibrary(now: Date): Promise<number> {
    return this.feeds ? this.feeds.refresh(now) : 0;
  }

  /** Records a 👍/👎 from `conversation.userId`; a second click changes the opinion. */
  async recordFeedback(conversation: Conversation, target: FeedbackTarget, value: FeedbackValue, now: Date) {
    if (!this.store) throw new NoStoreError("feedback is recorded in the store, and this BriefingService has none");
    return this.store.recordFeedback(
      { platform: conversation.platform, userId: conversation.userId, ...target, value },
      now,
    );
  }
}

function outcomeOf(reply: Reply): HandledMessage["outcome"] {
  if (reply.kind !== "answer") return "other";
  if (!reply.abstained) return "answered";
  return reply.reason === "clinical" ? "refused_clinical" : "abstained";
}

/** A Slack or Teams conversation: one that has a channel to subscribe (the shell has none). */
function isChat(conversation: Conversation): conversation is Conversation & { platform: Platform } {
  return conversation.platform !== "shell";
}

/**
 * What a 👍/👎 on this reply is recorded against: an answer by its question (lower-cased,
 * spaces folded, at most 200 characters), or null for replies that offer no feedback.
 */
export function feedbackTargetOf(reply: Reply): FeedbackTarget | null {
  if (reply.kind !== "answer") return null;
  const key = reply.question.toLowerCase().replace(/\s+/g, " ").trim().slice(0, 200);
  return { target: "answer", targetId: key };
}
