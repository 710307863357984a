/**
 * Reads where a Teams activity comes from, for the core: the Conversation, its scope, and whether
 * it @mentions the bot (the text itself is read by ./parse.ts). Pure functions over the activity,
 * so they are tested without botbuilder's turn machinery.
 */

import type { Activity } from "botbuilder";
import type { Conversation, ConversationScope } from "../../src/index.js"; /**
 * A channel message's conversation id ends with ";messageid=…" (its thread); the channel itself
 * is what subscriptions and stored references are keyed on.
 */
export function channelIdOf(conversationId: string): string {
  return conversationId.split(";messageid=")[0] ?? conversationId;
}

/** How a sender no token vouched for is named: never an ADMINS entry's form ("teams:<object id>"). */
export const UNVERIFIED = "unverified:";

function scopeOf(activity: Partial<Activity>): ConversationScope {
  const type = activity.conversation?.conversationType;
  if (type === "channel") return "channel";
  if (type === "groupChat") return "group";
  return "personal";
}

/**
 * Who may change a conversation's subscriptions, decided here for Teams: the person in their own
 * personal chat with the bot; in a channel or group chat, any member (the sender could post
 * there, so Teams has already checked membership). Tighter control is the ADMINS list's job
 * (BriefingService.mayManage), since team owner roles need Microsoft Graph permissions the bot lacks.
 *
 * `verified` is false for activities no token vouched for (TEAMS_LOCAL without an app id): anyone
 * can write any `from` there, so the sender becomes "unverified:<id>", which no ADMINS entry names.
 */
export function conversationOf(activity: Partial<Activity>, verified = true): Conversation {
  return {
    platform: "teams",
    channelId: channelIdOf(activity.conversation?.id ?? ""),
    // The Entra object id when Teams gives it: the same for a person in every bot and tenant tool,
    // so it is what an operator puts in ADMINS ("teams:<object id>"); else the bot-scoped 29:… id.
    userId: verified
      ? (activity.from?.aadObjectId ?? activity.from?.id ?? "")
      : `${UNVERIFIED}${activity.from?.id ?? ""}`,
    scope: scopeOf(activity),
    mayManageChannel: async () => Boolean(activity.from?.id),
  };
}

/** True when the activity @mentions this bot (its recipient). */
export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).some(
    (e) => e.type === "mention" && (e as { mentioned?: { id?: string } }).mentioned?.id === botId,
  );
}
