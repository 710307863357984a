/**
 * Text captures read like a person reads them, on real published pages captured with their chrome
 * (test/fixtures/corpus/captures, from the corpus writers' train and validation splits): the
 * headline is the line the body is about, bylines and credit lines become authors and leave the
 * body, the publisher is what the capture shows (or the site), the date is the capture's dateline
 * (or the URL's), lists lose their glyphs, and hard-wrapped text is re-flowed, not refused.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTextCapture } from "../../src/ingest/read-text.js";
import { splitSentences } from "../../src/knowledge/split-sentences.js";
import { ROOT } from "../helpers/factories.js";

const CAPTURES = join(ROOT, "test", "fixtures", "corpus", "captures");

interface Truth {
  file: string;
  url: string;
  headline: string | null;
  authors: string[];
  publisher: string;
  published: string | null;
}

/** Hand-recorded by the corpus writers; the publisher of the last is the site, as the page names none. */
const TRUTH: Truth[] = [
  {
    file: "a-palantir-25m-transition.txt",
    url: "https://marco.health/palantir-secures-25m-nhs-federated-data-platform-transition-deal",
    headline: "Palantir secures £25m NHS Federated Data Platform transition deal",
    authors: ["Dale Peters"],
    publisher: "TechMarketView",
    published: null,
  },
  {
    file: "a-dr-chatgpt-kingsfund-dh.txt",
    url: "https://www.digitalhealth.net/?p=256405",
    headline: "Move over Dr Google: the inevitable rise of Dr ChatGPT",
    authors: ["Pritesh Mistry"],
    publisher: "Digital Health",
    published: "2026-01-26",
  },
  {
    file: "a-nhsconfed-frontline-digitisation.txt",
    url: "https://nhsconfed.org/publications/frontline-digitisation",
    headline: "Frontline digitisation: creating the conditions for a digital NHS",
    authors: ["Lucy Knight", "Shehar Bano", "Rezina Hakim", "Ruth Lowe"],
    publisher: "NHS Confederation",
    published: "2024-08-06",
  },
  {
    file: "a-dna-ai-ukauthority.txt",
    url: "https://www.ukauthority.com/articles/nhs-england-to-extend-use-of-ai-to-prevent-missed-appointments/",
    headline: "NHS England to extend use of AI to prevent missed appointments",
    authors: ["Mark Say"],
    publisher: "UKAuthority",
    published: null,
  },
  {
    file: "a-edith-trial-londondaily.txt",
    url: "https://londondaily.com/nhs-initiates-largest-ai-trial-for-breast-cancer-detection",
    headline: "NHS Initiates Largest AI Trial for Breast Cancer Detection",
    authors: [],
    publisher: "London Daily",
    published: null,
  },
  {
    file: "a-fdp-palantir-330m.txt",
    url: "https://www.digitalhealth.net/2023/11/nhs-england-awards-330m-federated-data-platform-contract-to-palantir/",
    headline: null,
    authors: [],
    publisher: "Digital Health",
    published: "2023-11",
  },
  {
    file: "a-wilkinson-nhs-digital-cw.txt",
    url: "https://www.computerweekly.com/news/450416962/Sarah-Wilkinson-to-head-up-NHS-Digital",
    headline: "Sarah Wilkinson to head up NHS Digital",
    authors: [],
    publisher: "Computer Weekly",
    published: null,
  },
  {
    file: "a-tpp-no-shows-dailymail.txt",
    url: "https://www.dailymail.co.uk/money/markets/article-13954425/Software-firm-TPP-develops-AI-tool.html",
    headline: null,
    authors: [],
    publisher: "Daily Mail",
    published: "2024-10-13",
  },
  {
    file: "b-govcomputing-kings-fund-digital-funding.txt",
    url: "http://healthcare.governmentcomputing.com/news/kings-fund-urges-calls-for-definitive-nhs-digital-funding-strategy-5013322",
    headline: "King’s Fund calls for “definitive” NHS digital funding strategy",
    authors: ["Neil Merrett"],
    publisher: "Government Computing",
    published: "2016-09-22",
  },
  {
    file: "b-nuffield-data-opt-out.txt",
    url: "https://www.nuffieldtrust.org.uk/news-item/questions-of-trust-exploring-the-national-data-opt-out-rate",
    headline: "Questions of trust? Exploring the national data opt-out rate",
    authors: ["Rachel Hutchings"],
    publisher: "Nuffield Trust",
    published: "2023-10-27",
  },
  {
    file: "b-ehhm-virtual-wards-remote-monitoring.txt",
    url: "https://www.europeanhhm.com/facilities-operations/how-can-remote-monitoring-and-associated-technology",
    headline: "How Can Remote Monitoring and Associated Technology Enable Virtual Wards to Be Truly Innovative?",
    authors: ["Francesca Markland"],
    publisher: "European Hospital & Healthcare Management",
    published: null,
  },
];

const GLYPH = /^[-•*–·▪►◦]\s|\s•\s/;

function read(truth: Pick<Truth, "file" | "url">) {
  const result = readTextCapture(readFileSync(join(CAPTURES, truth.file), "utf8"), { url: truth.url });
  if (!result.ok) throw new Error(`${truth.file}: ${result.reason}`);
  return result.value;
}

describe("real captures with their chrome", () => {
  for (const truth of TRUTH) {
    it(`${truth.file}: headline, authors, publisher and date as the page shows them`, () => {
      const draft = read(truth);
      expect(draft.title).toBe(truth.headline);
      expect(draft.authors).toEqual(truth.authors);
      expect(draft.publisher).toBe(truth.publisher);
      expect(draft.published?.value ?? null).toBe(truth.published);
    });

    it(`${truth.file}: no byline, credit or list glyph left in a quotable sentence`, () => {
      const draft = read(truth);
      const sentences = draft.paragraphs.flatMap((p) => splitSentences(p.text).map((s) => s.text));
      for (const sentence of sentences) expect(sentence, sentence).not.toMatch(GLYPH);
      for (const author of draft.authors)
        for (const p of draft.paragraphs) expect(p.text.startsWith(author) && p.text.length < 120, p.text).toBe(false);
    });
  }

  it("never takes an image credit, a masthead's date or a caption inside the body for the headline", () => {
    expect(read(TRUTH[6] as Truth).title).not.toMatch(/Fotolia/);
    expect(read(TRUTH[4] as Truth).published).toBeNull(); // "Friday, Jan 23, 2026" above the headline is the site's today
    expect(read(TRUTH[7] as Truth).title).toBeNull(); // "AI win: TPP has developed…" is a caption in the body
  });

  it("makes a bullet list a list paragraph without glyphs", () => {
    const draft = read(TRUTH[2] as Truth);
    const list = draft.paragraphs.find((p) => p.list);
    expect(list?.text).toMatch(/^NHS England’s frontline digitisation programme was introduced in 2021/);
    expect(list?.text).not.toMatch(/•/);
  });
});

describe("hard-wrapped text", () => {
  it("is re-flowed into paragraphs, not refused, and reads the same", () => {
    const truth = TRUTH[3] as Truth;
    const original = readFileSync(join(CAPTURES, truth.file), "utf8");
    // The same capture as a fixed-width copy: every line broken at 70 characters, inside sentences.
    const wrapped = original
      .split("\n")
      .map((line) => line.replace(/(.{1,70})(\s+|$)/g, "$1\n").trimEnd())
      .join("\n");
    expect(wrapped.split("\n").length).toBeGreaterThan(original.split("\n").length * 1.5);
    const result = readTextCapture(wrapped, { url: truth.url });
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.title).toBe(truth.headline);
    const words = (ps: { text: string }[]) =>
      ps
        .map((p) => p.text)
        .join(" ")
        .split(/\s+/).length;
    expect(words(result.value.paragraphs)).toBeGreaterThan(words(read(truth).paragraphs) * 0.95);
    // Sentences come back whole, as prose, not as a pile of short "heading" lines.
    const sentence =
      "It said that, following a successful pilot at Mid Suffolk and South Essex NHS Foundation Trust, it plans to deploy the technology at 10 more trusts.";
    expect(original).toContain(sentence);
    expect(result.value.paragraphs.find((p) => p.text.includes(sentence))?.heading).toBe(false);
    const headings = (ps: { heading: boolean }[]) => ps.filter((p) => p.heading).length;
    expect(headings(result.value.paragraphs)).toBeLessThanOrEqual(headings(read(truth).paragraphs) + 2);
  });
});

describe("chrome of the kinds the issue reports", () => {
  // A capture in the shape of a trade site's page (our own words): survey banner, search box
  // label, "Written by :" byline, a US-dollar sum and a category image placeholder.
  const capture = [
    "Download Our Readers Survey Result 2026",
    "Search the website",
    "Northfield Trust Signs $41.5 Mn Contract for Shared Care Records",
    "Written by : Asha Verma",
    "March 4, 2026",
    "Category Img",
    "Northfield Trust has signed a $41.5 million contract for a shared care record that will join up hospital, community and GP data for 600,000 people.",
    "The trust said the record would let clinicians see test results and medicines from every setting, and would be live in all its hospitals by the end of the year.",
    "Staff will be trained in small groups over the summer, the trust's chief nursing information officer said.",
  ].join("\n\n");

  it("takes the headline the body is about, the byline as the author, and the written date", () => {
    const result = readTextCapture(capture);
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.title).toBe("Northfield Trust Signs $41.5 Mn Contract for Shared Care Records");
    expect(result.value.authors).toEqual(["Asha Verma"]);
    expect(result.value.published).toEqual({ value: "2026-03-04", precision: "day" });
    const body = result.value.paragraphs.map((p) => p.text).join("\n");
    expect(body).not.toMatch(/Survey|Search the website|Written by|Category Img/);
  });
});

describe("datelines and page furniture in other common shapes", () => {
  const capture = [
    "top of page",
    "Published: March 27, 2026. The Westvale Chronicle Desk. Independent news for the region.",
    "Trust Trials AI Assistant to Draft Discharge Summaries",
    "  • 3 days ago",
    "  • 3 min read",
    "Westvale NHS Foundation Trust is trialling an AI assistant that drafts discharge summaries from a patient's record for a doctor to check and sign.",
    "The trust said patients currently wait hours for summaries to be written by hand, which delays their discharge and ties up beds.",
    "Follow Westvale News on Facebook, on X, and on Instagram.",
  ].join("\n\n");

  it("reads a labelled date written out in words, and drops relative dates, reading times and social promos", () => {
    const result = readTextCapture(capture);
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.title).toBe("Trust Trials AI Assistant to Draft Discharge Summaries");
    expect(result.value.published).toEqual({ value: "2026-03-27", precision: "day" });
    const body = result.value.paragraphs.map((p) => p.text).join("\n");
    expect(body).not.toMatch(/days ago|min read|Follow Westvale|Published:/);
    expect(body).toMatch(/^The Westvale Chronicle Desk|Westvale NHS Foundation Trust is trialling/m);
  });
});

describe("a report's first page", () => {
  it("takes the names under an Authors heading, one a line, and drops the block and an agency's photo credit", () => {
    const capture = [
      "Briefing",
      "Shared care records: where every region stands",
      "Authors",
      "Amara Okafor",
      "Lewis Pryce",
      "Hannah Roe",
      "A nurse checks a record on a tablet. - © AFP",
      "Every integrated care system in England now has a shared care record, but how much clinicians use them varies widely between regions.",
      "The briefing finds that records are viewed most where they are built into the systems staff already use, not opened in a separate window.",
    ].join("\n");
    const result = readTextCapture(capture);
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.title).toBe("Shared care records: where every region stands");
    expect(result.value.authors).toEqual(["Amara Okafor", "Lewis Pryce", "Hannah Roe"]);
    const body = result.value.paragraphs.map((p) => p.text).join("\n");
    expect(body).not.toMatch(/Authors|Amara Okafor|AFP/);
  });
});

describe("a capture read without its address", () => {
  it("names the publisher from what the page shows: a banner under the headline, a feed author's e-mail", () => {
    const read = (file: string) => readTextCapture(readFileSync(join(CAPTURES, file), "utf8"));
    const ukauthority = read("a-dna-ai-ukauthority.txt");
    const techmarketview = read("a-palantir-25m-transition.txt");
    expect(ukauthority.ok && ukauthority.value.publisher).toBe("UKAuthority");
    expect(techmarketview.ok && techmarketview.value.publisher).toBe("TechMarketView");
  });
});
