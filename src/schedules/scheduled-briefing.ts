/**
 * What one slot posts: the Coffee Time digest (narrowed to the subscription's topics) holding only
 * articles this channel has not been sent, or, with nothing new, one line or nothing at all.
 */

import { type ArchivedBriefing, archivedBriefingOf, withViewInBrowser } from "../archive/posted-briefing.js";
import type { BriefingService } from "../briefing-service.js";
import type { Digest } from "../briefings/digest.js";
import { digestReply } from "../replies/briefing-replies.js";
import { textReply } from "../replies/text-reply.js";
import type { Reply } from "../reply.js";
import type { Deliveries, Subscription } from "../store/store.js";
import type { ScheduleSpec } from "./schedule-spec.js";

export interface ScheduledBriefing {
  /** Null: nothing new and the channel chose silence. */
  reply: Reply | null;
  documentIds: string[];
  nothingNew: boolean;
  /** The digest as the web archive keeps it once posted; null for a "nothing new" line. */
  archived: ArchivedBriefing | null;
  /** The digest posted; null for a "nothing new" line or silence. */
  digest: Digest | null;
}

/** How many past deliveries per subscription are read to know what a channel has seen. */
const HISTORY = 1_000;

export async function scheduledBriefing(
  store: Deliveries,
  briefings: BriefingService,
  subscription: Subscription,
  spec: ScheduleSpec,
  now: Date,
  /** The archive page of a briefing (PUBLIC_URL set and the archive on): the post links to it. */
  archivePage?: (id: string) => string,
): Promise<ScheduledBriefing> {
  const alreadySent = await sentToChannel(store, subscription);
  const [only] = spec.topics;
  const options = spec.topics.length === 1 && only ? { topic: only } : { topics: spec.topics };
  const digest = briefings.digest({ now, alreadySent }, options);
  if (digest.items.length > 0) return briefingOf(digest, archivePage);
  const reply = spec.whenNothingNew === "line" ? textReply("☕ Nothing new since this channel's last briefing.") : null;
  return { reply, documentIds: [], nothingNew: true, archived: null, digest: null };
}

/** A digest with items as a slot posts it (a reviewed slot posts the digest its reviewers approved). */
export function briefingOf(digest: Digest, archivePage?: (id: string) => string): ScheduledBriefing {
  const archived = archivedBriefingOf(digest);
  const plain = digestReply(digest);
  const reply = archivePage ? withViewInBrowser(plain, archivePage(archived.id)) : plain;
  return { reply, documentIds: digest.items.map((i) => i.documentId), nothingNew: false, archived, digest };
}

/**
 * Documents the channel's subscription (a channel has one) carried in a post that was sent, or may
 * have been (`uncertain`): a reader who may have seen it is not sent it again.
 */
async function sentToChannel(store: Deliveries, subscription: Subscription): Promise<Set<string>> {
  const sent = new Set<string>();
  for (const delivery of await store.listDeliveries(subscription.id, HISTORY)) {
    if (delivery.state === "sent" || delivery.state === "uncertain")
      for (const id of delivery.documentIds) sent.add(id);
  }
  return sent;
}
