import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildDigest } from "../../src/briefings/build-digest.js";
import { wordCount } from "../../src/briefings/pick-key-sentences.js";
import type { Document } from "../../src/knowledge/document.js";
import { FIXED_NOW, libraryOf, makeDocument, onDay, paragraphs, seedLibrary } from "../helpers/factories.js";

const seeds = seedLibrary();
const tidy = (text: string) => text.replace(/\s+/g, " ").trim();
const fullText = (doc: Document) => tidy(doc.paragraphs.map((p) => p.text).join(" "));

describe("the Coffee Time briefing's date", () => {
  it("names the day in NHS style", () => {
    const digest = buildDigest(seeds, FIXED_NOW);
    expect(digest.title).toBe("☕ Coffee Time Briefing — Monday 23 November 2026");
    expect(digest.date).toBe("2026-11-23");
  });

  it("uses the day in London, not UTC, across the clock changes", () => {
    // 23:30 UTC on 29 March 2026 is 00:30 BST on Monday 30 March.
    expect(buildDigest(seeds, new Date("2026-03-29T23:30:00Z")).title).toMatch(/— Monday 30 March 2026$/);
    // After the autumn change London is on GMT again: 23:30 UTC is still Sunday.
    expect(buildDigest(seeds, new Date("2026-10-25T23:30:00Z")).date).toBe("2026-10-25");
    expect(buildDigest(seeds, new Date("2026-10-25T23:30:00Z")).title).toMatch(/— Sunday 25 October 2026$/);
  });
});

describe("the seed library's briefing", () => {
  const digest = buildDigest(seeds, FIXED_NOW);

  it("ranks the undated story by the day it was added, and the dated ones newest first", () => {
    const ids = digest.items.map((i) => i.documentId);
    expect(ids[0]).toBe("nhsx-national-ai-strategy-plans");
    expect(ids[1]).toBe("health-foundation-tech-ai-new-government");
    expect(ids).toHaveLength(5);
  });

  it("gives each date at the precision its source supports", () => {
    expect(digest.items.map((i) => i.publishedLabel)).toEqual([
      "added 23 November 2026",
      "2 July 2024",
      "April 2024",
      "October 2023",
      "2023",
    ]);
    expect(digest.items.map((i) => i.published)).toEqual([null, "2024-07-02", "2024-04", "2023-10", "2023"]);
  });

  it("summarises each story in at most 60 of its own words", () => {
    for (const item of digest.items) {
      const doc = seeds.get(item.documentId)?.document;
      if (!doc) throw new Error(`missing ${item.documentId}`);
      expect(wordCount(item.summary)).toBeLessThanOrEqual(60);
      expect(wordCount(item.summary)).toBeGreaterThan(8);
      for (const sentence of item.summary.split(/(?<=[.!?’”])\s+(?=[A-Z])/)) expect(fullText(doc)).toContain(sentence);
    }
  });

  it("never summarises with page furniture: embedded posts, handles, bylines", () => {
    for (const item of digest.items) {
      expect(item.summary).not.toMatch(/https?:|pic\.twitter|@\w|^By |, write /);
    }
  });

  it("leads the £21m story with its figures", () => {
    const lungCancer = digest.items.find((i) => i.documentId === "nhe-21m-ai-lung-cancer");
    expect(lungCancer?.summary).toMatch(/£21m/);
    expect(lungCancer?.topics).toContain("funding");
  });

  it("names the main stories in a one-line intro that says how many and how recent, never 'new'", () => {
    expect(digest.intro).toMatch(/^5 stories you haven't had here, the newest added 23 November 2026, led by/);
    expect(digest.intro).not.toMatch(/\bnew stor/i);
    expect(digest.intro).toContain("What NHS tech and AI really need from the new government");
    expect(digest.intro).not.toContain("\n");
  });
});

describe("what goes in", () => {
  it("leaves out what the channel has already been sent", () => {
    const sent = new Set(["health-foundation-tech-ai-new-government", "nhe-21m-ai-lung-cancer"]);
    const digest = buildDigest(seeds, FIXED_NOW, sent);
    expect(digest.items.map((i) => i.documentId)).not.toContain("nhe-21m-ai-lung-cancer");
    expect(digest.items).toHaveLength(3);
    expect(digest.intro).toMatch(/^3 stories you haven't had here, the newest added 23 November 2026/);
  });

  it("says plainly when there is nothing the channel has not had", () => {
    const everything = new Set(seeds.all().map((d) => d.document.id));
    const digest = buildDigest(seeds, FIXED_NOW, everything);
    expect(digest.items).toEqual([]);
    expect(digest.intro).toBe("No stories that you haven't had here.");
  });

  it("narrows to one topic", () => {
    const digest = buildDigest(seeds, FIXED_NOW, new Set(), { topic: "funding" });
    expect(digest.title).toBe("☕ Coffee Time Briefing: Funding — Monday 23 November 2026");
    const ids = digest.items.map((i) => i.documentId);
    expect(ids).toContain("nhe-21m-ai-lung-cancer");
    expect(ids).not.toContain("improvewell-nhs-ai-tsar");
    expect(digest.intro).toMatch(/on funding/);
    for (const item of digest.items) expect(item.topics[0]).toBe("funding");
  });

  it("keeps to maxItems and says how many more there are", () => {
    const digest = buildDigest(seeds, FIXED_NOW, new Set(), { maxItems: 2 });
    expect(digest.items).toHaveLength(2);
    expect(digest.intro).toMatch(
      /^5 stories you haven't had here, the newest added 23 November 2026, led by “.+” and “.+”\. The top 2 are below\.$/,
    );
  });

  it("counts a month-precise date as since any day of that month", () => {
    const library = libraryOf(
      makeDocument({ id: "october", published: { value: "2026-10", precision: "month" } }),
      makeDocument({ id: "september", published: onDay("2026-09-30") }),
      makeDocument({ id: "undated-new", published: null, addedAt: "2026-11-20T09:00:00.000Z" }),
      makeDocument({ id: "undated-old", published: null, addedAt: "2026-01-02T09:00:00.000Z" }),
    );
    const digest = buildDigest(library, FIXED_NOW, new Set(), { since: "2026-10-15" });
    expect(digest.items.map((i) => i.documentId).sort()).toEqual(["october", "undated-new"]);
    expect(digest.intro).toMatch(/since 15 October 2026/);
  });

  it("refuses a since that is not a real day", () => {
    expect(() => buildDigest(seeds, FIXED_NOW, new Set(), { since: "2026-02-30" })).toThrow(RangeError);
  });
});

describe("ranking by recency and weight", () => {
  const slight = (id: string, day: string) =>
    makeDocument({
      id,
      published: onDay(day),
      paragraphs: paragraphs("A trust wrote a short note about its new intranet."),
    });
  const weighty = (id: string, day: string) =>
    makeDocument({
      id,
      published: onDay(day),
      paragraphs: paragraphs(
        "The government will invest £50m in AI tools for NHS staff, with training for the workforce and new cyber security checks.",
        "The funding covers diagnostics, scans and patient records systems across England.",
      ),
    });

  it("lets a substantial story lead a slighter one from a few days later", () => {
    const digest = buildDigest(libraryOf(slight("slight", "2026-11-10"), weighty("weighty", "2026-11-07")), FIXED_NOW);
    expect(digest.items.map((i) => i.documentId)).toEqual(["weighty", "slight"]);
  });

  it("but not one from weeks earlier", () => {
    const digest = buildDigest(libraryOf(slight("slight", "2026-11-10"), weighty("weighty", "2026-10-20")), FIXED_NOW);
    expect(digest.items.map((i) => i.documentId)).toEqual(["slight", "weighty"]);
  });
});

describe("summaries from untidy pages", () => {
  it("skips bylines, share prompts and embedded posts", () => {
    const doc = makeDocument({
      id: "messy",
      title: "Trust rolls out AI scheduling to cut waiting lists",
      authors: ["Jane Smith"],
      paragraphs: paragraphs(
        "By Jane Smith, Health Reporter",
        "Share this article on social media and sign up to our newsletter.",
        "Today @nhsengland announced the pilot https://t.co/abc pic.twitter.com/xyz",
        "A hospital trust has rolled out AI scheduling to cut waiting lists for outpatient appointments.",
        "Jane Smith, health reporter, covers NHS technology.",
      ),
    });
    const [item] = buildDigest(libraryOf(doc), FIXED_NOW).items;
    expect(item?.summary).toBe(
      "A hospital trust has rolled out AI scheduling to cut waiting lists for outpatient appointments.",
    );
  });

  it("cuts a story told in one very long sentence at 60 words", () => {
    const long = `The board agreed ${Array.from({ length: 80 }, (_, i) => `item${i}`).join(" ")} today.`;
    const [item] = buildDigest(libraryOf(makeDocument({ id: "long", paragraphs: paragraphs(long) })), FIXED_NOW).items;
    expect(wordCount(item?.summary ?? "")).toBe(60);
    expect(item?.summary.endsWith("…")).toBe(true);
  });
});

describe("any library (seeded fuzz)", () => {
  const sentence = fc
    .array(
      fc.constantFrom(
        "NHS",
        "AI",
        "£5m",
        "trusts",
        "staff",
        "will",
        "fund",
        "new",
        "data",
        "But",
        "the",
        "@x",
        "cyber",
      ),
      {
        minLength: 1,
        maxLength: 40,
      },
    )
    .map((words) => `${words.join(" ")}.`);
  const doc = fc.record({
    sentences: fc.array(sentence, { minLength: 1, maxLength: 6 }),
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    dated: fc.boolean(),
  });

  it("always builds: at most maxItems distinct stories, each summary at most 60 words", () => {
    fc.assert(
      fc.property(fc.array(doc, { minLength: 0, maxLength: 12 }), fc.integer({ min: 0, max: 6 }), (docs, maxItems) => {
        const library = libraryOf(
          ...docs.map((d, i) =>
            makeDocument({
              id: `doc-${i}`,
              published: d.dated
                ? onDay(`2025-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`)
                : null,
              paragraphs: paragraphs(...d.sentences),
            }),
          ),
        );
        const digest = buildDigest(library, FIXED_NOW, new Set(), { maxItems });
        expect(digest.items.length).toBeLessThanOrEqual(maxItems);
        expect(new Set(digest.items.map((i) => i.documentId)).size).toBe(digest.items.length);
        for (const item of digest.items) expect(wordCount(item.summary)).toBeLessThanOrEqual(60);
      }),
      { seed: 20261123, numRuns: 150 },
    );
  });
});

describe("stories from several outlets", () => {
  const story = (id: string, publisher: string, day: string, sum: string) =>
    makeDocument({
      id,
      publisher,
      title: `Westvale trust wins ${sum} for AI radiology`,
      published: onDay(day),
      paragraphs: paragraphs(
        `Westvale trust has won ${sum} from the national AI fund to read chest X-rays faster, its chief executive said.`,
        "The radiology team expects urgent reports to be ready within two days instead of two weeks.",
      ),
    });

  it("makes one item of one story told by two outlets, listing both, and keeps stories with other sums apart", () => {
    const digest = buildDigest(
      libraryOf(
        story("a", "Outlet A", "2026-11-17", "£3.2m"),
        story("b", "Outlet B", "2026-11-18", "£3.2m"),
        story("c", "Outlet C", "2026-11-19", "£9m"),
      ),
      FIXED_NOW,
    );
    expect(digest.items.map((i) => i.sources.map((s) => s.publisher))).toEqual([
      ["Outlet C"],
      ["Outlet B", "Outlet A"],
    ]);
    expect(digest.intro).toMatch(/^2 stories you haven't had here, the newest from 19 November 2026/);
  });

  it("keeps apart articles whose headlines share no words, however alike their text", () => {
    const digest = buildDigest(
      libraryOf(
        makeDocument({ id: "x", title: "Trust funds AI triage", published: onDay("2026-11-18") }),
        makeDocument({ id: "y", title: "Staff training in digital skills", published: onDay("2026-11-19") }),
      ),
      FIXED_NOW,
    );
    expect(digest.items.map((i) => i.sources.length)).toEqual([1, 1]);
  });

  it("leaves out a story the channel was sent from another outlet", () => {
    const library = libraryOf(
      story("a", "Outlet A", "2026-11-17", "£3.2m"),
      story("b", "Outlet B", "2026-11-18", "£3.2m"),
    );
    const digest = buildDigest(library, FIXED_NOW, new Set(["a"]));
    expect(digest.items).toEqual([]);
    expect(digest.intro).toBe("No stories that you haven't had here.");
  });

  it("never merges two of the seed articles: each is its own story", () => {
    const digest = buildDigest(seedLibrary(), FIXED_NOW);
    expect(digest.items.map((i) => i.sources.map((s) => s.documentId))).toEqual(
      digest.items.map((i) => [i.documentId]),
    );
  });
});
