/**
 * Each step of a scheduled delivery, and of sending a reviewer their draft, is published on the
 * `nhsai:delivery` channel of `node:diagnostics_channel`: nearly free while nobody subscribes; an
 * operator's preloaded module may subscribe to trace deliveries, and the crash tests subscribe to
 * kill the process at a named step (as `kill -9` would) and check what a restart does.
 */

import { channel } from "node:diagnostics_channel";

export const DELIVERY_CHANNEL = "nhsai:delivery";

/** The points a delivery (`after-claim`, `after-post`, `after-mark`) or a draft (`after-draft-send`) has passed. */
export type DeliveryStep = "after-claim" | "after-post" | "after-mark" | "after-draft-send";

/** What a subscriber receives: the step, the subscription's id and the slot (ISO UTC). */
export interface DeliveryStepMessage {
  step: DeliveryStep;
  subscription: string;
  slot: string;
}

const deliveries = channel(DELIVERY_CHANNEL);

/** Tells the channel's subscribers (synchronously, in this process) that a delivery passed `step`. */
export function publishStep(step: DeliveryStep, subscription: string, slot: string): void {
  if (deliveries.hasSubscribers) deliveries.publish({ step, subscription, slot } satisfies DeliveryStepMessage);
}
