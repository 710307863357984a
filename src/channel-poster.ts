/**
 * The port the scheduler (and on-demand channel posts) use to reach a channel; each adapter that
 * can post implements it. A poster never retries blindly: it reports what it knows.
 */

import type { Reply } from "./reply.js";
import type { Platform } from "./store/store.js";

export type PostOutcome =
  /** Delivered; `detail` names the platform's message id(s). */
  | { state: "sent"; detail: string }
  /** The request may or may not have reached the channel (reply lost, 5xx, timeout): never re-post. */
  | { state: "uncertain"; detail: string }
  /** Refused for certain (e.g. invalid payload); nothing was posted. */
  | { state: "failed"; detail: string }
  /** The bot can no longer post there (removed, blocked, channel gone): pause the subscription. */
  | { state: "gone"; detail: string };

export interface ChannelPoster {
  readonly platform: Platform;
  /** Posts one reply to a channel or chat (split into several messages if the platform needs it). */
  post(channelId: string, reply: Reply): Promise<PostOutcome>;
}
