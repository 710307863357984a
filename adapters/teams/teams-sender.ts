/**
 * Delivers rendered replies to a Teams conversation outside a turn (scheduled briefings, slow
 * answers): paced per conversation, with the connector's retry rules, and a card the connector
 * refuses as too big (413) split in two and sent again, down to single elements.
 */

import type { PostOutcome } from "../../src/index.js";
import { type ConnectorDeps, type SendResult, sendToConversation } from "./connector-client.js";
import { channelIdOf } from "./incoming.js";
import type { Pacer } from "./pacer.js";
import type { AdaptiveCard } from "./pack-cards.js";
import { cardActivity, type TeamsMessage } from "./render-card.js";
import { isAllowedServiceUrl, type ServiceUrlPolicy } from "./service-url.js";

export class TeamsSender {
  constructor(
    private readonly pacer: Pacer,
    private readonly connector: ConnectorDeps,
    private readonly policy: ServiceUrlPolicy,
  ) {}

  /** Sends `messages` in order; stops at the first that is not delivered. */
  async deliver(serviceUrl: string, conversationId: string, messages: readonly TeamsMessage[]): Promise<PostOutcome> {
    // Checked here too, not only where references are stored: a row may predate a policy change.
    if (!isAllowedServiceUrl(serviceUrl, this.policy))
      return { state: "failed", detail: "serviceUrl is not an allowed Teams origin" };
    const ids: string[] = [];
    for (const message of messages) {
      const result = await this.sendCard(serviceUrl, conversationId, message.card, message.text, 0);
      if (result.state !== "sent") return partial(result, ids);
      ids.push(result.id);
    }
    return { state: "sent", detail: ids.join(",") };
  }

  private async sendCard(
    serviceUrl: string,
    conversationId: string,
    card: AdaptiveCard,
    text: string,
    depth: number,
  ): Promise<SendResult> {
    const result = await this.pacer.run(channelIdOf(conversationId), () =>
      sendToConversation(serviceUrl, conversationId, cardActivity({ card, text }), this.connector),
    );
    if (result.state !== "too_big" || card.body.length < 2 || depth > 6) return result;
    const half = Math.ceil(card.body.length / 2);
    const first = { ...card, body: card.body.slice(0, half), actions: undefined };
    const rest = { ...card, body: card.body.slice(half) };
    const sent = await this.sendCard(serviceUrl, conversationId, first, text, depth + 1);
    if (sent.state !== "sent") return sent;
    const second = await this.sendCard(serviceUrl, conversationId, rest, `${text.slice(0, 80)} (continued)`, depth + 1);
    return second.state === "sent" ? { state: "sent", id: `${sent.id},${second.id}` } : second;
  }
}

/** After some messages went out, a failure is reported as uncertain: never re-post the lot. */
function partial(result: Exclude<SendResult, { state: "sent" }>, ids: string[]): PostOutcome {
  const state = result.state === "too_big" ? "failed" : result.state;
  if (ids.length === 0 || state === "gone") return { state, detail: result.detail };
  return { state: "uncertain", detail: `${ids.length} message(s) sent, then ${result.detail}` };
}
