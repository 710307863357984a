/**
 * Conversation references in the core's store, keyed by the channel's (or chat's) conversation id,
 * so scheduled briefings reach it after a restart or on another replica.
 */

import { type Activity, TurnContext } from "botbuilder";
import type { JsonObject, Store } from "../../src/store/store.js";
import { channelIdOf } from "./incoming.js";

/** Saves (or refreshes) the reference of the conversation `activity` came from. */
export async function rememberConversation(store: Store, activity: Activity, now: Date): Promise<void> {
  const reference = TurnContext.getConversationReference(activity);
  const channelId = channelIdOf(reference.conversation?.id ?? "");
  if (!channelId) return;
  const stored = { ...reference, conversation: { ...reference.conversation, id: channelId } };
  // The activity id changes with every message; keeping it would rewrite the row each time.
  delete (stored as { activityId?: string }).activityId;
  await store.saveConversationReference(
    channelId,
    JSON.parse(JSON.stringify(stored)) as JsonObject,
    actor(activity),
    now,
  );
}

/** Forgets the conversation (the app was uninstalled, or the bot removed). */
export async function forgetConversation(store: Store, activity: Activity, now: Date): Promise<void> {
  const channelId = channelIdOf(activity.conversation?.id ?? "");
  if (channelId) await store.removeConversationReference(channelId, actor(activity), now);
}

const actor = (activity: Activity) => `teams:${activity.from?.id ?? "unknown"}`;
