/**
 * Reviewers' drafts on Slack: a direct message (`conversations.open`, then `chat.postMessage`
 * through the poster, so pacing and the no-blind-retry rules hold) showing the briefing exactly
 * as the channel would get it, then the review: the status, a Remove button per item, Approve and
 * Skip this one. Redrawn in place with `chat.update`. Every call has the client's timeout.
 */

import type { webApi } from "@slack/bolt";
import {
  type CopyOutcome,
  clickValue,
  type DraftView,
  type JsonObject,
  type Logger,
  type PostOutcome,
  type Reply,
  type ReviewDesk,
} from "../../src/index.js";
import { type Button, clip, LIMITS, type SlackBlock, type SlackMessage } from "./block-kit.js";
import { escapeText } from "./escape-text.js";
import { classifyFailure } from "./post-outcome.js";
import { renderBlocks } from "./render-blocks.js";
import { SAFE_POST, type SlackPoster } from "./slack-poster.js";

/** Every review button's action id starts so (and so with nhsai_, like every nhsai button). */
export const REVIEW_ACTION = /^nhsai_review_/;
const IDS = { approve: "nhsai_review_approve", remove: "nhsai_review_remove", skip: "nhsai_review_skip" } as const;
/** Room left for the review part under the briefing's own blocks. */
const REVIEW_BLOCKS = 12;

export class SlackReviewDesk implements ReviewDesk {
  readonly platform = "slack" as const;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly poster: SlackPoster,
    private readonly log: Logger,
  ) {}

  async sendDraft(userId: string, view: DraftView): Promise<CopyOutcome> {
    const channel = await this.openDm(userId);
    if (!channel) return { state: "failed", detail: "could not open a direct message" };
    const outcome = await this.poster.send(channel, [draftMessage(view)]);
    if (outcome.state === "sent") return { state: "sent", message: { channel, ts: outcome.detail } };
    return { state: outcome.state === "uncertain" ? "uncertain" : "failed", detail: outcome.detail };
  }

  async updateDraft(message: JsonObject, view: DraftView): Promise<boolean> {
    const { channel, ts } = message;
    if (typeof channel !== "string" || typeof ts !== "string") return false;
    const { text, blocks } = draftMessage(view);
    try {
      await this.client.chat.update({ channel, ts, text, blocks, parse: SAFE_POST.parse, link_names: false });
      return true;
    } catch (error) {
      this.log.warn("slack.review_update_failed", { detail: describeFailure(error) });
      return false;
    }
  }

  async tell(userId: string, reply: Reply): Promise<PostOutcome> {
    const channel = await this.openDm(userId);
    if (!channel) return { state: "failed", detail: "could not open a direct message" };
    return this.poster.post(channel, reply);
  }

  /** The bot's DM channel with the person (Slack returns the same one every time). */
  private async openDm(userId: string): Promise<string | null> {
    try {
      const opened = await this.client.conversations.open({ users: userId });
      return opened.channel?.id ?? null;
    } catch (error) {
      this.log.warn("slack.review_dm_failed", { detail: describeFailure(error) });
      return null;
    }
  }
}

/** The draft as one message: the channel's rendering, then the review part. */
export function draftMessage(view: DraftView): SlackMessage {
  const briefing = renderBlocks(view.reply).flatMap((m) => m.blocks);
  const intro: SlackBlock = context(
    `*Draft for review* · posts in <#${view.channelId}> ${escapeText(view.postsAt)} if approved`,
  );
  const blocks: SlackBlock[] = [
    intro,
    ...briefing.slice(0, LIMITS.blocksPerMessage - REVIEW_BLOCKS - 1),
    { type: "divider" },
    context(`*${escapeText(view.status)}*`),
  ];
  if (view.removed.length) blocks.push(context(escapeText(view.removed.join("\n"))));
  if (view.open) {
    const click = { subscriptionId: view.subscriptionId, slot: view.slot };
    const removable = view.items.slice(0, LIMITS.blocksPerMessage - blocks.length - 2);
    for (const item of removable)
      blocks.push({
        type: "actions",
        elements: [
          button(
            IDS.remove,
            `✖ Remove “${item.headline}”`,
            clickValue({ ...click, action: "remove", documentId: item.documentId }),
          ),
        ],
      });
    blocks.push({
      type: "actions",
      block_id: "nhsai_review",
      elements: [
        { ...button(IDS.approve, "✅ Approve", clickValue({ ...click, action: "approve" })), style: "primary" },
        button(IDS.skip, "Skip this one", clickValue({ ...click, action: "skip" })),
      ],
    });
  }
  return { text: clip(`Draft for review: ${view.reply.title}. ${view.status}`, LIMITS.fallbackText), blocks };
}

function context(text: string): SlackBlock {
  return { type: "context", elements: [{ type: "mrkdwn", text: clip(text, LIMITS.contextText) }] };
}

function button(actionId: string, label: string, value: string): Button {
  const text = label.length > LIMITS.buttonText ? `${label.slice(0, LIMITS.buttonText - 2)}…”` : label;
  return { type: "button", action_id: actionId, text: { type: "plain_text", text, emoji: true }, value };
}

function describeFailure(error: unknown): string {
  const failure = classifyFailure(error);
  return failure.next === "stop" ? failure.outcome.detail : failure.next;
}
