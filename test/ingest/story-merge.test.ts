/** The same story from two outlets (an RSS site and an Atom site) is one briefing item listing both. */

import { expect, it } from "vitest";
import { buildDigest } from "../../src/briefings/build-digest.js";
import { headlineSimilarity, SAME_STORY, storySimilarity } from "../../src/briefings/story-groups.js";
import { digestReply } from "../../src/replies/briefing-replies.js";
import { plainRuns } from "../../src/reply.js";
import { FIXED_NOW } from "../helpers/factories.js";
import { useIngestHarness } from "./ingest-harness.js";

const h = useIngestHarness();

it("merges two outlets' articles on one story into one digest item, and keeps other stories apart", async () => {
  const ingest = h.ingester();
  await ingest.ingestUrl(`${h.site.base}/a/feed.rss`);
  await ingest.ingestUrl(`${h.site.base}/b/feed.atom`);
  expect(await h.store.listDocuments()).toHaveLength(3);

  const digest = buildDigest(h.library, FIXED_NOW);
  const xray = digest.items.find((i) => i.headline.includes("X-ray"));
  expect(xray?.sources.map((s) => [s.publisher, s.publishedLabel])).toEqual([
    ["Digital Care Review", "18 November 2026"],
    ["Northern Health Chronicle", "17 November 2026"],
  ]);
  expect(xray?.sources[1]?.url).toBe(`${h.site.base}/a/chest-xray-ai.html`);
  expect(digest.items.filter((i) => i.headline.includes("X-ray"))).toHaveLength(1);
  const nurses = digest.items.find((i) => i.headline.includes("nurses"));
  expect(nurses?.sources).toHaveLength(1);
  expect(digest.intro).toMatch(/^7 stories you haven't had here/);
  const notes = digestReply(digest)
    .sections.flatMap((section) => section.blocks)
    .flatMap((block) => (block.type === "note" ? [plainRuns(block.runs)] : []));
  expect(notes).toContain("Also reported by Northern Health Chronicle (17 November 2026)");

  const [a, b, nursesEntry] = ["Northshire trust", "AI chest X-ray reader", "Digital nurses"].map((start) =>
    h.library.all().find((e) => e.document.title.startsWith(start)),
  );
  if (!a || !b || !nursesEntry) throw new Error("fixture articles missing");
  // Clear of the threshold on both sides: a rewrite of the story, and a different story a day apart.
  expect(storySimilarity(a, b)).toBeGreaterThan(2 * SAME_STORY);
  expect(storySimilarity(a, nursesEntry)).toBeLessThan(SAME_STORY / 2);
  expect(headlineSimilarity(a, b)).toBeGreaterThan(0.4);
});
