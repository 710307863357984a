/**
 * `nhsai schedules [--json]`: every channel subscription, what it gets, when it next runs (in its
 * zone, and as a UTC instant in JSON), whether it is paused and why, how its last delivery went,
 * and for a reviewed one where its latest draft stands (draft_sent, approved, skipped, held…).
 */

import {
  type Delivery,
  type Store,
  type Subscription,
  type SubscriptionView,
  viewSubscription,
} from "../../src/index.js";
import type { CliIo } from "./cli-io.js";
import { openConfiguredStore } from "./open-configured-store.js";
import { parseFlags } from "./parse-flags.js";
import { UsageError } from "./usage-error.js";

export async function schedulesCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, { json: { type: "boolean" } });
  if (positionals.length > 0) throw new UsageError(`takes no arguments (got "${positionals[0]}")`);
  const opened = await openConfiguredStore("schedules", io);
  if (!opened) return 1;
  const { store } = opened;
  try {
    const now = new Date();
    const views: SubscriptionView[] = [];
    for (const sub of await store.listSubscriptions()) {
      const [last] = await store.listDeliveries(sub.id, 1);
      const view = viewSubscription(sub, last ?? null, now);
      views.push(view.review ? { ...view, reviewState: await reviewStateOf(store, sub, view, last) } : view);
    }
    io.stdout(values.json ? `${JSON.stringify({ subscriptions: views }, null, 2)}\n` : renderViews(views));
    return 0;
  } finally {
    await store.close();
  }
}

/** The next slot's draft once it is sent, else the last delivered slot's. */
async function reviewStateOf(
  store: Store,
  sub: Subscription,
  view: SubscriptionView,
  last: Delivery | undefined,
): Promise<SubscriptionView["reviewState"]> {
  for (const slot of [view.nextRun, last?.slot]) {
    const draft = slot ? await store.getReviewDraft(sub.id, slot) : null;
    if (draft) return { slot: draft.slot, state: draft.state };
  }
  return null;
}

function renderViews(views: readonly SubscriptionView[]): string {
  if (views.length === 0) return "No channel subscriptions. In Slack or Teams, type /nhsai subscribe in a channel.\n";
  const lines = views.flatMap((v) => [
    `${v.platform} ${v.channelId}  (subscription ${v.id}, by ${v.createdBy})`,
    `  ${v.when}; ${v.about}; ${v.whenNothingNew === "line" ? "one line" : "nothing"} when nothing is new`,
    v.pausedReason ? `  PAUSED: ${v.pausedReason}` : `  next: ${v.nextRunLabel} (${v.nextRun})`,
    ...(v.review
      ? [`  reviewed; latest draft: ${v.reviewState ? `${v.reviewState.slot} ${v.reviewState.state}` : "none yet"}`]
      : []),
    v.lastDelivery
      ? `  last: ${v.lastDelivery.slot} ${v.lastDelivery.state}${v.lastDelivery.detail ? ` (${v.lastDelivery.detail})` : ""}`
      : "  last: none yet",
  ]);
  return `${lines.join("\n")}\n`;
}
