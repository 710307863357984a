/** Test data for the scheduler: a recording poster (the platform's side), subscriptions and a small library. */

import { BriefingService } from "../../src/briefing-service.js";
import type { ChannelPoster, PostOutcome } from "../../src/channel-poster.js";
import type { TopicId } from "../../src/knowledge/topics.js";
import type { Reply } from "../../src/reply.js";
import { parseSchedule } from "../../src/schedules/parse-schedule.js";
import { storedScheduleOf } from "../../src/schedules/stored-schedule.js";
import type { Platform, Store, Subscription } from "../../src/store/store.js";
import { libraryOf, makeDocument, onDay, paragraphs } from "../helpers/factories.js";

/** Records each post and answers with the next scripted outcome (default: sent). */
export class RecordingPoster implements ChannelPoster {
  readonly posts: { channelId: string; reply: Reply }[] = [];
  readonly outcomes: PostOutcome[] = [];
  constructor(readonly platform: Platform = "slack") {}

  async post(channelId: string, reply: Reply): Promise<PostOutcome> {
    this.posts.push({ channelId, reply });
    return this.outcomes.shift() ?? { state: "sent", detail: `message ${this.posts.length}` };
  }
}

/** Two dated stories, so a channel has something new once and then nothing. */
export const twoStoryBriefings = () =>
  new BriefingService(
    libraryOf(
      makeDocument({
        id: "story-a",
        title: "Trust funds AI triage",
        published: onDay("2026-11-18"),
        paragraphs: paragraphs("The trust will invest £2m in AI triage tools for its emergency department."),
      }),
      makeDocument({
        id: "story-b",
        title: "Staff training in digital skills",
        published: onDay("2026-11-19"),
        paragraphs: paragraphs("Nurses and admin staff will be trained in digital skills under a new programme."),
      }),
    ),
  );

export async function subscribe(
  store: Store,
  schedule: string,
  now: Date,
  channelId = "C1",
  timeZone = "Europe/London",
  topics?: TopicId[],
): Promise<Subscription> {
  // Saved as the subscribe command saves it: the when as text, the rest as data.
  const parsed = parseSchedule(schedule);
  if (!parsed.ok) throw new Error(`test schedule "${schedule}": ${parsed.reason}`);
  const saved = await store.saveSubscription(
    {
      platform: "slack",
      channelId,
      ...storedScheduleOf({ ...parsed.spec, topics: topics ?? parsed.spec.topics }),
      timeZone,
    },
    "slack:U1",
    now,
  );
  return saved.subscription;
}
