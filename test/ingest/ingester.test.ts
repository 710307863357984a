/** Ingestion end to end in one process: a loopback news site, the real store (in memory), the seed library. */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answers/answer-question.js";
import type { IngestOutcome } from "../../src/ingest/ingest-outcome.js";
import { MAX_FEED_ITEMS } from "../../src/ingest/ingester.js";
import { FIXED_NOW } from "../helpers/factories.js";
import { FIXTURES } from "./fixture-site.js";

import { useIngestHarness } from "./ingest-harness.js";

const h = useIngestHarness();

const added = (outcomes: IngestOutcome[]) => outcomes.flatMap((o) => (o.status === "added" ? [o.document] : []));

describe("feeds and pages", () => {
  it("reads an RSS feed's articles from their pages, without the page chrome, with their metadata", async () => {
    const outcomes = await h.ingester().ingestUrl(`${h.site.base}/a/feed.rss`);
    const docs = added(outcomes);
    expect(docs.map((d) => d.title)).toEqual([
      "Northshire trust to spend £3.2m on AI that reads chest X-rays",
      "Digital nurses network reaches 2,000 members",
    ]);
    const [xray] = docs;
    expect(xray).toMatchObject({
      publisher: "Northern Health Chronicle",
      authors: ["Priya Raman"],
      published: { value: "2026-11-17", precision: "day" },
      url: `${h.site.base}/a/chest-xray-ai.html`,
      titleEditorial: false,
    });
    const text = xray?.paragraphs.map((p) => p.text).join("\n") ?? "";
    expect(text).toContain("Northshire Hospitals NHS Foundation Trust is to spend £3.2m");
    for (const chrome of [
      "cookies",
      "newsletter",
      "Related news",
      "chief digital officer",
      "Image credit",
      "By Priya",
      "Home",
    ])
      expect(text).not.toContain(chrome);
    expect(docs[1]?.published).toEqual({ value: "2026-11-16", precision: "day" });
    expect((await h.store.listDocuments()).map((d) => d.id).sort()).toEqual(docs.map((d) => d.id).sort());
    expect((await h.store.listFeeds()).map((f) => f.url)).toEqual([`${h.site.base}/a/feed.rss`]);
  });

  it("answers a question from an article ingested a moment ago", async () => {
    await h.ingester().ingestUrl(`${h.site.base}/a/feed.rss`);
    const answer = answerQuestion(h.library, "How much will Northshire spend on the AI that reads chest X-rays?");
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain("£3.2m");
    expect(answer.citations[0]?.publisher).toBe("Northern Health Chronicle");
  });

  it("polls with a conditional GET: an unchanged feed (304) costs one request and adds nothing", async () => {
    const first = h.ingester();
    await first.ingestUrl(`${h.site.base}/conditional.rss`);
    const [feed] = await h.store.listFeeds();
    expect(feed).toMatchObject({ etag: '"feed-v1"', lastModified: "Tue, 17 Nov 2026 10:00:00 GMT" });
    const later = new Date(FIXED_NOW.getTime() + 15 * 60_000);
    const outcomes = await h.ingester({ now: () => later }).pollFeed(feed as NonNullable<typeof feed>);
    expect(outcomes).toEqual([{ source: `${h.site.base}/conditional.rss`, status: "not_modified" }]);
    expect(h.site.headers.get("/conditional.rss")?.[1]?.["if-none-match"]).toBe('"feed-v1"');
    expect(h.site.hits.get("/a/chest-xray-ai.html")).toBe(1);
    expect(await h.store.listFeeds()).toMatchObject([{ lastReadAt: later, lastError: null }]);
    expect(await h.store.listDocuments()).toHaveLength(2);
  });

  it("stores a story once: the same canonical URL again is recognised before its page is fetched", async () => {
    await h.ingester().ingestUrl(`${h.site.base}/a/feed.rss`);
    const again = await h.ingester().ingestUrl(`${h.site.base}/a/feed.rss`);
    expect(again.map((o) => o.status)).toEqual(["duplicate", "duplicate"]);
    // The feed's link carries a tracking parameter; its canonical form was fetched once, the first time.
    expect(h.site.hits.get("/a/chest-xray-ai.html")).toBe(1);
    expect(await h.store.listDocuments()).toHaveLength(2);
  });

  it("reads an Atom feed's full-text entries without fetching their pages", async () => {
    const docs = added(await h.ingester().ingestUrl(`${h.site.base}/b/feed.atom`));
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      title: "AI chest X-ray reader coming to Northshire in £3.2m deal",
      publisher: "Digital Care Review",
      authors: ["Tom Okafor"],
      published: { value: "2026-11-18", precision: "day" },
    });
    expect(h.site.hits.has("/b/northshire-xray-deal")).toBe(false);
  });
});

describe("local files", () => {
  const file = (name: string) => readFileSync(join(FIXTURES, "files", name), "utf8");

  it("reads Markdown with front matter, and a plain-text capture through the seeds' cleaner", async () => {
    const ingest = h.ingester();
    const [md] = added(await ingest.ingestFile("virtual-wards.md", file("virtual-wards.md")));
    expect(md).toMatchObject({
      title: "Virtual wards cut readmissions by a fifth in Eastmoor",
      publisher: "Eastmoor Health Bulletin",
      authors: ["Ali Hassan"],
      published: { value: "2026-10-05", precision: "day" },
      url: "https://bulletin.example/virtual-wards-eastmoor",
    });
    expect(md?.paragraphs.map((p) => p.text)).toContain(
      "Clinical lead Dr Ruth Bello said the team would now extend the virtual wards to frailty patients.",
    );
    const [txt] = added(await ingest.ingestFile("capture.txt", file("capture.txt")));
    expect(txt).toMatchObject({
      title: "Westvale trust switches on electronic prescribing in every ward",
      published: { value: "2026-10-12", precision: "day" },
    });
    const text = txt?.paragraphs.map((p) => p.text).join("\n");
    expect(text).not.toMatch(/Skip to content|newsletter|Another trust/);
  });

  it("stores near-identical text once, whatever the file is called", async () => {
    const ingest = h.ingester();
    await ingest.ingestFile("capture.txt", file("capture.txt"));
    const copy = file("capture.txt").replace("Menu", "Menu\nShare this article");
    expect(await ingest.ingestFile("copy-of-capture.txt", copy)).toMatchObject([
      { status: "duplicate", reason: "same_text" },
    ]);
  });
});

describe("feed items whose link is not the article's canonical URL", () => {
  it("knows an item by its feed link after the first read, so its page is not fetched again", async () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Redirecting News</title>
      <item><title>Digital nurses network reaches 2,000 members</title><link>${h.site.base}/to-story</link></item>
      </channel></rss>`;
    const ingest = h.ingester();
    expect(await ingest.ingestFile("redirecting.rss", rss)).toMatchObject([{ status: "added" }]);
    expect(await ingest.ingestFile("redirecting.rss", rss)).toMatchObject([
      { status: "duplicate", reason: "same_url" },
    ]);
    expect(h.site.hits.get("/to-story")).toBe(1);
    expect(await h.store.listDocuments()).toMatchObject([{ url: `${h.site.base}/a/digital-nurses.html` }]);
  });
});

describe("a feed with more new items than one read takes", () => {
  it("reads 50, keeps no validators so the next poll is a full read, then reads the rest", async () => {
    const feedUrl = `${h.site.base}/many.rss`;
    const first = await h.ingester().ingestUrl(feedUrl);
    expect(first.filter((o) => o.status === "added")).toHaveLength(MAX_FEED_ITEMS);
    const [feed] = await h.store.listFeeds();
    expect(feed?.etag).toBeNull();
    const second = await h.ingester().pollFeed(feed as NonNullable<typeof feed>);
    expect(second.filter((o) => o.status === "added")).toHaveLength(55 - MAX_FEED_ITEMS);
    const [after] = await h.store.listFeeds();
    expect(after?.etag).toBe('"many-v1"');
    expect(await h.ingester().pollFeed(after as NonNullable<typeof after>)).toEqual([
      { source: feedUrl, status: "not_modified" },
    ]);
    expect(await h.store.listDocuments()).toHaveLength(55);
  });
});

it("decodes a page in the charset it declares in its own <meta>, when the server does not say", async () => {
  const [outcome] = await h.ingester().ingestUrl(`${h.site.base}/latin1.html`);
  const text = outcome?.status === "added" ? outcome.document.paragraphs.map((p) => p.text).join(" ") : "";
  expect(text).toContain("with £250,000 of funding");
});
