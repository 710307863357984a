/**
 * The Slack ChannelPoster: chat.postMessage with no blind retries. A 429 waits for Retry-After and
 * tries again (nothing was posted); refused blocks are sent once more as plain text; anything
 * else is reported as it is known (sent, uncertain, failed, gone). Also posts the bot's DM and
 * thread replies, so they get the same pacing and safety.
 */

import type { webApi } from "@slack/bolt";
import { type ChannelPoster, feedbackTargetOf, type Logger, type PostOutcome, type Reply } from "../../src/index.js";
import type { SlackMessage } from "./block-kit.js";
import type { ChannelPacer } from "./channel-pacer.js";
import { classifyFailure } from "./post-outcome.js";
import { renderBlocks } from "./render-blocks.js";

/** How many 429s one message may wait out before it is reported as failed. */
const RATE_LIMIT_RETRIES = 3;

/** Nothing in a post may mention, link names or unfurl. */
export const SAFE_POST = { parse: "none", link_names: false, unfurl_links: false, unfurl_media: false } as const;

export class SlackPoster implements ChannelPoster {
  readonly platform = "slack" as const;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly pacer: ChannelPacer,
    private readonly log: Logger,
  ) {}

  post(channelId: string, reply: Reply): Promise<PostOutcome> {
    return this.send(channelId, renderBlocks(reply, { share: null, feedback: feedbackTargetOf(reply) }));
  }

  /** Posts the messages in order (in a thread when `threadTs` is set); stops at the first that is not sent. */
  async send(channelId: string, messages: SlackMessage[], threadTs?: string): Promise<PostOutcome> {
    const sent: string[] = [];
    for (const message of messages) {
      const outcome = await this.postOne(channelId, message, threadTs);
      if (outcome.state !== "sent") {
        this.log.warn("slack.post_not_sent", { channel: channelId, state: outcome.state, detail: outcome.detail });
        // Part of the reply is already in the channel: never "failed" (that would invite a re-post).
        return sent.length
          ? { state: "uncertain", detail: `${sent.length} of ${messages.length} sent, then ${outcome.detail}` }
          : outcome;
      }
      sent.push(outcome.detail);
    }
    return { state: "sent", detail: sent.join(",") };
  }

  private async postOne(channel: string, message: SlackMessage, threadTs?: string): Promise<PostOutcome> {
    let plain = false;
    for (let rateLimited = 0; ; ) {
      await this.pacer.take(channel);
      try {
        const result = await this.client.chat.postMessage({
          channel,
          text: message.text,
          ...(plain || message.blocks.length === 0 ? {} : { blocks: message.blocks }),
          ...(threadTs ? { thread_ts: threadTs } : {}),
          ...SAFE_POST,
        });
        return { state: "sent", detail: String(result.ts ?? "") };
      } catch (error) {
        const failure = classifyFailure(error);
        if (failure.next === "wait" && rateLimited < RATE_LIMIT_RETRIES) {
          rateLimited += 1;
          this.log.warn("slack.rate_limited", { channel, retry_after_ms: failure.retryAfterMs });
          this.pacer.pauseAll(failure.retryAfterMs);
          continue;
        }
        if (failure.next === "plain_text" && !plain) {
          plain = true;
          this.log.warn("slack.blocks_refused", { channel, detail: failure.detail });
          continue;
        }
        if (failure.next === "stop") return failure.outcome;
        return { state: "failed", detail: failure.next === "wait" ? "rate limited" : failure.detail };
      }
    }
  }
}
