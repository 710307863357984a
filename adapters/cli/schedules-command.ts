/**
 * `nhsai schedules [--json]`: every channel subscription, what it gets, when it next runs (in its
 * zone, and as a UTC instant in JSON), whether it is paused and why, and how its last delivery went.
 */

import { type SubscriptionView, viewSubscription } from "../../src/schedules/describe-subscription.js";
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
      views.push(viewSubscription(sub, last ?? null, now));
    }
    io.stdout(values.json ? `${JSON.stringify({ subscriptions: views }, null, 2)}\n` : renderViews(views));
    return 0;
  } finally {
    await store.close();
  }
}

function renderViews(views: readonly SubscriptionView[]): string {
  if (views.length === 0) return "No channel subscriptions. In Slack or Teams, type /nhsai subscribe in a channel.\n";
  const lines = views.flatMap((v) => [
    `${v.platform} ${v.channelId}  (subscription ${v.id}, by ${v.createdBy})`,
    `  ${v.when}; ${v.about}; ${v.whenNothingNew === "line" ? "one line" : "nothing"} when nothing is new`,
    v.pausedReason ? `  PAUSED: ${v.pausedReason}` : `  next: ${v.nextRunLabel} (${v.nextRun})`,
    v.lastDelivery
      ? `  last: ${v.lastDelivery.slot} ${v.lastDelivery.state}${v.lastDelivery.detail ? ` (${v.lastDelivery.detail})` : ""}`
      : "  last: none yet",
  ]);
  return `${lines.join("\n")}\n`;
}
