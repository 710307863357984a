/**
 * `subscribe`, `unsubscribe` and `schedule` from a chat channel. Changes need the person to be
 * allowed to change the channel (BriefingService.mayManage: channel members on Slack, plus ADMINS);
 * the store records who, when and what. A channel has one subscription: subscribing again
 * replaces its schedule (and resumes it if it was paused).
 */

import { actorOf, type Conversation } from "../conversation/conversation.js";
import type { Reply } from "../reply.js";
import { viewSubscription } from "../schedules/describe-subscription.js";
import { parseSchedule } from "../schedules/parse-schedule.js";
import {
  badScheduleReply,
  notAllowedReply,
  scheduleReply,
  subscribedReply,
  unsubscribedReply,
} from "../schedules/schedule-replies.js";
import { storedScheduleOf } from "../schedules/stored-schedule.js";
import type { Platform, Store } from "../store/store.js";

type ChatConversation = Conversation & { platform: Platform };

export class SubscriptionCommands {
  constructor(
    private readonly store: Store,
    private readonly mayManage: (conversation: Conversation) => Promise<boolean>,
    /** TZ_DEFAULT: the zone a schedule is read in unless the user names one. */
    private readonly defaultZone: string,
  ) {}

  async subscribe(words: string, conversation: ChatConversation, now: Date): Promise<Reply> {
    if (!(await this.mayManage(conversation))) return notAllowedReply();
    const parsed = parseSchedule(words);
    if (!parsed.ok) return badScheduleReply(parsed.reason);
    const who = actorOf(conversation);
    const { subscription, change } = await this.store.saveSubscription(
      {
        platform: conversation.platform,
        channelId: conversation.channelId,
        ...storedScheduleOf(parsed.spec),
        timeZone: parsed.timeZone ?? this.defaultZone,
      },
      who,
      now,
    );
    const resumed = subscription.pausedReason !== null;
    if (resumed) await this.store.setSubscriptionPaused(subscription.id, null, who, now);
    const view = viewSubscription({ ...subscription, pausedReason: null }, null, now);
    return subscribedReply(view, parsed.spec, resumed && change === "unchanged" ? "resumed" : change);
  }

  async unsubscribe(conversation: ChatConversation, now: Date): Promise<Reply> {
    if (!(await this.mayManage(conversation))) return notAllowedReply();
    let removed = 0;
    for (const sub of await this.store.listSubscriptions(channelOf(conversation)))
      if (await this.store.removeSubscription(sub.id, actorOf(conversation), now)) removed++;
    return unsubscribedReply(removed);
  }

  async schedule(conversation: ChatConversation, now: Date): Promise<Reply> {
    const subscriptions = await this.store.listSubscriptions(channelOf(conversation));
    const views = [];
    for (const sub of subscriptions) {
      const [last] = await this.store.listDeliveries(sub.id, 1);
      views.push(viewSubscription(sub, last ?? null, now));
    }
    return scheduleReply(views);
  }
}

function channelOf(conversation: ChatConversation) {
  return { platform: conversation.platform, channelId: conversation.channelId };
}
