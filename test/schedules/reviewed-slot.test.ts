/**
 * The review's decisions in process, with a recording desk standing in for a platform: skipping,
 * removing every item, a subscription made too late to draft, a click racing the slot, and clicks
 * that are not ours.
 */

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PostOutcome } from "../../src/channel-poster.js";
import { silentLogger } from "../../src/logger.js";
import type { Reply } from "../../src/reply.js";
import { clickValue, parseClick, ReviewClicks } from "../../src/schedules/review-clicks.js";
import type { CopyOutcome, ReviewDesk } from "../../src/schedules/review-desk.js";
import { type DraftView, digestOf } from "../../src/schedules/review-draft.js";
import { Scheduler } from "../../src/schedules/scheduler.js";
import type { JsonObject, Store, Subscription } from "../../src/store/store.js";
import { embeddedHarness, type StoreHarness } from "../store/harness.js";
import { RecordingPoster, subscribe, twoStoryBriefings } from "./schedule-fixtures.js";

// Monday 23 November 2026 (GMT): daily at 9am falls at 09:00Z; its draft is due from 08:00Z.
const CREATED = new Date("2026-11-23T07:00:00Z");
const DRAFT_TIME = new Date("2026-11-23T08:00:00Z");
const SLOT = new Date("2026-11-23T09:00:00Z");
const KEY = SLOT.toISOString();

class RecordingDesk implements ReviewDesk {
  readonly platform = "slack" as const;
  readonly drafts: { userId: string; view: DraftView }[] = [];
  readonly updates: DraftView[] = [];
  readonly told: { userId: string; reply: Reply }[] = [];
  async sendDraft(userId: string, view: DraftView): Promise<CopyOutcome> {
    this.drafts.push({ userId, view });
    return { state: "sent", message: { to: userId } };
  }
  async updateDraft(_message: JsonObject, view: DraftView): Promise<boolean> {
    this.updates.push(view);
    return true;
  }
  async tell(userId: string, reply: Reply): Promise<PostOutcome> {
    this.told.push({ userId, reply });
    return { state: "sent", detail: "told" };
  }
}

let harness: StoreHarness;
let store: Store;
let poster: RecordingPoster;
let desk: RecordingDesk;
let sub: Subscription;

const scheduler = () =>
  new Scheduler({
    store,
    briefings: twoStoryBriefings(),
    posters: [poster],
    review: { desks: [desk], editors: new Set(["slack:U2"]), leadMinutes: 60, unanswered: "hold" },
  });
const clicks = () => new ReviewClicks({ store, editors: new Set(["slack:U2"]), desk, log: silentLogger });
const click = (userId: string, action: "approve" | "skip" | "remove", documentId?: string) =>
  clicks().click(
    { platform: "slack", userId, name: userId },
    { action, subscriptionId: sub.id, slot: KEY, ...(documentId ? { documentId } : {}) },
    DRAFT_TIME,
  );

beforeEach(async () => {
  harness = embeddedHarness();
  store = await harness.open(CREATED);
  poster = new RecordingPoster();
  desk = new RecordingDesk();
  sub = await subscribe(store, "daily at 09:00 with review", CREATED);
});
afterEach(async () => harness.cleanup());

describe("a reviewed slot", () => {
  it("skipped by a reviewer posts nothing, and tells nobody it was held", async () => {
    await scheduler().runDue(DRAFT_TIME);
    expect(desk.drafts.map((d) => d.userId)).toEqual(["U1", "U2"]);
    expect(await click("U2", "skip")).toMatch(/^Skipped by U2 at 8am/);
    expect(await scheduler().runDue(SLOT)).toMatchObject({ skipped: 1, sent: 0, held: 0 });
    expect(poster.posts).toHaveLength(0);
    expect(desk.told).toHaveLength(0);
    expect((await store.listDeliveries(sub.id))[0]?.detail).toMatch(/skipped by a reviewer \(U2\)/);
  });

  it("with every item removed and then approved, posts nothing, and offers the removed items no more", async () => {
    await scheduler().runDue(DRAFT_TIME);
    const draft = await store.getReviewDraft(sub.id, KEY);
    for (const item of digestOf(draft ?? { body: {} as JsonObject }).items)
      expect(await click("U1", "remove", item.documentId)).toMatch(/^Removed “/);
    expect(desk.updates.at(-1)?.items).toEqual([]);
    await click("U1", "approve");
    expect(await scheduler().runDue(SLOT)).toMatchObject({ sent: 0, skipped: 1 });
    expect(poster.posts).toHaveLength(0);
    expect((await store.listDeliveries(sub.id))[0]?.detail).toBe("the reviewers removed every item");
  });

  it("refuses an item that is not in the draft, and a click on a slot that has no draft", async () => {
    await scheduler().runDue(DRAFT_TIME);
    expect(await click("U1", "remove", "not-an-item")).toMatch(/not in this draft/);
    const other = await clicks().click(
      { platform: "slack", userId: "U1", name: "U1" },
      { action: "approve", subscriptionId: sub.id, slot: "2026-11-30T09:00:00.000Z" },
      DRAFT_TIME,
    );
    expect(other).toMatch(/no longer exists/);
    const teams = await clicks().click(
      { platform: "teams", userId: "U1", name: "U1" },
      { action: "approve", subscriptionId: sub.id, slot: KEY },
      DRAFT_TIME,
    );
    expect(teams).toMatch(/no longer exists/);
    expect((await store.getReviewDraft(sub.id, KEY))?.state).toBe("draft_sent");
  });

  it("subscribed too late to draft: held, since nobody saw it", async () => {
    expect(await scheduler().runDue(SLOT)).toMatchObject({ held: 1, sent: 0 });
    expect(poster.posts).toHaveLength(0);
    expect((await store.listDeliveries(sub.id))[0]?.detail).toMatch(/no draft was sent/);
  });

  it("an approval that lands while the slot is being held wins, and posts", async () => {
    await scheduler().runDue(DRAFT_TIME);
    // The approval commits between the slot reading the draft and holding it.
    const racing = { ...store };
    let approved = false;
    racing.setReviewState = async (...args) => {
      if (!approved) {
        approved = true;
        await click("U2", "approve");
      }
      return store.setReviewState(...args);
    };
    const racy = new Scheduler({
      store: racing,
      briefings: twoStoryBriefings(),
      posters: [poster],
      review: { desks: [desk], editors: new Set(["slack:U2"]), leadMinutes: 60, unanswered: "hold" },
    });
    expect(await racy.runDue(SLOT)).toMatchObject({ sent: 1, held: 0 });
    expect(desk.told).toHaveLength(0);
  });
});

describe("review button values", () => {
  it("read back what they say", () => {
    const click = { action: "remove" as const, subscriptionId: "s1", slot: KEY, documentId: "story-a" };
    expect(parseClick(clickValue(click))).toEqual(click);
    expect(parseClick(JSON.parse(clickValue(click)))).toEqual(click);
  });

  it.each([
    "",
    "{",
    "null",
    "[]",
    '{"a":"approve"}',
    '{"a":"publish","s":"s1","t":"2026-11-23T09:00:00.000Z"}',
    '{"a":"remove","s":"s1","t":"2026-11-23T09:00:00.000Z"}',
    '{"a":"approve","s":"s1","t":"not a time"}',
    `{"a":"approve","s":"${"x".repeat(5000)}","t":"2026-11-23T09:00:00.000Z"}`,
    '{"a":"approve","s":"s1","t":"2026-11-23T09:00:00.000Z","d":"story-a"}',
  ])("refuse %j", (value) => {
    expect(parseClick(value)).toBeNull();
  });
});
