/**
 * The scheduler's way into Teams: a channel or chat is reached through the conversation reference
 * stored when the app was installed there (or last spoken to), never through memory or a file.
 */

import { type ChannelPoster, feedbackTargetOf, type PostOutcome, type Reply, type Store } from "../../src/index.js";
import { renderCards } from "./render-card.js";
import type { TeamsSender } from "./teams-sender.js";

export class TeamsPoster implements ChannelPoster {
  readonly platform = "teams" as const;

  constructor(
    private readonly store: Store,
    private readonly sender: TeamsSender,
  ) {}

  async post(channelId: string, reply: Reply): Promise<PostOutcome> {
    const record = await this.store.getConversationReference(channelId);
    if (!record) return { state: "gone", detail: "no conversation reference: the app is not installed there" };
    const serviceUrl = record.reference.serviceUrl;
    if (typeof serviceUrl !== "string") return { state: "failed", detail: "stored reference has no serviceUrl" };
    return this.sender.deliver(serviceUrl, channelId, renderCards(reply, feedbackTargetOf(reply)));
  }
}
