/**
 * Conversation references in the core's store, keyed by the channel's (or chat's) conversation id,
 * so scheduled briefings reach it after a restart or on another replica. Every message refreshes
 * its conversation's reference, but an unchanged one is not written again within a few minutes:
 * a busy chat costs no database round trip per message.
 */

import { type Activity, TurnContext } from "botbuilder";
import type { JsonObject, Store } from "../../src/index.js";
import { channelIdOf } from "./incoming.js";

/** How long a saved reference is trusted without asking the store again. */
const FRESH_MS = 10 * 60_000;
/** Conversations remembered; the oldest is forgotten first. */
const MAX_REMEMBERED = 10_000;

export class ConversationReferences {
  /** Conversation id → the reference JSON last saved, and when. */
  private readonly saved = new Map<string, { json: string; at: number }>();

  constructor(
    private readonly store: Store,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Saves (or refreshes) the reference of the conversation `activity` came from. */
  async remember(activity: Activity, now: Date): Promise<void> {
    const reference = TurnContext.getConversationReference(activity);
    const channelId = channelIdOf(reference.conversation?.id ?? "");
    if (!channelId) return;
    const stored = { ...reference, conversation: { ...reference.conversation, id: channelId } };
    // The activity id changes with every message; keeping it would rewrite the row each time.
    delete (stored as { activityId?: string }).activityId;
    const json = JSON.stringify(stored);
    const last = this.saved.get(channelId);
    if (last && last.json === json && this.clock() - last.at < FRESH_MS) return;
    await this.store.saveConversationReference(channelId, JSON.parse(json) as JsonObject, actor(activity), now);
    this.saved.delete(channelId);
    this.saved.set(channelId, { json, at: this.clock() });
    if (this.saved.size > MAX_REMEMBERED) this.saved.delete(this.saved.keys().next().value as string);
  }

  /** Forgets the conversation (the app was uninstalled, or the bot removed). */
  async forget(activity: Activity, now: Date): Promise<void> {
    const channelId = channelIdOf(activity.conversation?.id ?? "");
    if (!channelId) return;
    this.saved.delete(channelId);
    await this.store.removeConversationReference(channelId, actor(activity), now);
  }
}

const actor = (activity: Activity) => `teams:${activity.from?.id ?? "unknown"}`;
