import * as diagnostics from "node:diagnostics_channel";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BriefingService } from "../../src/briefing-service.js";
import { plainRuns } from "../../src/reply.js";
import { DELIVERY_CHANNEL, type DeliveryStepMessage } from "../../src/schedules/delivery-channel.js";
import { Scheduler, type SchedulerOptions } from "../../src/schedules/scheduler.js";
import type { Store } from "../../src/store/store.js";
import { libraryOf, makeDocument, onDay } from "../helpers/factories.js";
import { embeddedHarness, type StoreHarness } from "../store/harness.js";
import { RecordingPoster, subscribe, twoStoryBriefings } from "./schedule-fixtures.js";

// Monday 23 November 2026 (GMT): a weekdays-at-9am slot falls at 09:00Z.
const CREATED = new Date("2026-11-23T08:00:00Z");
const SLOT = new Date("2026-11-23T09:00:00Z");
const minutes = (n: number, from = SLOT) => new Date(from.getTime() + n * 60_000);

let harness: StoreHarness;
let store: Store;
let poster: RecordingPoster;

const scheduler = (options: Partial<SchedulerOptions> = {}) =>
  new Scheduler({ store, briefings: twoStoryBriefings(), posters: [poster], ...options });

beforeEach(async () => {
  harness = embeddedHarness();
  store = await harness.open(CREATED);
  poster = new RecordingPoster();
});
afterEach(async () => harness.cleanup());

describe("Scheduler.runDue", () => {
  it("posts a due slot once, however often it is woken", async () => {
    const sub = await subscribe(store, "weekdays at 9am", CREATED);
    expect(await scheduler().runDue(minutes(-1))).toMatchObject({ sent: 0 });
    expect(await scheduler().runDue(SLOT)).toMatchObject({ sent: 1 });
    await scheduler().runDue(minutes(1));
    await scheduler().runDue(minutes(30));
    expect(poster.posts.map((p) => p.channelId)).toEqual(["C1"]);
    expect(poster.posts[0]?.reply.kind).toBe("digest");
    const [delivery] = await store.listDeliveries(sub.id);
    expect(delivery).toMatchObject({
      slot: "2026-11-23T09:00:00.000Z",
      state: "sent",
      documentIds: ["story-a", "story-b"],
    });
  });

  it("posts a slot missed while down when it is inside the 2-hour grace window", async () => {
    const sub = await subscribe(store, "weekdays at 9am", CREATED);
    expect(await scheduler().runDue(minutes(119))).toMatchObject({ sent: 1 });
    expect((await store.listDeliveries(sub.id))[0]?.state).toBe("sent");
  });

  it("records a slot missed beyond the grace window as skipped, and posts nothing", async () => {
    const sub = await subscribe(store, "weekdays at 9am", CREATED);
    expect(await scheduler().runDue(minutes(121))).toMatchObject({ sent: 0, skipped: 1 });
    expect(poster.posts).toHaveLength(0);
    const [delivery] = await store.listDeliveries(sub.id);
    expect(delivery).toMatchObject({ state: "skipped", detail: expect.stringMatching(/missed/) });
  });

  it("owes no slot from before the subscription was made", async () => {
    await subscribe(store, "weekdays at 9am", minutes(1));
    expect(await scheduler().runDue(minutes(5))).toMatchObject({ sent: 0, skipped: 0 });
    expect(poster.posts).toHaveLength(0);
  });

  it("with nothing new, posts nothing and records why", async () => {
    const sub = await subscribe(store, "daily at 9am", CREATED);
    await scheduler().runDue(SLOT);
    expect(await scheduler().runDue(minutes(24 * 60))).toMatchObject({ skipped: 1, sent: 0 });
    expect(poster.posts).toHaveLength(1);
    const [latest] = await store.listDeliveries(sub.id);
    expect(latest).toMatchObject({
      slot: "2026-11-24T09:00:00.000Z",
      state: "skipped",
      detail: "nothing new since the last briefing",
    });
  });

  it("holds only what the channel has not been sent", async () => {
    const sub = await subscribe(store, "daily at 9am", CREATED);
    await scheduler().runDue(SLOT);
    const grown = new BriefingService(
      libraryOf(
        ...twoStoryBriefings()
          .library.all()
          .map((entry) => entry.document),
        makeDocument({ id: "story-c", title: "New cyber guidance for trusts", published: onDay("2026-11-23") }),
      ),
    );
    await scheduler({ briefings: grown }).runDue(minutes(24 * 60));
    const second = poster.posts[1]?.reply;
    expect(second?.kind === "digest" ? second.digest.items.map((i) => i.documentId) : null).toEqual(["story-c"]);
    expect((await store.listDeliveries(sub.id))[0]?.documentIds).toEqual(["story-c"]);
  });

  it("with nothing new and `always`, posts one line saying so", async () => {
    await subscribe(store, "daily at 9am always", CREATED);
    await scheduler().runDue(SLOT);
    await scheduler().runDue(minutes(24 * 60));
    expect(poster.posts).toHaveLength(2);
    const line = poster.posts[1]?.reply;
    expect(line?.kind).toBe("text");
    expect(line?.title).toMatch(/Nothing new/);
    expect(line?.sections).toEqual([]);
  });

  it("never re-posts a delivery whose reply was lost (uncertain)", async () => {
    const sub = await subscribe(store, "weekdays at 9am", CREATED);
    poster.outcomes.push({ state: "uncertain", detail: "socket closed before the reply" });
    expect(await scheduler().runDue(SLOT)).toMatchObject({ uncertain: 1 });
    await scheduler().runDue(minutes(5));
    await scheduler().runDue(minutes(60));
    expect(poster.posts).toHaveLength(1);
    expect((await store.listDeliveries(sub.id))[0]).toMatchObject({
      state: "uncertain",
      documentIds: ["story-a", "story-b"],
    });
  });

  it("records a post the platform never answers as uncertain, and moves on", async () => {
    const sub = await subscribe(store, "weekdays at 9am", CREATED);
    const hung = { platform: "slack" as const, post: () => new Promise<never>(() => {}) };
    const started = Date.now();
    expect(await scheduler({ posters: [hung], postTimeoutMs: 200 }).runDue(SLOT)).toMatchObject({ uncertain: 1 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await store.listDeliveries(sub.id))[0]).toMatchObject({
      state: "uncertain",
      detail: expect.stringMatching(/no answer/),
    });
  });

  it("pauses the subscription when the bot can no longer post there, and stops posting", async () => {
    const sub = await subscribe(store, "daily at 9am", CREATED);
    poster.outcomes.push({ state: "gone", detail: "not_in_channel" });
    expect(await scheduler().runDue(SLOT)).toMatchObject({ paused: 1 });
    expect((await store.getSubscription(sub.id))?.pausedReason).toMatch(
      /cannot post in this channel \(not_in_channel\)/,
    );
    expect((await store.listDeliveries(sub.id))[0]?.state).toBe("failed");
    // The subscriber (slack:U1) is told in a direct message; the channel gets nothing more.
    expect(poster.posts.map((p) => [p.channelId, p.reply.title])).toEqual([
      ["C1", expect.stringMatching(/Coffee Time/)],
      ["U1", "Scheduled briefing paused"],
    ]);
    await scheduler().runDue(minutes(24 * 60));
    expect(poster.posts).toHaveLength(2);
    const audit = await store.listAudit({ subject: `subscription:${sub.id}` });
    expect(audit[0]).toMatchObject({ action: "subscription.paused", who: "scheduler" });
  });

  it("a process stopped after claiming leaves the slot claimed, then uncertain, and never posts it", async () => {
    const sub = await subscribe(store, "weekdays at 9am", CREATED);
    // What a process killed right after its claim leaves behind (run-due-processes kills a real one).
    expect(await store.claimDelivery(sub.id, SLOT.toISOString(), "scheduler", SLOT)).toBe(true);
    expect(await scheduler().runDue(minutes(1))).toMatchObject({ recovered: 0, sent: 0 });
    expect((await store.listDeliveries(sub.id))[0]?.state).toBe("claimed");
    expect(await scheduler().runDue(minutes(11))).toMatchObject({ recovered: 1, sent: 0 });
    expect((await store.listDeliveries(sub.id))[0]).toMatchObject({
      state: "uncertain",
      detail: expect.stringMatching(/may or may not/),
    });
    expect(poster.posts).toHaveLength(0);
  });

  it("publishes each step of a delivery on the nhsai:delivery channel, in order", async () => {
    const sub = await subscribe(store, "weekdays at 9am", CREATED);
    const seen: DeliveryStepMessage[] = [];
    const listen = (message: unknown) => seen.push(message as DeliveryStepMessage);
    diagnostics.subscribe(DELIVERY_CHANNEL, listen);
    try {
      await scheduler().runDue(SLOT);
    } finally {
      diagnostics.unsubscribe(DELIVERY_CHANNEL, listen);
    }
    const slot = SLOT.toISOString();
    expect(seen).toEqual(
      ["after-claim", "after-post", "after-mark"].map((step) => ({ step, subscription: sub.id, slot })),
    );
  });

  it("several schedulers woken together on one store post the slot once", async () => {
    await subscribe(store, "weekdays at 9am", CREATED);
    const other = await harness.open(SLOT);
    const results = await Promise.all([
      scheduler().runDue(SLOT),
      new Scheduler({ store: other, briefings: twoStoryBriefings(), posters: [poster] }).runDue(minutes(0.05)),
      scheduler().runDue(SLOT),
    ]);
    expect(poster.posts).toHaveLength(1);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1);
  });

  it("negative control: were claims deleted once done, a replica 2 s behind would post the slot again", async () => {
    await subscribe(store, "weekdays at 9am", CREATED);
    await scheduler().runDue(SLOT);
    await harness.exec("DELETE FROM deliveries");
    await scheduler().runDue(minutes(2 / 60));
    expect(poster.posts).toHaveLength(2);
  });

  it("leaves subscriptions of a platform it has no poster for to a replica that has one", async () => {
    await subscribe(store, "weekdays at 9am", CREATED);
    const teamsOnly = new RecordingPoster("teams");
    expect(await scheduler({ posters: [teamsOnly] }).runDue(SLOT)).toMatchObject({ sent: 0, skipped: 0, taken: 0 });
    expect(await scheduler().runDue(minutes(1))).toMatchObject({ sent: 1 });
  });

  it("narrows a briefing to the subscription's topics", async () => {
    await subscribe(store, "weekdays at 9am", CREATED, "C1", "Europe/London", ["workforce"]);
    await scheduler().runDue(SLOT);
    const reply = poster.posts[0]?.reply;
    expect(reply?.kind === "digest" ? reply.digest.items.map((i) => i.documentId) : null).toEqual(["story-b"]);
    expect(
      plainRuns(reply?.sections[0]?.blocks[0]?.type === "paragraph" ? reply.sections[0].blocks[0].runs : []),
    ).toMatch(/workforce/i);
  });
});

describe("Scheduler.runDue when a subscription moves to another time zone", () => {
  const at = (iso: string) => new Date(iso);
  const slots = async (id: string) => (await store.listDeliveries(id)).map((d) => `${d.slot} ${d.state}`).reverse();

  it("does not lose the new zone's slot whose local time matches the old zone's last one", async () => {
    // Tokyo's 9am on 24 November is 00:00Z; Los Angeles' 9am that day is 17:00Z.
    const sub = await subscribe(store, "daily at 9am always", at("2026-11-23T12:00:00Z"), "C1", "Asia/Tokyo");
    expect(await scheduler().runDue(at("2026-11-24T00:00:00Z"))).toMatchObject({ sent: 1 });
    await subscribe(store, "daily at 9am always", at("2026-11-24T01:00:00Z"), "C1", "America/Los_Angeles");
    expect(await scheduler().runDue(at("2026-11-24T17:00:00Z"))).toMatchObject({ sent: 1 });
    expect(await slots(sub.id)).toEqual(["2026-11-24T00:00:00.000Z sent", "2026-11-24T17:00:00.000Z sent"]);
    expect(poster.posts).toHaveLength(2);
  });

  it("does not post twice on one local day of the new zone", async () => {
    const sub = await subscribe(store, "daily at 9am always", at("2026-11-24T08:00:00Z"), "C1", "America/Los_Angeles");
    expect(await scheduler().runDue(at("2026-11-24T17:00:00Z"))).toMatchObject({ sent: 1 });
    // 17:00Z is already 02:00 on 25 November in Tokyo: that Tokyo day has had its briefing.
    await subscribe(store, "daily at 9am always", at("2026-11-24T18:00:00Z"), "C1", "Asia/Tokyo");
    expect(await scheduler().runDue(at("2026-11-25T00:00:00Z"))).toMatchObject({ sent: 0 });
    expect(await scheduler().runDue(at("2026-11-26T00:00:00Z"))).toMatchObject({ sent: 1 });
    expect(await slots(sub.id)).toEqual(["2026-11-24T17:00:00.000Z sent", "2026-11-26T00:00:00.000Z sent"]);
  });

  it("reads a delivery recorded under a local-time key (before slots were instants) in the subscription's zone", async () => {
    const sub = await subscribe(store, "daily at 9am always", CREATED);
    await store.claimDelivery(sub.id, "2026-11-23T09:00", "scheduler", SLOT);
    await store.markDelivery(sub.id, "2026-11-23T09:00", { state: "sent" }, "scheduler", SLOT);
    expect(await scheduler().runDue(minutes(30))).toMatchObject({ sent: 0 });
    expect(await scheduler().runDue(minutes(24 * 60))).toMatchObject({ sent: 1 });
  });
});
