/**
 * The store's contract, run against each backend: the embedded store always, PostgreSQL when
 * DATABASE_URL is set. Every test starts from an empty database; "a restart" is a second open.
 */

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ArchivedBriefing } from "../../src/archive/posted-briefing.js";
import { EMBEDDED_MIGRATIONS } from "../../src/store/embedded/migrations.js";
import { latestVersion } from "../../src/store/migration.js";
import type { Store, SubscriptionInput } from "../../src/store/store.js";
import { StoreInputError, StoreVersionError } from "../../src/store/store-errors.js";
import { makeDocument } from "../helpers/factories.js";
import { BACKENDS, type StoreHarness, T0 } from "./harness.js";

/** The schema version this code migrates to (each migration records one schema_version row). */
const LATEST = latestVersion(EMBEDDED_MIGRATIONS);
/** A version from an nhsai newer than this one. */
const FUTURE = LATEST + 1;
const HOUR = 60 * 60 * 1000;
const later = (ms: number) => new Date(T0.getTime() + ms);

const slackDaily = (overrides: Partial<SubscriptionInput> = {}): SubscriptionInput => ({
  platform: "slack",
  channelId: "C0123",
  schedule: "weekdays 9am",
  topics: [],
  whenNothingNew: "silent",
  review: false,
  timeZone: "Europe/London",
  ...overrides,
});

/** Text that breaks string-built SQL, encodings or naive escaping; all must come back as given. */
const HOSTILE = [
  "O'Brien",
  `"; DROP TABLE subscriptions; --`,
  "'); DELETE FROM audit_log; --",
  "Robert'); DROP TABLE documents;--",
  "back\\slash \\' \\\\",
  "$1 ? ?1 :name @name %s %d",
  "line one\nline two\r\nand a\ttab",
  "emoji 😀 and flags 🏴󠁧󠁢󠁷󠁬󠁳󠁿 and a ZWJ family 👨‍👩‍👧",
  "right-to-left \u202Eevil\u202C and line separator \u2028 here",
  "combining e\u0301 vs é",
  "<script>alert(1)</script> <!channel> <@U123>",
  "",
  "x".repeat(20_000),
];

for (const backend of BACKENDS) {
  // Without a PostgreSQL server (DATABASE_URL) its run is skipped, saying why; .ci/run starts one.
  describe.skipIf(backend.skip !== null)(
    `store contract, ${backend.name}${backend.skip ? ` (${backend.skip})` : ""}`,
    () => {
      let harness: StoreHarness;
      let store: Store;

      beforeEach(async () => {
        harness = backend.harness();
        store = await harness.open();
      });
      afterEach(async () => {
        await harness.cleanup();
      });

      describe("handled events", () => {
        it("answers an event once: a replay or retry within a day is refused, across a restart", async () => {
          expect(await store.markEventHandled("Ev01", T0)).toBe(true);
          expect(await store.markEventHandled("Ev01", later(1000))).toBe(false);
          await store.close();
          const restarted = await harness.open();
          expect(await restarted.markEventHandled("Ev01", later(23 * HOUR + 59 * 60_000))).toBe(false);
          expect(await restarted.markEventHandled("Ev02", later(HOUR))).toBe(true);
        });

        it("forgets ids after a day, deleting them on later writes so the store stays small", async () => {
          for (let i = 0; i < 50; i++) await store.markEventHandled(`old-${i}`, T0);
          expect(await harness.count("handled_events")).toBe(50);
          expect(await store.markEventHandled("new", later(24 * HOUR))).toBe(true);
          expect(await harness.count("handled_events")).toBe(1);
          expect(await store.markEventHandled("old-7", later(24 * HOUR + 1))).toBe(true);
        });

        it("counts an expired id as new even before its record is deleted (deletions run once a minute)", async () => {
          expect(await store.markEventHandled("EvOld", T0)).toBe(true);
          // Deletes what expired by then (nothing: EvOld is 30 s short of a day old).
          expect(await store.markEventHandled("EvSweep", later(24 * HOUR - 30_000))).toBe(true);
          expect(await store.markEventHandled("EvOld", later(24 * HOUR - 1000))).toBe(false);
          // 30 s after that deletion no other has run, yet EvOld has expired: it is new again…
          expect(await store.markEventHandled("EvOld", later(24 * HOUR + 1))).toBe(true);
          expect(await harness.count("handled_events")).toBe(2);
          // …and remembered afresh from then.
          expect(await store.markEventHandled("EvOld", later(24 * HOUR + 2))).toBe(false);
          expect(await store.markEventHandled("EvOld", later(48 * HOUR - 1000))).toBe(false);
        });

        it("marks a burst of ids in one call: one answer per id, an id seen before or twice is first once", async () => {
          expect(await store.markEventHandled("EvB", T0)).toBe(true);
          expect(await store.markEventsHandled(["EvA", "EvB", "EvC", "EvA"], later(1000))).toEqual([
            true,
            false,
            true,
            false,
          ]);
          expect(await store.markEventsHandled([], later(2000))).toEqual([]);
          expect(await store.markEventHandled("EvC", later(3000))).toBe(false);
          await expect(store.markEventsHandled(["ok", "\u0000"], later(4000))).rejects.toBeInstanceOf(StoreInputError);
          expect(await store.markEventHandled("ok", later(5000))).toBe(true);
        });

        it("lets exactly one of many simultaneous deliveries of the same event through", async () => {
          const results = await Promise.all(Array.from({ length: 20 }, () => store.markEventHandled("EvSame", T0)));
          expect(results.filter(Boolean)).toHaveLength(1);
        });
      });

      describe("conversation references", () => {
        const reference = {
          bot: { id: "28:bot" },
          conversation: { id: "19:abc@thread.tacv2" },
          serviceUrl: "https://x/",
        };

        it("keeps a reference across a restart, verbatim down to key order", async () => {
          const unordered = { zeta: 1, alpha: { nested: [3, 2, 1], "key with 'quote'": null }, ...reference };
          expect(await store.saveConversationReference("19:abc", unordered, "teams:U1", T0)).toBe("added");
          await store.close();
          const [saved] = await (await harness.open()).listConversationReferences();
          expect(JSON.stringify(saved?.reference)).toBe(JSON.stringify(unordered));
          expect(saved?.conversationId).toBe("19:abc");
          expect(saved?.updatedAt).toEqual(T0);
        });

        it("says whether a save changed anything, updates in place, and removes", async () => {
          await store.saveConversationReference("19:abc", reference, "teams:U1", T0);
          expect(await store.saveConversationReference("19:abc", reference, "teams:U1", later(1))).toBe("unchanged");
          const moved = { ...reference, serviceUrl: "https://y/" };
          expect(await store.saveConversationReference("19:abc", moved, "teams:U1", later(2))).toBe("updated");
          expect((await store.getConversationReference("19:abc"))?.reference).toEqual(moved);
          expect(await store.listConversationReferences()).toHaveLength(1);
          expect(await store.removeConversationReference("19:abc", "teams:U1", later(3))).toBe(true);
          expect(await store.removeConversationReference("19:abc", "teams:U1", later(4))).toBe(false);
          expect(await store.getConversationReference("19:abc")).toBeNull();
        });
      });

      describe("subscriptions", () => {
        it("adds one subscription per channel, and updates its schedule, topics and options in place", async () => {
          const first = await store.saveSubscription(slackDaily(), "slack:U1", T0);
          expect(first.change).toBe("added");
          expect(first.subscription).toMatchObject({ ...slackDaily(), pausedReason: null, createdBy: "slack:U1" });
          expect((await store.saveSubscription(slackDaily(), "slack:U2", later(1))).change).toBe("unchanged");
          const moved = await store.saveSubscription(slackDaily({ schedule: "mondays 8.30am" }), "slack:U2", later(2));
          expect(moved).toMatchObject({ change: "updated", subscription: { id: first.subscription.id } });
          expect(moved.subscription.updatedAt).toEqual(later(2));
          expect(moved.subscription.createdAt).toEqual(T0);
          const narrowed = await store.saveSubscription(
            slackDaily({ topics: ["funding", "workforce"], schedule: "mondays 8.30am", whenNothingNew: "line" }),
            "slack:U1",
            later(3),
          );
          expect(narrowed).toMatchObject({ change: "updated", subscription: { id: first.subscription.id } });
          const reviewed = await store.saveSubscription(
            slackDaily({ platform: "teams", channelId: "19:x", review: true }),
            "teams:U9",
            later(4),
          );
          expect(reviewed.change).toBe("added");
          expect(
            (await store.listSubscriptions()).map((s) => [
              s.channelId,
              s.schedule,
              s.topics,
              s.whenNothingNew,
              s.review,
            ]),
          ).toEqual([
            ["C0123", "mondays 8.30am", ["funding", "workforce"], "line", false],
            ["19:x", "weekdays 9am", [], "silent", true],
          ]);
          expect(await store.listSubscriptions({ platform: "teams" })).toHaveLength(1);
          expect(await store.listSubscriptions({ channelId: "C0123" })).toHaveLength(1);
          const audit = await store.listAudit({ subject: `subscription:${first.subscription.id}` });
          expect(JSON.parse(audit[0]?.detail ?? "{}")).toMatchObject({ topics: ["funding", "workforce"] });
        });

        it("refuses topics or options that are not valid (nothing is saved)", async () => {
          await store.saveSubscription(slackDaily({ topics: ["funding"] }), "slack:U1", T0);
          const bad = [
            slackDaily({ topics: ["funding", "funding"] }),
            slackDaily({ topics: [""] as never[] }),
            slackDaily({ topics: "funding" as never }),
            slackDaily({ topics: ["fund\u0000ing"] as never[] }),
            slackDaily({ whenNothingNew: "sometimes" as never }),
            slackDaily({ review: "yes" as never }),
          ];
          for (const input of bad)
            await expect(store.saveSubscription(input, "slack:U1", later(1))).rejects.toBeInstanceOf(StoreInputError);
          expect((await store.listSubscriptions()).map((s) => s.topics)).toEqual([["funding"]]);
        });

        it("pauses with a reason, resumes, and removes; each only once", async () => {
          const { subscription } = await store.saveSubscription(slackDaily(), "slack:U1", T0);
          expect(
            await store.setSubscriptionPaused(subscription.id, "removed from channel", "scheduler", later(1)),
          ).toBe(true);
          expect(
            await store.setSubscriptionPaused(subscription.id, "removed from channel", "scheduler", later(2)),
          ).toBe(false);
          expect((await store.getSubscription(subscription.id))?.pausedReason).toBe("removed from channel");
          expect(await store.setSubscriptionPaused(subscription.id, null, "slack:U1", later(3))).toBe(true);
          expect((await store.getSubscription(subscription.id))?.pausedReason).toBeNull();
          expect(await store.removeSubscription(subscription.id, "slack:U1", later(4))).toBe(true);
          expect(await store.removeSubscription(subscription.id, "slack:U1", later(5))).toBe(false);
          expect(await store.getSubscription(subscription.id)).toBeNull();
          expect(await store.setSubscriptionPaused("no-such-id", "x", "slack:U1", later(6))).toBe(false);
        });
      });

      describe("deliveries", () => {
        it("lets one claim win a slot, on this replica or another, even after a restart", async () => {
          expect(await store.claimDelivery("sub-1", "2026-11-23T09:00", "replica-a", T0)).toBe(true);
          const other = await harness.open();
          expect(await other.claimDelivery("sub-1", "2026-11-23T09:00", "replica-b", T0)).toBe(false);
          expect(await other.claimDelivery("sub-1", "2026-11-24T09:00", "replica-b", T0)).toBe(true);
          const both = await Promise.all([
            store.claimDelivery("sub-1", "2026-11-25T09:00", "replica-a", T0),
            other.claimDelivery("sub-1", "2026-11-25T09:00", "replica-b", T0),
          ]);
          expect(both.filter(Boolean)).toHaveLength(1);
        });

        it("records one outcome per claim, and lists deliveries newest first", async () => {
          await store.claimDelivery("sub-1", "2026-11-23T09:00", "scheduler", T0);
          await store.claimDelivery("sub-1", "2026-11-24T09:00", "scheduler", later(24 * HOUR));
          const sent = { state: "sent", detail: "ts 1700000000.000100", documentIds: ["doc-a", "doc-b"] } as const;
          expect(await store.markDelivery("sub-1", "2026-11-23T09:00", sent, "scheduler", later(1000))).toBe(true);
          expect(
            await store.markDelivery("sub-1", "2026-11-23T09:00", { state: "failed" }, "scheduler", later(2000)),
          ).toBe(false);
          expect(await store.markDelivery("sub-1", "2026-12-01T09:00", { state: "sent" }, "scheduler", later(1))).toBe(
            false,
          );
          const uncertain = { state: "uncertain", detail: "timed out after the post was sent" } as const;
          await store.markDelivery("sub-1", "2026-11-24T09:00", uncertain, "scheduler", later(25 * HOUR));
          const [newest, oldest] = await store.listDeliveries("sub-1");
          expect(newest).toMatchObject({ slot: "2026-11-24T09:00", state: "uncertain", documentIds: [] });
          expect(oldest).toMatchObject({ ...sent, slot: "2026-11-23T09:00", claimedBy: "scheduler", claimedAt: T0 });
          expect(oldest?.updatedAt).toEqual(later(1000));
          expect(await store.listDeliveries("sub-1", 1)).toHaveLength(1);
        });

        it("keeps claims when the subscription is removed, so a slot is never posted twice", async () => {
          const { subscription } = await store.saveSubscription(slackDaily(), "slack:U1", T0);
          await store.claimDelivery(subscription.id, "2026-11-23T09:00", "scheduler", T0);
          await store.removeSubscription(subscription.id, "slack:U1", later(1));
          expect(await store.claimDelivery(subscription.id, "2026-11-23T09:00", "scheduler", later(2))).toBe(false);
        });
      });

      describe("documents", () => {
        it("keeps added documents whole, in the order added, and tells a changed copy from the same one", async () => {
          const a = makeDocument({ id: "doc-a", authors: ["Dr Jane O'Neill"] });
          const b = makeDocument({ id: "doc-b", published: null, url: null });
          expect(await store.addDocument(a, "ingest", T0)).toBe("added");
          expect(await store.addDocument(b, "ingest", later(1))).toBe("added");
          expect(await store.addDocument(a, "ingest", later(2))).toBe("unchanged");
          const revised = { ...a, title: "A revised headline" };
          expect(await store.addDocument(revised, "ingest", later(3))).toBe("updated");
          await store.close();
          expect(await (await harness.open()).listDocuments()).toEqual([revised, b]);
        });

        it("stamps the document set and lists what changed since a time: replicas read only what is new", async () => {
          expect(await store.documentStamp()).toEqual({ count: 0, latest: null });
          await store.addDocument(makeDocument({ id: "doc-a" }), "ingest", T0);
          expect(await store.documentStamp()).toEqual({ count: 1, latest: T0 });
          await store.addDocument(makeDocument({ id: "doc-a" }), "ingest", later(1));
          expect(await store.documentStamp()).toEqual({ count: 1, latest: T0 });
          await store.addDocument(makeDocument({ id: "doc-b" }), "ingest", later(HOUR));
          await store.addDocument(makeDocument({ id: "doc-a", title: "Changed" }), "ingest", later(2 * HOUR));
          expect(await store.documentStamp()).toEqual({ count: 2, latest: later(2 * HOUR) });
          const since = async (time: Date) => (await store.listDocuments({ changedSince: time })).map((d) => d.id);
          expect(await since(later(HOUR))).toEqual(["doc-a", "doc-b"]);
          expect(await since(later(HOUR + 1))).toEqual(["doc-a"]);
          expect(await since(later(3 * HOUR))).toEqual([]);
        });
      });

      describe("document versions", () => {
        it("lists each document with the time it was last written, which only a real change moves", async () => {
          const a = makeDocument({ id: "doc-a" });
          await store.addDocument(a, "ingest", T0);
          await store.addDocument(makeDocument({ id: "doc-b" }), "ingest", later(1));
          await store.addDocument(a, "ingest", later(2));
          const versionsOf = async () =>
            (await store.listDocumentVersions()).map(({ document, version }) => [document.id, version]);
          expect(await versionsOf()).toEqual([
            ["doc-a", T0.toISOString()],
            ["doc-b", later(1).toISOString()],
          ]);
          await store.addDocument({ ...a, authors: ["A. Writer"] }, "ingest", later(3));
          expect(await versionsOf()).toEqual([
            ["doc-a", later(3).toISOString()],
            ["doc-b", later(1).toISOString()],
          ]);
          expect((await store.listDocumentVersions()).map((v) => v.document)).toEqual(await store.listDocuments());
        });
      });

      describe("feeds", () => {
        const FEED = "https://news.example/feed.xml?a=1&b='2'";

        it("follows a feed once, keeps what each read left for conditional GET, and forgets it on removal", async () => {
          expect(await store.saveFeed(FEED, "slack:U1", T0)).toBe("added");
          expect(await store.saveFeed(FEED, "slack:U2", later(1))).toBe("unchanged");
          expect(await store.listFeeds()).toEqual([
            {
              url: FEED,
              etag: null,
              lastModified: null,
              lastReadAt: null,
              lastError: null,
              checkedAt: null,
              addedBy: "slack:U1",
              addedAt: T0,
            },
          ]);
          await store.recordFeedRead(
            FEED,
            { etag: '"v1"', lastModified: "Mon, 23 Nov 2026 08:00:00 GMT" },
            later(HOUR),
          );
          await store.recordFeedRead(FEED, { error: "timed out after 10 s" }, later(2 * HOUR));
          await store.close();
          store = await harness.open();
          expect(await store.listFeeds()).toMatchObject([
            {
              etag: '"v1"',
              lastModified: "Mon, 23 Nov 2026 08:00:00 GMT",
              lastReadAt: later(HOUR),
              lastError: "timed out after 10 s",
              checkedAt: later(2 * HOUR),
            },
          ]);
          await store.recordFeedRead(FEED, { etag: null, lastModified: null }, later(3 * HOUR));
          expect(await store.listFeeds()).toMatchObject([{ etag: null, lastError: null, lastReadAt: later(3 * HOUR) }]);
          expect(await store.removeFeed(FEED, "slack:U1", later(4 * HOUR))).toBe(true);
          expect(await store.removeFeed(FEED, "slack:U1", later(4 * HOUR))).toBe(false);
          expect(await store.listFeeds()).toEqual([]);
          const audit = await store.listAudit({ subject: `feed:${FEED}` });
          expect(audit.map((e) => [e.action, e.who])).toEqual([
            ["feed.removed", "slack:U1"],
            ["feed.added", "slack:U1"],
          ]);
        });
      });

      describe("read failures", () => {
        const PAGE = "https://news.example/deep.html?a=1&b='2'";

        it("counts a page's failed reads in a row across a restart, unaudited, and forgets them on request", async () => {
          expect(await store.getReadFailure(PAGE)).toBeNull();
          expect(await store.recordReadFailure(PAGE, "took too long to read", T0)).toBe(1);
          expect(await store.recordReadFailure(PAGE, "the server answered 503", later(HOUR))).toBe(2);
          await store.close();
          store = await harness.open();
          expect(await store.getReadFailure(PAGE)).toEqual({
            url: PAGE,
            reason: "the server answered 503",
            failures: 2,
            failedAt: later(HOUR),
          });
          await store.clearReadFailure(PAGE);
          expect(await store.getReadFailure(PAGE)).toBeNull();
          expect(await store.listAudit()).toEqual([]);
        });
      });

      describe("feedback", () => {
        it("counts one opinion per person: a second click changes it", async () => {
          const vote = {
            platform: "slack",
            userId: "U1",
            target: "answer",
            targetId: "q-42",
            value: "helpful",
          } as const;
          expect(await store.recordFeedback(vote, T0)).toBe("added");
          expect(await store.recordFeedback(vote, later(1))).toBe("unchanged");
          expect(await store.recordFeedback({ ...vote, value: "not_helpful" }, later(2))).toBe("updated");
          await store.recordFeedback({ ...vote, userId: "U2" }, later(3));
          await store.recordFeedback({ ...vote, target: "briefing_item", userId: "U3" }, later(4));
          expect(await store.summariseFeedback("answer", "q-42")).toEqual({ helpful: 1, notHelpful: 1 });
          expect(await store.summariseFeedback("answer", "never-rated")).toEqual({ helpful: 0, notHelpful: 0 });
        });
      });

      describe("audit trail", () => {
        it("records who changed what and when, for every change and nothing else", async () => {
          const { subscription } = await store.saveSubscription(slackDaily(), "slack:U1", T0);
          await store.saveSubscription(slackDaily(), "slack:U1", later(1));
          await store.setSubscriptionPaused(subscription.id, "bot removed", "scheduler", later(2));
          await store.saveConversationReference("19:abc", { a: 1 }, "teams:U7", later(3));
          await store.addDocument(makeDocument({ id: "doc-a" }), "ingest", later(4));
          await store.claimDelivery(subscription.id, "2026-11-23T09:00", "scheduler", later(5));
          await store.markDelivery(subscription.id, "2026-11-23T09:00", { state: "skipped" }, "scheduler", later(6));
          await store.recordFeedback(
            { platform: "slack", userId: "U1", target: "answer", targetId: "q", value: "helpful" },
            later(7),
          );
          await store.markEventHandled("Ev1", later(8));

          const entries = await store.listAudit();
          expect(entries.map((e) => [e.who, e.action, e.at.getTime() - T0.getTime()])).toEqual([
            ["slack:U1", "feedback.added", 7],
            ["scheduler", "delivery.skipped", 6],
            ["scheduler", "delivery.claimed", 5],
            ["ingest", "document.added", 4],
            ["teams:U7", "conversation.added", 3],
            ["scheduler", "subscription.paused", 2],
            ["slack:U1", "subscription.added", 0],
          ]);
          const forSubscription = await store.listAudit({ subject: `subscription:${subscription.id}` });
          expect(forSubscription.map((e) => e.action)).toEqual(["subscription.paused", "subscription.added"]);
          expect(JSON.parse(forSubscription[0]?.detail ?? "null")).toEqual({ reason: "bot removed" });
          expect(await store.listAudit({ limit: 2 })).toHaveLength(2);
        });
      });

      describe("hostile and bad input", () => {
        it("returns hostile text verbatim everywhere text is kept, and runs none of it", async () => {
          for (const [i, text] of HOSTILE.entries()) {
            expect(await store.markEventHandled(text || "empty", T0)).toBe(true);
            await store.saveConversationReference(`conv ${text}`, { text, [text]: i }, text || "who", T0);
            const { subscription } = await store.saveSubscription(
              slackDaily({ channelId: text, schedule: text, timeZone: text }),
              text || "who",
              T0,
            );
            expect(await store.getSubscription(subscription.id)).toMatchObject({ channelId: text, schedule: text });
            const doc = makeDocument({ id: `doc ${i}`, title: text, paragraphs: [{ text, heading: false }] });
            await store.addDocument(doc, "ingest", later(i));
            await store.recordFeedback(
              { platform: "slack", userId: text, target: "answer", targetId: text, value: "helpful", comment: text },
              T0,
            );
            expect(await store.summariseFeedback("answer", text)).toEqual({ helpful: 1, notHelpful: 0 });
            expect(await store.claimDelivery(text, text, "scheduler", T0)).toBe(true);
            await store.markDelivery(text, text, { state: "sent", detail: text, documentIds: [text] }, "scheduler", T0);
            expect((await store.listDeliveries(text))[0]).toMatchObject({
              slot: text,
              detail: text,
              documentIds: [text],
            });
          }
          for (const [i, text] of HOSTILE.entries()) {
            expect(await store.markEventHandled(text || "empty", T0)).toBe(false);
            expect((await store.getConversationReference(`conv ${text}`))?.reference).toEqual({ text, [text]: i });
          }
          const titles = (await store.listDocuments()).map((d) => [d.title, d.paragraphs[0]?.text]);
          expect(titles).toEqual(HOSTILE.map((text) => [text, text]));
          expect((await store.listSubscriptions()).map((s) => s.channelId).sort()).toEqual([...HOSTILE].sort());
          expect(await harness.count("subscriptions")).toBe(HOSTILE.length);
        });

        it.each([
          ["a NUL character", "bad\u0000id"],
          ["an unpaired surrogate", "bad\uD800id"],
        ])("refuses text with %s rather than store something else, and stores nothing", async (_what, text) => {
          await expect(store.markEventHandled(text, T0)).rejects.toBeInstanceOf(StoreInputError);
          await expect(store.saveSubscription(slackDaily({ channelId: text }), "slack:U1", T0)).rejects.toThrow(
            /channelId contains/,
          );
          await expect(store.saveConversationReference(text, {}, "teams:U1", T0)).rejects.toBeInstanceOf(
            StoreInputError,
          );
          expect(await harness.count("handled_events")).toBe(0);
          expect(await harness.count("subscriptions")).toBe(0);
          expect(await harness.count("audit_log")).toBe(0);
          // In JSON the same characters are escaped, so they survive.
          await store.saveConversationReference("ok", { text }, "teams:U1", T0);
          expect((await store.getConversationReference("ok"))?.reference).toEqual({ text });
        });
      });

      describe("posted briefings", () => {
        const item = (headline: string, topics: string[]) => ({
          documentId: `doc-${headline}`,
          headline,
          summary: `${headline}: what happened.`,
          publisher: "NHS England",
          published: "2026-11-20",
          publishedLabel: "20 November 2026",
          url: "https://example.org/a",
          topics: topics as never[],
          sources: [],
        });
        const briefing = (id: string, date: string, headlines: string[]): ArchivedBriefing => ({
          id,
          date,
          title: `☕ Coffee Time Briefing — ${date}`,
          intro: HOSTILE.slice(0, 11).join(" | "),
          topic: null,
          items: headlines.map((h) => item(h, ["funding"])),
        });

        it("keeps a briefing once, whole, across a restart, and audits the first posting only", async () => {
          const first = briefing("2026-11-23-0000000a", "2026-11-23", ["One", "Two"]);
          expect(await store.recordPostedBriefing(first, "scheduler", T0)).toBe("added");
          expect(await store.recordPostedBriefing(first, "scheduler", later(HOUR))).toBe("unchanged");
          await store.close();
          const restarted = await harness.open();
          expect(await restarted.getPostedBriefing(first.id)).toEqual({ ...first, firstPostedAt: T0 });
          expect(await restarted.getPostedBriefing("2026-11-23-ffffffff")).toBeNull();
          const audit = await restarted.listAudit({ subject: `briefing:${first.id}` });
          expect(audit.map((a) => a.action)).toEqual(["briefing.archived"]);
        });

        it("lists newest day first, a page at a time, with the total", async () => {
          await store.recordPostedBriefing(briefing("2026-11-20-00000001", "2026-11-20", ["a"]), "cli", T0);
          await store.recordPostedBriefing(briefing("2026-11-23-00000002", "2026-11-23", ["b"]), "cli", T0);
          await store.recordPostedBriefing(briefing("2026-11-23-00000003", "2026-11-23", ["c"]), "cli", later(HOUR));
          await store.recordPostedBriefing(
            briefing("2026-11-21-00000004", "2026-11-21", ["d"]),
            "cli",
            later(2 * HOUR),
          );
          const page1 = await store.listPostedBriefings({ limit: 3 });
          expect(page1.total).toBe(4);
          expect(page1.briefings.map((b) => b.id)).toEqual([
            "2026-11-23-00000003",
            "2026-11-23-00000002",
            "2026-11-21-00000004",
          ]);
          const page2 = await store.listPostedBriefings({ limit: 3, offset: 3 });
          expect(page2.briefings.map((b) => b.id)).toEqual(["2026-11-20-00000001"]);
          expect((await store.listPostedBriefings({ offset: 10 })).briefings).toEqual([]);
        });

        it("refuses a malformed briefing or page and stores nothing", async () => {
          await expect(
            store.recordPostedBriefing(briefing("x", "23/11/2026", ["a"]), "cli", T0),
          ).rejects.toBeInstanceOf(StoreInputError);
          await expect(store.listPostedBriefings({ offset: -1 })).rejects.toBeInstanceOf(StoreInputError);
          await expect(store.listPostedBriefings({ limit: 0 })).rejects.toBeInstanceOf(StoreInputError);
          expect(await harness.count("posted_briefings")).toBe(0);
        });
      });

      describe("schema and health", () => {
        it("migrates once, and reports itself reachable, migrated, writable and durable", async () => {
          await store.close();
          await harness.open(later(HOUR));
          expect(await harness.count("schema_version")).toBe(EMBEDDED_MIGRATIONS.length);
          const health = await (await harness.open()).health();
          expect(health).toMatchObject({
            state: "ok",
            schemaVersion: LATEST,
            expectedVersion: LATEST,
            durable: true,
            problem: null,
          });
          expect(health.durability).toMatch(
            backend.name.startsWith("embedded") ? /synchronous=FULL/ : /synchronous_commit=on/,
          );
        });

        it("refuses to open a store migrated by a newer nhsai, saying so in one line, and changes nothing", async () => {
          await harness.exec(
            `INSERT INTO schema_version (version, name, applied_at) VALUES (${FUTURE}, 'from the future', '2027-01-01T00:00:00Z')`,
          );
          expect(await store.health()).toMatchObject({ state: "newer_schema", schemaVersion: FUTURE });
          const opening = harness.open();
          await expect(opening).rejects.toBeInstanceOf(StoreVersionError);
          await expect(opening).rejects.toThrow(
            new RegExp(`schema version ${FUTURE}, but this nhsai knows versions up to ${LATEST}: upgrade nhsai`),
          );
          expect(await harness.count("schema_version")).toBe(EMBEDDED_MIGRATIONS.length + 1);
        });

        it("reports a store that has lost its tables as unusable, in plain words", async () => {
          await harness.exec("DROP TABLE store_probe");
          const health = await store.health();
          expect(health.state).toBe("unreachable");
          expect(health.problem).toMatch(/store_probe/);
        });
      });
    },
  );
}
