import { describe, expect, it } from "vitest";
import { publishedSpan } from "../../src/briefings/dates.js";
import { wordCount } from "../../src/briefings/pick-key-sentences.js";
import { topicBriefing, topicsWithNews } from "../../src/briefings/topic-briefing.js";
import { TOPIC_IDS } from "../../src/knowledge/topics.js";
import { libraryOf, makeDocument, onDay, paragraphs, seedLibrary } from "../helpers/factories.js";

const seeds = seedLibrary();
const tidy = (text: string) => text.replace(/\s+/g, " ").trim();

describe("the funding briefing from the seed library", () => {
  const briefing = topicBriefing(seeds, "funding");
  const texts = briefing.facts.map((f) => f.text);

  it("states the facts on funding: the £21m for 64 trusts, the £100m fund, and the Health Foundation's point", () => {
    expect(texts.some((t) => /£21m/.test(t) && /64 trusts/.test(t))).toBe(true);
    expect(texts.some((t) => /£100m AI accelerator fund/.test(t))).toBe(true);
    expect(texts).toContain("Fund the change, not just the tech");
  });

  it("is selective: sentences that lean on context or only mention money in passing are left out", () => {
    expect(texts.some((t) => t.startsWith("Yes, some of these things"))).toBe(false);
    expect(texts.some((t) => t.startsWith("But it will need"))).toBe(false);
    expect(briefing.total).toBeLessThan(
      seeds
        .all()
        .flatMap((d) => d.passages)
        .filter((p) => p.topics.includes("funding")).length,
    );
  });

  it("lists the newest articles first", () => {
    const starts = briefing.facts.map((f) => publishedSpan(f.passage.document.published)?.start ?? -Infinity);
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    expect(briefing.facts[0]?.passage.document.id).toBe("health-foundation-tech-ai-new-government");
  });

  it("quotes every fact verbatim from the article it cites", () => {
    for (const fact of briefing.facts) {
      const body = tidy(fact.passage.document.paragraphs.map((p) => p.text).join(" "));
      expect(body).toContain(fact.text);
    }
  });
});

describe("every topic in the seed library", () => {
  it.each(TOPIC_IDS)("%s: short facts, at most three an article, eight in all", (topic) => {
    const briefing = topicBriefing(seeds, topic);
    const perDocument = new Map<string, number>();
    for (const fact of briefing.facts) {
      expect(wordCount(fact.text)).toBeLessThanOrEqual(50);
      expect(fact.text).not.toMatch(/https?:|pic\.twitter|@\w|^By |^\d+\.\s/);
      expect(fact.passage.topics).toContain(topic);
      const id = fact.passage.document.id;
      perDocument.set(id, (perDocument.get(id) ?? 0) + 1);
    }
    expect(briefing.facts.length).toBeLessThanOrEqual(8);
    expect(Math.max(0, ...perDocument.values())).toBeLessThanOrEqual(3);
  });

  it("shows every fact when asked for all", () => {
    // The topic with the most facts: the one a default briefing must cut.
    const everything = { limit: Infinity, perDocument: Infinity };
    const busiest = [...TOPIC_IDS].sort(
      (a, b) => topicBriefing(seeds, b, everything).total - topicBriefing(seeds, a, everything).total,
    )[0] as (typeof TOPIC_IDS)[number];
    const all = topicBriefing(seeds, busiest, everything);
    expect(all.facts).toHaveLength(all.total);
    expect(topicBriefing(seeds, busiest).facts.length).toBeLessThan(all.total);
  });
});

describe("a topic with no news", () => {
  const library = libraryOf(
    makeDocument({
      id: "money",
      published: onDay("2026-11-02"),
      paragraphs: paragraphs("The government will invest £40m in new scanners for community diagnostic centres."),
    }),
  );

  it("has no facts, and is left out of the topics with news", () => {
    expect(topicBriefing(library, "regulation").total).toBe(0);
    expect(topicsWithNews(library)).toEqual(expect.arrayContaining(["funding", "diagnostics"]));
    expect(topicsWithNews(library)).not.toContain("regulation");
  });
});

describe("money in any currency", () => {
  const library = libraryOf(
    makeDocument({
      id: "dollars",
      published: onDay("2026-10-12"),
      paragraphs: paragraphs(
        "A regional health authority awarded a $412.66 million contract for a shared patient record platform.",
        "The euro-denominated part of the deal, €3.5m, covers staff training across the region.",
      ),
    }),
  );

  it("briefs a contract in dollars or euros as funding news, quoting the amount as written", () => {
    const texts = topicBriefing(library, "funding").facts.map((f) => f.text);
    expect(texts.some((t) => t.includes("$412.66 million"))).toBe(true);
  });
});
