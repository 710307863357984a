/**
 * The one asynchronous facade every adapter calls: what a person typed (read once by the adapter's
 * parse.ts) and where it came from in, one Reply out. It adds to BriefingService (the library
 * alone) what needs the conversation or the store: each conversation's memory, subscriptions, the
 * followed sources and the library's refresh from the store, and 👍/👎 feedback. The store is an
 * optional port: without one (`nhsai command`), memory lasts the process, subscribe and
 * `sources add` say where they work, and `sources` lists the library.
 */

import { type BriefingService, readTyped, type Typed } from "../briefing-service.js";
import { DEFAULTS } from "../config-defaults.js";
import { actorOf, type Conversation } from "../conversation/conversation.js";
import { Conversations, memoryKeysOf } from "../conversation/conversations.js";
import { type ConversationMemory, processMemory, storedMemory } from "../conversation/memory.js";
import type { Reply } from "../reply.js";
import type { FeedbackValue, Platform, Store } from "../store/store.js";
import { SourceCommands } from "./source-commands.js";
import { SubscriptionCommands } from "./subscription-commands.js";

export interface FeedbackTarget {
  target: "answer" | "briefing_item";
  targetId: string;
}

export interface ChatOptions {
  /** TZ_DEFAULT: the zone schedules are read in unless the user names one (default Europe/London). */
  timeZone?: string;
  /** Told when the conversation memory cannot be read or written (the reply still goes out). */
  onMemoryError?: (error: unknown) => void;
  /** Where conversations are remembered; default: the store's memory, or this process's without one. */
  memory?: ConversationMemory;
  /** Told of every message handled, with what kind of reply it got and how long that took: metrics. */
  onReply?: (handled: HandledMessage) => void;
}

/** One message's fate: an answer, a declined question (a clinical one refused), any other reply, or a failure. */
export interface HandledMessage {
  platform: Conversation["platform"];
  outcome: "answered" | "abstained" | "refused_clinical" | "other" | "failed";
  seconds: number;
}

function outcomeOf(reply: Reply): HandledMessage["outcome"] {
  if (reply.kind !== "answer") return "other";
  if (!reply.abstained) return "answered";
  return reply.reason === "clinical" ? "refused_clinical" : "abstained";
}

/** Feedback needs a store to be recorded in: an adapter without one offers no 👍/👎. */
export class NoStoreError extends Error {
  override name = "NoStoreError";
}

export class ChatService {
  private readonly subscriptions: SubscriptionCommands | null;
  /** `sources`, `sources add|remove <feed-url>` and keeping the library level with the store. */
  private readonly feeds: SourceCommands | null;
  /** Questions, intents and "tell me more", with each conversation's memory in the store. */
  private readonly conversations: Conversations;
  private readonly onReply: ChatOptions["onReply"];

  constructor(
    readonly briefings: BriefingService,
    private readonly store?: Store,
    /** People allowed to change any channel and the sources ("slack:U123", "teams:<object id>"): ADMINS. */
    private readonly admins: ReadonlySet<string> = new Set(),
    options: ChatOptions = {},
  ) {
    const mayManage = (conversation: Conversation) => this.mayManage(conversation);
    const zone = options.timeZone ?? DEFAULTS.TZ_DEFAULT;
    this.subscriptions = store ? new SubscriptionCommands(store, mayManage, zone) : null;
    this.feeds = store ? new SourceCommands(briefings.library, store, (c) => this.isAdmin(c)) : null;
    const memory = options.memory ?? (store ? storedMemory(store) : processMemory());
    this.conversations = new Conversations(briefings, memory, options.onMemoryError);
    this.onReply = options.onReply;
  }

  /** On the ADMINS allow-list. */
  isAdmin(conversation: Pick<Conversation, "platform" | "userId">): boolean {
    return this.admins.has(actorOf(conversation));
  }

  /** May change this channel's subscriptions: an admin, or whoever the platform says may. */
  async mayManage(conversation: Conversation): Promise<boolean> {
    return this.isAdmin(conversation) || (await conversation.mayManageChannel());
  }

  /** Handles plain text typed after `/nhsai`, or to the bot, in `conversation` (tests, the CLI). */
  handleMessage(text: string, conversation: Conversation, now: Date): Promise<Reply> {
    return this.handle(readTyped(text), conversation, now);
  }

  /** Handles what an adapter read from a message (its parse.ts): the command, in `conversation`. */
  async handle(typed: Typed, conversation: Conversation, now: Date): Promise<Reply> {
    if (!this.onReply) return this.respond(typed, conversation, now);
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const reply = await this.respond(typed, conversation, now);
      this.onReply({ platform: conversation.platform, outcome: outcomeOf(reply), seconds: seconds() });
      return reply;
    } catch (error) {
      this.onReply({ platform: conversation.platform, outcome: "failed", seconds: seconds() });
      throw error;
    }
  }

  private async respond({ text, command }: Typed, conversation: Conversation, now: Date): Promise<Reply> {
    if (this.feeds) {
      if (command.kind === "sources_change") return this.feeds.change(command, conversation, now);
      await this.feeds.refreshQuietly(now);
      if (command.kind === "sources") return this.feeds.list();
    }
    if (this.subscriptions && isChat(conversation)) {
      if (command.kind === "subscribe") return this.subscriptions.subscribe(command.schedule, conversation, now);
      if (command.kind === "unsubscribe") return this.subscriptions.unsubscribe(conversation, now);
      if (command.kind === "schedule") return this.subscriptions.schedule(conversation, now);
    }
    return this.conversations.respond(command, text, memoryKeysOf(conversation), { now });
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
    if (!this.store) throw new NoStoreError("feedback is recorded in the store, and this ChatService has none");
    return this.store.recordFeedback(
      { platform: conversation.platform, userId: conversation.userId, ...target, value },
      now,
    );
  }
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
