/** The same story from two outlets (an RSS site and an Atom site) is one briefing item listing both. */

import { afterEach, beforeEach, expect, it } from "vitest";
import { buildDigest } from "../../src/briefings/build-digest.js";
import { SAME_STORY, storySimilarity } from "../../src/briefings/story-groups.js";
import { DEFAULT_FETCH_LIMITS } from "../../src/ingest/fetch-safely.js";
import { Ingester } from "../../src/ingest/ingester.js";
import type { Library } from "../../src/knowledge/library.js";
import { openMemoryStore } from "../../src/store/embedded/open-embedded-store.js";
import type { Store } from "../../src/store/store.js";
import { FIXED_NOW, seedLibrary } from "../helpers/factories.js";
import { type FixtureSite, startFixtureSite } from "./fixture-site.js";

let site: FixtureSite;
let store: Store;
let library: Library;

beforeEach(async () => {
  site = await startFixtureSite();
  store = await openMemoryStore(FIXED_NOW);
  library = seedLibrary();
});
afterEach(async () => {
  await site.close();
  await store.close();
});

it("merges two outlets' articles on one story into one digest item, and keeps other stories apart", async () => {
  const ingest = new Ingester({
    store,
    library,
    fetch,
    resolve: async () => ["127.0.0.1"],
    allowPrivate: true,
    limits: DEFAULT_FETCH_LIMITS,
    now: () => FIXED_NOW,
    who: "cli",
  });
  await ingest.ingestUrl(`${site.base}/a/feed.rss`);
  await ingest.ingestUrl(`${site.base}/b/feed.atom`);
  expect(await store.listDocuments()).toHaveLength(3);

  const digest = buildDigest(library, FIXED_NOW);
  const xray = digest.items.find((i) => i.headline.includes("X-ray"));
  expect(xray?.sources.map((s) => [s.publisher, s.publishedLabel])).toEqual([
    ["Digital Care Review", "18 November 2026"],
    ["Northern Health Chronicle", "17 November 2026"],
  ]);
  expect(xray?.sources[1]?.url).toBe(`${site.base}/a/chest-xray-ai.html`);
  expect(digest.items.filter((i) => i.headline.includes("X-ray"))).toHaveLength(1);
  const nurses = digest.items.find((i) => i.headline.includes("nurses"));
  expect(nurses?.sources).toHaveLength(1);
  expect(digest.intro).toMatch(/^7 new stories/);

  const [a, b, nursesEntry] = ["Northshire trust", "AI chest X-ray reader", "Digital nurses"].map((start) =>
    library.all().find((e) => e.document.title.startsWith(start)),
  );
  if (!a || !b || !nursesEntry) throw new Error("fixture articles missing");
  // Clear of the threshold on both sides: a rewrite of the story, and a different story a day apart.
  expect(storySimilarity(a, b)).toBeGreaterThan(2 * SAME_STORY);
  expect(storySimilarity(a, nursesEntry)).toBeLessThan(SAME_STORY / 2);
});
