/**
 * Where a message came from, as every adapter describes it to the core: the platform, the
 * channel (or chat), who typed, and whether that person may change the channel's settings.
 */

import type { Platform } from "../store/store.js";

export type ConversationScope = "personal" | "channel" | "group";

export interface Conversation {
  platform: Platform | "shell";
  /** Slack channel or DM id; Teams conversation id; "terminal" for the shell. */
  channelId: string;
  /** The person who typed, as the platform names them ("U123", "29:1abc…"). */
  userId: string;
  scope: ConversationScope;
  /** The thread the message was typed in (a Slack thread, a Teams channel thread): a conversation of its own. */
  thread?: string;
  /** The thread the reply starts, when it starts one (Slack answers a channel @mention under it). */
  replyThread?: string;
  /**
   * Whether this person may change this channel's subscriptions (Slack: a member of the channel;
   * either platform: on the admin allow-list). Asked only when a change is requested, since the
   * adapter may need a platform call to know.
   */
  mayManageChannel(): Promise<boolean>;
}

/** "slack:U123": how the store's audit trail names a person. */
export function actorOf(conversation: Pick<Conversation, "platform" | "userId">): string {
  return `${conversation.platform}:${conversation.userId}`;
}
