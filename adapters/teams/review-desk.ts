/**
 * Reviewers' drafts on Teams: an Adaptive Card sent proactively to the reviewer's personal chat
 * with the bot (found among the conversation references the bot stores when someone installs it
 * or writes to it), showing the briefing as the channel would get it, then the review with
 * `Action.Submit` buttons: Remove on each item, Approve, Skip this one. Redrawn in place by
 * replacing the activity (what botbuilder's `updateActivity` does: PUT on the connector), with
 * the same token, serviceUrl policy and timeout as every other connector call.
 */

import {
  type CopyOutcome,
  clickValue,
  type DraftView,
  type JsonObject,
  type Logger,
  type PostOutcome,
  type Reply,
  type ReviewDesk,
  type Store,
} from "../../src/index.js";
import { type CardElement, richText } from "./card-elements.js";
import type { ConnectorDeps } from "./connector-client.js";
import { UNVERIFIED } from "./incoming.js";
import type { AdaptiveCard } from "./pack-cards.js";
import { cardActivity, renderCards } from "./render-card.js";
import type { TeamsSender } from "./teams-sender.js";

/** The `nhsai` key of a review button's data (Teams sends the data back as the activity's value). */
export const REVIEW_SUBMIT = "review";
const UPDATE_TIMEOUT_MS = 15_000;

export class TeamsReviewDesk implements ReviewDesk {
  readonly platform = "teams" as const;

  constructor(
    private readonly store: Store,
    private readonly sender: TeamsSender,
    private readonly connector: Pick<ConnectorDeps, "token" | "fetch">,
    private readonly allowed: (serviceUrl: string) => boolean,
    private readonly log: Logger,
  ) {}

  async sendDraft(userId: string, view: DraftView): Promise<CopyOutcome> {
    const chat = await this.personalChat(userId);
    if (!chat)
      return { state: "failed", detail: "no personal chat with this reviewer: they have not installed the app" };
    const card = draftCard(view);
    const outcome = await this.sender.deliver(chat.serviceUrl, chat.conversationId, [
      { card, text: card.fallbackText },
    ]);
    if (outcome.state === "sent") return { state: "sent", message: { ...chat, activityId: outcome.detail } };
    return { state: outcome.state === "uncertain" ? "uncertain" : "failed", detail: outcome.detail };
  }

  async updateDraft(message: JsonObject, view: DraftView): Promise<boolean> {
    const { serviceUrl, conversationId, activityId } = message;
    if (typeof serviceUrl !== "string" || typeof conversationId !== "string" || typeof activityId !== "string")
      return false;
    if (!this.allowed(serviceUrl)) return false;
    const card = draftCard(view);
    const url = `${serviceUrl.replace(/\/+$/, "")}/v3/conversations/${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(activityId)}`;
    const token = await this.connector.token(serviceUrl);
    try {
      const response = await (this.connector.fetch ?? fetch)(url, {
        method: "PUT",
        headers: {
          "content-type": "application/json; charset=utf-8",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ ...cardActivity({ card, text: card.fallbackText }), id: activityId }),
        redirect: "error",
        signal: AbortSignal.timeout(UPDATE_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      if (response.ok) return true;
      this.log.warn("teams.review_update_failed", { status: response.status });
    } catch (error) {
      this.log.warn("teams.review_update_failed", { error: error instanceof Error ? error.name : "error" });
    }
    return false;
  }

  async tell(userId: string, reply: Reply): Promise<PostOutcome> {
    const chat = await this.personalChat(userId);
    if (!chat) return { state: "failed", detail: "no personal chat with this reviewer" };
    return this.sender.deliver(chat.serviceUrl, chat.conversationId, renderCards(reply, null));
  }

  /**
   * The person's personal chat with the bot. Reviewers are named as ADMINS are: by Entra object
   * id when a token vouched for them, else (TEAMS_LOCAL) as "unverified:<29:… id>".
   */
  private async personalChat(userId: string): Promise<{ serviceUrl: string; conversationId: string } | null> {
    const unverified = userId.startsWith(UNVERIFIED);
    const id = unverified ? userId.slice(UNVERIFIED.length) : userId;
    for (const { conversationId, reference } of await this.store.listConversationReferences()) {
      const conversation = reference.conversation as { conversationType?: unknown } | undefined;
      const user = reference.user as { id?: unknown; aadObjectId?: unknown } | undefined;
      if (conversation?.conversationType !== "personal" || typeof reference.serviceUrl !== "string") continue;
      if ((unverified ? user?.id : (user?.aadObjectId ?? user?.id)) === id)
        return { serviceUrl: reference.serviceUrl, conversationId };
    }
    return null;
  }
}

/** The draft as one card: the channel's rendering, then the review. */
export function draftCard(view: DraftView): AdaptiveCard {
  const [first, ...rest] = renderCards(view.reply, null).map((m) => m.card);
  const briefing = [...(first?.body ?? []), ...rest.flatMap((card) => card.body)];
  const submit = (title: string, value: string, extra: Record<string, unknown> = {}): CardElement => ({
    type: "Action.Submit",
    title,
    data: { nhsai: REVIEW_SUBMIT, click: value },
    ...extra,
  });
  const click = { subscriptionId: view.subscriptionId, slot: view.slot };
  // RichTextBlocks: Teams never reads their text as markdown, so a reviewer's name is shown as given.
  const body: CardElement[] = [
    ...richText([{ type: "text", text: `Draft for review: posts in the channel ${view.postsAt} if approved` }], true),
    ...briefing,
    ...richText([{ type: "text", text: view.status, style: "strong" }], false, { separator: true, spacing: "Medium" }),
    ...view.removed.flatMap((line) => richText([{ type: "text", text: line }], true)),
  ];
  if (view.open)
    body.push(
      ...view.items.map(
        (item): CardElement => ({
          type: "ActionSet",
          actions: [
            submit(
              `Remove “${item.headline.slice(0, 60)}${item.headline.length > 60 ? "…" : ""}”`,
              clickValue({ ...click, action: "remove", documentId: item.documentId }),
            ),
          ],
        }),
      ),
    );
  const actions = view.open
    ? [
        submit("Approve", clickValue({ ...click, action: "approve" }), { style: "positive" }),
        submit("Skip this one", clickValue({ ...click, action: "skip" })),
      ]
    : [];
  return {
    type: "AdaptiveCard",
    $schema: first?.$schema ?? "http://adaptivecards.io/schemas/adaptive-card.json",
    version: first?.version ?? "1.5",
    body,
    ...(actions.length ? { actions } : {}),
    fallbackText: `Draft for review: ${view.reply.title}. ${view.status}`.slice(0, 500),
  };
}
