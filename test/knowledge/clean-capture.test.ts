import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanCapture } from "../../src/knowledge/clean-capture.js";
import { loadSeedArticles } from "../../src/knowledge/load-seed-articles.js";
import { buildSeedArticle, documentSchema, readCatalogue } from "../../src/knowledge/seed-articles.js";

const seeds = join(import.meta.dirname, "..", "..", "seeds");
const catalogue = readCatalogue(seeds);
const raw = (file: string) => readFileSync(join(seeds, file), "utf8");
const cleanedText = (file: string) => {
  const entry = catalogue.find((e) => e.source === file);
  if (!entry) throw new Error(`no catalogue entry for ${file}`);
  return buildSeedArticle(entry, raw(file), "2026-11-23T07:00:00.000Z")
    .paragraphs.map((p) => p.text)
    .join("\n");
};

/** Page chrome seen in the captures: none of it may survive cleaning. */
const CHROME = [
  /cookie/i,
  /skip to content/i,
  /newsletter/i,
  /sign up/i,
  /related news/i,
  /more articles/i,
  /podcast/i,
  /image credit/i,
  /^image of/im,
  /your email address will not be published/i,
  /akismet/i,
  /view all videos/i,
  /NHE Nov\/Dec 2023/,
  /dementia patients/i, // teaser of another story in 000
  /Coffee Time Briefing/i, // teaser of another story in 001
  /Wes Streeting/i, // teaser of another story in 001
  /privacy centre/i,
  /register now/i,
  /recently reported on the Cambridge University study/i, // plug for another story in 004
  /click here/i,
  /^By Dr Na’eem Ahmed/m, // the byline in 002: its name is the article's author, not body text
  /^\s*[-•*–]\s/m, // list glyphs: items are lines of a list paragraph
];

/** Article sentences from the top, middle and end of each capture: all must survive. */
const ARTICLE: Record<string, string[]> = {
  "raw/000_a9f0a4887acbcb40.txt": [
    "More than 60 NHS trusts are set to receive a share of fresh government AI funding",
    "The £21m investment will be ringfenced for 64 trusts across England",
    "Conversations around the safe deployment of AI featured at a roundtable hosted by Steve Barclay yesterday",
  ],
  "raw/001_7b9ef193e197aee6.txt": [
    "What’s missing is a plan to make that happen, write Tim Horton and Malte Gerhold from the Health Foundation",
    "2. Fund the change, not just the tech",
    "Tim Horton, assistant director (insight and analysis)",
  ],
  "raw/002_19f61a6aa6baae6a.txt": [
    "Shortly after he was appointed, Ian Hogarth, the UK’s AI tsar",
    "An AI tsar for the NHS is desperately needed",
  ],
  "raw/003_3f168e00adb78a63.txt": [
    "NHSX has laid out its vision, approach and areas of focus",
    "Emma Bradley, Deputy Head of Strategy for NHSX",
    "via the NHS AI Lab Virtual Lab Hub",
  ],
  "raw/004_cec917600bbff024.txt": [
    "A first-of-its-kind collaboration between government experts and NHS England (NHSE)",
    "Speed up patient care",
    "Vin added: “Collaborating with experts across government",
  ],
};

describe("cleanCapture on every raw seed capture", () => {
  const files = readdirSync(join(seeds, "raw")).map((f) => `raw/${f}`);

  it("has a catalogue entry and article checks for every capture", () => {
    expect(files.sort()).toEqual(Object.keys(ARTICLE).sort());
  });

  for (const file of files) {
    it(`${file}: no page chrome survives`, () => {
      const text = cleanedText(file);
      for (const pattern of CHROME) expect(text, `${pattern} in ${file}`).not.toMatch(pattern);
    });

    it(`${file}: article sentences survive verbatim`, () => {
      const text = cleanedText(file);
      for (const sentence of ARTICLE[file] ?? []) expect(text).toContain(sentence);
    });

    it(`${file}: every kept paragraph is an exact slice of the capture`, () => {
      const capture = raw(file);
      for (const line of cleanedText(file).split("\n")) expect(capture).toContain(line);
    });
  }

  it("drops the repeated headline and the date line", () => {
    const text = cleanedText("raw/001_7b9ef193e197aee6.txt");
    expect(text).not.toContain("What NHS tech and AI really need from the new government");
    expect(text).not.toMatch(/2 July 2024/);
  });

  it("makes a bullet list with its lead-in one list paragraph, one item a line, without glyphs", () => {
    const entry = catalogue.find((e) => e.source === "raw/004_cec917600bbff024.txt");
    if (!entry) throw new Error("missing entry");
    const doc = buildSeedArticle(entry, raw(entry.source), "2026-11-23T07:00:00.000Z");
    const list = doc.paragraphs.find((p) => p.text.includes("Speed up patient care"));
    expect(list?.list).toBe(true);
    expect(list?.text).toMatch(
      /can be used to:\nSpeed up patient care\nImprove staff experience\nEnhance operational efficiency$/,
    );
  });
});

describe("cleanCapture on a capture it has never seen", () => {
  const page = [
    "We use cookies to improve your experience. Accept all cookies",
    "Skip to content",
    "Opinion",
    "Trust boards back shared AI triage service",
    "Image: a nurse at a computer",
    "Three trusts in Yorkshire will share one AI triage service from April.",
    "The service will cost £2 million over two years, the trusts said.",
    "Sign up to our free webinar on AI triage",
    "Photo credit: Getty",
    "You may also like",
    "Another story about something else entirely.",
  ].join("\n\n");

  it("removes banner, navigation, labels, credits, promos and everything after the teaser marker", () => {
    const { paragraphs, removed } = cleanCapture(page, { title: "Trust boards back shared AI triage service" });
    expect(paragraphs.map((p) => p.text)).toEqual([
      "Three trusts in Yorkshire will share one AI triage service from April.",
      "The service will cost £2 million over two years, the trusts said.",
    ]);
    expect(removed.map((r) => r.reason)).toContain("cookie banner");
    expect(removed.map((r) => r.reason)).toContain("trailing page chrome");
  });
});

describe("the committed seed library", () => {
  it("matches what the cleaner builds from the raw captures now (run `npm run seeds` after changing it)", () => {
    const built = loadSeedArticles(seeds);
    for (const entry of catalogue) {
      const fresh = buildSeedArticle(entry, raw(entry.source), built[0]?.addedAt ?? "");
      expect(built.find((d) => d.id === entry.id)).toEqual(fresh);
    }
  });

  it("holds only documents that pass the document schema", () => {
    const built = loadSeedArticles(seeds);
    expect(built).toHaveLength(catalogue.length);
    for (const doc of built) expect(() => documentSchema().parse(doc)).not.toThrow();
  });

  it("marks the titles we wrote for pages without a headline as editorial", () => {
    const editorial = loadSeedArticles(seeds).filter((d) => d.titleEditorial);
    expect(editorial.map((d) => d.id).sort()).toEqual([
      "improvewell-nhs-ai-tsar",
      "nhe-i-ai-nhse-collaboration-charter",
    ]);
  });
});
