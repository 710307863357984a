/**
 * What "summarise <story>" gives, over articles written for these tests: the story's lead and the
 * sentences that carry its facts (sums, counts) or what the user asked about, at most three,
 * each quoted verbatim and cited.
 */

import { describe, expect, it } from "vitest";
import { BriefingService } from "../../src/briefing-service.js";
import { parseCommand } from "../../src/commands/parse-command.js";
import { verbatimQuote } from "../../src/conversation/article-passages.js";
import { plainRuns, type Reply } from "../../src/reply.js";
import { FIXED_NOW, libraryOf, makeDocument, paragraphs } from "../helpers/factories.js";

const DEAL = [
  "Lakeside Health has signed a ten-year imaging partnership with Brightscan to modernise regional services.",
  "The imaging partnership is part of a wider plan to modernise services across the region.",
  "Board members discussed the plan over several meetings in the spring.",
  "The £80 million deal will replace 120 scanners across five hospitals.",
  "Patients have welcomed the news, according to a local charity.",
  "Staff will be trained on the new equipment over the summer.",
];

const OPINION = [
  "Ambient voice tools are spreading quickly through outpatient clinics.",
  "They listen to consultations and draft the clinical note.",
  "Clinicians say the tools save typing and let them look at the patient.",
  "Suppliers are keen to sell into other settings.",
  "Robust evidence on what the tools deliver for patients is thin so far.",
  "Several trusts have bought licences for all of their clinics.",
];

const ARGUMENT = [
  "Several integrated care systems now reorder their waiting lists by the deprivation of where patients live.",
  "The aim is to close gaps in how long different groups wait.",
  "Boards have backed the work in most areas.",
  "Nevertheless, there are hazards in the methods being used and in how quickly they are spreading.",
  "Some systems weight age and ethnicity as well as deprivation.",
];

const library = libraryOf(
  makeDocument({
    id: "deal",
    title: "Lakeside Health signs imaging partnership to modernise regional services",
    paragraphs: paragraphs(...DEAL),
  }),
  makeDocument({
    id: "opinion",
    title: "Ambient voice tools spread through clinics",
    publisher: null,
    paragraphs: paragraphs(...OPINION),
  }),
  makeDocument({
    id: "argument",
    title: "Reordering waiting lists by deprivation",
    publisher: null,
    paragraphs: paragraphs(...ARGUMENT),
  }),
  makeDocument({
    id: "aims",
    title: "Coastal trust sets out its digital aims",
    paragraphs: [
      { text: "Coastal Hospitals has published its digital strategy for the next five years.", heading: false },
      {
        text: "The strategy sets three aims:\nFaster diagnosis for every patient\nFewer missed appointments across the trust\nLess paperwork for ward staff",
        heading: false,
        list: true,
      },
    ],
  }),
);

async function summarise(words: string): Promise<Reply> {
  return new BriefingService(library).handle(parseCommand(words), { now: FIXED_NOW });
}

function bullets(reply: Reply): string[] {
  return reply.sections.flatMap((s) =>
    s.blocks.flatMap((b) => (b.type === "bullets" ? b.items.map((i) => plainRuns(i.runs)) : [])),
  );
}

describe("summaries", () => {
  it("quote the story's sums and counts, not only its opening, in at most three verbatim sentences", async () => {
    const reply = await summarise("summarise the Lakeside imaging deal");
    const quoted = bullets(reply);
    expect(quoted).toContain("The £80 million deal will replace 120 scanners across five hospitals.");
    expect(quoted.length).toBeLessThanOrEqual(3);
    for (const sentence of quoted) expect(DEAL).toContain(sentence);
    expect(reply.citations.map((c) => c.documentId)).toEqual(["deal"]);
  });

  it("lean towards what the user called the story by", async () => {
    const quoted = bullets(await summarise("summarise the blog on the evidence for ambient voice tools"));
    expect(quoted).toContain("Robust evidence on what the tools deliver for patients is thin so far.");
    for (const sentence of quoted) expect(OPINION).toContain(sentence);
  });

  it("quote the turn an opinion piece takes from its opening to its argument", async () => {
    const quoted = bullets(await summarise("summarise the waiting lists deprivation piece"));
    expect(quoted).toContain(
      "Nevertheless, there are hazards in the methods being used and in how quickly they are spreading.",
    );
    for (const sentence of quoted) expect(ARGUMENT).toContain(sentence);
  });

  it("never join two list items as if they were one sentence in a quote", () => {
    const entry = library.get("aims");
    const items = entry?.passages.filter((p) => p.paragraph === 1) ?? [];
    expect(items.length).toBeGreaterThanOrEqual(3);
    const quote = verbatimQuote(items);
    // The items are lines apart in the text (a bullet between them): a gap, marked "…".
    expect(quote).not.toMatch(/patient Fewer|trust Less/);
    const text = entry?.document.paragraphs.map((p) => p.text).join("\n") ?? "";
    for (const part of quote.split(" … ")) expect(text).toContain(part);
  });
});
