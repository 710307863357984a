/**
 * The store's review operations (migration 6) on each backend: the embedded store always,
 * PostgreSQL when DATABASE_URL is set. Claims are won once, changes are conditional and audited.
 */

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/store.js";
import { StoreInputError } from "../../src/store/store-errors.js";
import { BACKENDS, type StoreHarness, T0 } from "./harness.js";

const SLOT = "2026-11-24T09:00:00.000Z";
const BODY = { digest: { title: "☕ Coffee Time Briefing", items: [{ documentId: "story-a" }] } };
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(BACKENDS)("review drafts on $name", ({ harness: make, skip }) => {
  let harness: StoreHarness;
  let store: Store;
  let sub: string;

  beforeEach(async () => {
    if (skip) return;
    harness = make();
    store = await harness.open();
    const saved = await store.saveSubscription(
      {
        platform: "slack",
        channelId: "C1",
        schedule: "daily at 09:00",
        topics: [],
        whenNothingNew: "silent",
        review: true,
        timeZone: "UTC",
      },
      "slack:U1",
      T0,
    );
    sub = saved.subscription.id;
  });
  afterEach(async () => {
    if (!skip) await harness.cleanup();
  });

  it.skipIf(skip)("a slot's draft and each reviewer's copy are claimed once, whoever races for them", async () => {
    const claims = await Promise.all([1, 2, 3].map(() => store.claimReviewDraft(sub, SLOT, BODY, "scheduler@a:1", T0)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const copies = await Promise.all([1, 2].map(() => store.claimReviewMessage(sub, SLOT, "slack:U1", "s", T0)));
    expect(copies.filter(Boolean)).toHaveLength(1);
    const message = { channel: "DU1", ts: "1.2" };
    expect(await store.markReviewMessage(sub, SLOT, "slack:U1", { state: "sent", message }, "s", T0)).toBe(true);
    expect(await store.markReviewMessage(sub, SLOT, "slack:U1", { state: "failed", detail: "x" }, "s", T0)).toBe(false);
    const draft = await store.getReviewDraft(sub, SLOT);
    expect(draft).toMatchObject({ state: "drafting", body: BODY, claimedBy: "scheduler@a:1", decidedBy: null });
    expect(draft?.messages).toEqual([
      { reviewer: "slack:U1", state: "sent", message, detail: null, updatedAt: expect.any(Date) },
    ]);
  });

  it.skipIf(skip)(
    "of two decisions at once one wins; removals stop once it is decided; each change is audited",
    async () => {
      await store.claimReviewDraft(sub, SLOT, BODY, "s", T0);
      await store.setReviewState(sub, SLOT, { from: ["drafting"], to: "draft_sent" }, "s", T0);
      const remove = { documentId: "story-a", removedBy: "Sam" };
      expect(await store.removeReviewItem(sub, SLOT, remove, "slack:U2", later(1))).toBe(true);
      expect(await store.removeReviewItem(sub, SLOT, remove, "slack:U2", later(2))).toBe(false);
      const decide = (who: string, name: string, to: "approved" | "skipped") =>
        store.setReviewState(sub, SLOT, { from: ["draft_sent"], to, decidedBy: name }, who, later(3));
      const results = await Promise.all([decide("slack:U1", "Alex", "approved"), decide("slack:U2", "Sam", "skipped")]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(
        await store.removeReviewItem(sub, SLOT, { documentId: "story-b", removedBy: "Sam" }, "slack:U2", later(4)),
      ).toBe(false);
      const draft = await store.getReviewDraft(sub, SLOT);
      expect(draft?.removed).toEqual([
        { documentId: "story-a", removedBy: "slack:U2", removedName: "Sam", removedAt: later(1) },
      ]);
      expect(draft?.decidedAt).toEqual(later(3));
      expect(["Alex", "Sam"]).toContain(draft?.decidedName);
      const audit = await store.listAudit({ subject: `review:${sub}/${SLOT}` });
      expect(audit.map((a) => a.action).reverse()).toEqual([
        "review.drafting",
        "review.draft_sent",
        "review.item_removed",
        `review.${draft?.state}`,
      ]);
    },
  );

  it.skipIf(skip)("refuses unknown states and text it cannot store, changing nothing", async () => {
    await store.claimReviewDraft(sub, SLOT, BODY, "s", T0);
    await expect(
      store.setReviewState(sub, SLOT, { from: ["drafting"], to: "posted" as never }, "s", T0),
    ).rejects.toBeInstanceOf(StoreInputError);
    await expect(
      store.removeReviewItem(sub, SLOT, { documentId: "a\u0000b", removedBy: "x" }, "s", T0),
    ).rejects.toBeInstanceOf(StoreInputError);
    expect((await store.getReviewDraft(sub, SLOT))?.state).toBe("drafting");
    expect(await store.getReviewDraft(sub, "2026-11-25T09:00:00.000Z")).toBeNull();
  });
});
