/**
 * Writers found by what a name is (a name list and shape) and the cue around it, on real published
 * pages captured with their chrome: forms no byline wording rule listed, and pages where a name
 * near the top is a quoted speaker, an interviewee, a caption, a team or a feature label and must
 * not become an author. Captures and truth: test/fixtures/corpus (articles-*.json).
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readHtmlPage } from "../../src/ingest/read-html.js";
import { readTextCapture } from "../../src/ingest/read-text.js";
import { nameLikeness, scoredWriters } from "../../src/knowledge/scored-writers.js";
import { ROOT } from "../helpers/factories.js";

const CORPUS = join(ROOT, "test", "fixtures", "corpus");

interface ArticleRecord {
  file: string;
  url: string | null;
  truth: { authors: string[]; publisher: string | null };
}

const RECORDS = new Map(
  readdirSync(CORPUS)
    .filter((f) => /^articles-[a-z]+\.json$/.test(f))
    .flatMap((name) =>
      (JSON.parse(readFileSync(join(CORPUS, name), "utf8")) as { articles: ArticleRecord[] }).articles.map(
        (a) => [a.file, a] as const,
      ),
    ),
);

function read(file: string) {
  const record = RECORDS.get(file);
  if (!record) throw new Error(`no record for ${file}`);
  const result = readTextCapture(readFileSync(join(CORPUS, "captures", file), "utf8"), { url: record.url });
  if (!result.ok) throw new Error(result.reason);
  return { value: result.value, truth: record.truth, body: result.value.paragraphs.map((p) => p.text).join("\n") };
}

describe("a writer is a likely name with a byline cue", () => {
  it.each([
    ["s-belfasttelegraph-online-doctor.txt", "'…? X looks at the pros and cons' in the standfirst"],
    ["s-prweek-anti-data.txt", "'…, argues X' closing a line"],
    ["s-ethicalhealthcare-nhs-cio.txt", "'Our Partnerships Director, X, sets out …'"],
    ["s-healthawareness-ai-vision.txt", "a name line over a role line, opening the capture"],
    ["s-bmjleader-going-digital.txt", "a numbered name over its affiliation, and 'Correspondence to Dr X'"],
    [
      "s-bmj-online-consulting.txt",
      "a journal's numbered names with roles; 'M X' in the correspondence line is no extra writer",
    ],
  ])("%s: %s", (file) => {
    const { value, truth } = read(file);
    expect(value.authors).toEqual(truth.authors);
  });

  it("takes the credit lines out of the quotable body", () => {
    const { body } = read("s-healthawareness-ai-vision.txt");
    expect(body).not.toMatch(/^Andrew Davies$/m);
  });

  it("scores names the list knows above phrases it does not", () => {
    expect(nameLikeness("Lisa Salmon")).toBe(2);
    expect(nameLikeness("Dr Sam Barclay")).toBe(2);
    expect(nameLikeness("Transformation Directorate")).toBe(0);
    expect(nameLikeness("Referral Management")).toBe(0);
    expect(nameLikeness("NHS England")).toBe(0);
  });

  it("never takes a name with no cue, nor anyone a line quotes", () => {
    expect(scoredWriters(["Lisa Salmon"]).authors).toEqual([]);
    expect(scoredWriters(["“It works,” says Paul Jones, chief digital officer at Leeds."]).authors).toEqual([]);
    expect(scoredWriters(["Paul Jones said the roll-out would finish in May."]).authors).toEqual([]);
    expect(scoredWriters(["New system goes live, by Jane Smith"]).authors).toEqual([]);
    expect(scoredWriters(["New system goes live. By Jane Smith"]).authors).toEqual(["Jane Smith"]);
  });
});

describe("a name near the top that is no writer", () => {
  it.each([
    ["s-miphealth-trust-ai.txt", "a speaker quoted with 'says X, role' beside the real writer"],
    ["a-nhse-it-leaders-cw.txt", "'X, currently CIO at …, will become …' (news about a person)"],
    ["c-pathology-ai-50m-computerweekly.txt", "'X, national pathology' wrapped under a quote, below the body"],
    ["b-nhsx-tech-enabled-virtual-wards.txt", "an organisation's name alone on the first line"],
    ["d-e18-waiting-list-validation.txt", "a vendor's feature labels ('Referral Management') between short lines"],
    ["s-breastcancer-charity-ai-mammography.txt", "'X Editorial Team · 6 min read' (a team, not a person)"],
    ["s-digitalhealth-cio-interview-chaudry.txt", "an interviewee named with a role in the opening line"],
    [
      "s-wandsgpfed-avt-buzz.txt",
      "'Dr X, GP and Clinical Lead …, recently delivered a webinar' (a case study's subject)",
    ],
    ["s-richardhartley-observer-nhs-data.txt", "a photo credit and a lord named in the first paragraph"],
    ["s-dallaway-nhs-data-trust.txt", "'Reading: title, X, Financial Times' (another writer's piece)"],
  ])("%s: %s", (file) => {
    const { value, truth } = read(file);
    expect(value.authors).toEqual(truth.authors);
  });
});

describe("a known outlet by its address", () => {
  it.each([
    ["d-bevanbrittan-ai-airlock.txt", "a law firm's newsroom"],
    ["c-chelwest-rpa-diginomica.txt", "a tech title whose domain is its name"],
    ["b-hiyh-remote-monitoring-blog.txt", "a health innovation network"],
    ["b-ehhm-virtual-wards-remote-monitoring.txt", "a journal with an abbreviated domain"],
  ])("%s: %s", (file) => {
    const { value, truth } = read(file);
    expect(value.publisher).toBe(truth.publisher);
  });
});

describe("an HTML page with no byline metadata reads its writers the same way", () => {
  it("finds '…, argues X' in the opening paragraphs of a real page rebuilt as HTML", () => {
    const file = "s-prweek-anti-data.txt";
    const [headline = "", ...rest] = readFileSync(join(CORPUS, "captures", file), "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    const html = `<!doctype html><html><head><title>${esc(headline)}</title></head><body><article><h1>${esc(
      headline,
    )}</h1>${rest.map((l) => `<p>${esc(l)}</p>`).join("")}</article></body></html>`;
    const result = readHtmlPage(html, RECORDS.get(file)?.url ?? null);
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.authors).toEqual(["Rachel Royall"]);
  });
});
