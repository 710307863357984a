/**
 * A Slack message's Conversation: may this person change the channel's briefings? In a DM, yes;
 * in a channel, when they are a member (conversations.members, paged, asked only when needed).
 */

import type { webApi } from "@slack/bolt";
import type { Conversation, ConversationScope } from "../../src/index.js";

/** Pages of members read before giving up (200 × 1,000 members). */
const MAX_PAGES = 200;

export function slackConversation(
  client: webApi.WebClient,
  channelId: string,
  userId: string,
  channelType?: string,
): Conversation {
  const scope = scopeOf(channelId, channelType);
  return {
    platform: "slack",
    channelId,
    userId,
    scope,
    mayManageChannel: () => (scope === "personal" ? Promise.resolve(true) : isMember(client, channelId, userId)),
  };
}

function scopeOf(channelId: string, channelType?: string): ConversationScope {
  if (channelType === "im" || channelId.startsWith("D")) return "personal";
  return channelType === "mpim" ? "group" : "channel";
}

async function isMember(client: webApi.WebClient, channel: string, user: string): Promise<boolean> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await client.conversations.members({ channel, limit: 1_000, ...(cursor ? { cursor } : {}) });
    if (result.members?.includes(user)) return true;
    cursor = result.response_metadata?.next_cursor || undefined;
    if (!cursor) return false;
  }
  return false;
}
