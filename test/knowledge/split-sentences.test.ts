import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/knowledge/split-sentences.js";

describe("splitSentences", () => {
  it("splits news copy into sentences that are exact slices of the paragraph", () => {
    const paragraph =
      "The money will help. Success will hinge on “sustainable funding”, according to Hartley. It ends here!";
    const spans = splitSentences(paragraph);
    expect(spans.map((s) => s.text)).toEqual([
      "The money will help.",
      "Success will hinge on “sustainable funding”, according to Hartley.",
      "It ends here!",
    ]);
    for (const s of spans) expect(paragraph.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });

  it("keeps a list number with its heading", () => {
    expect(splitSentences("2. Fund the change, not just the tech").map((s) => s.text)).toEqual([
      "2. Fund the change, not just the tech",
    ]);
  });

  it("does not split after a title abbreviation", () => {
    expect(splitSentences("We spoke to Dr. Smith about it. Then we left.").map((s) => s.text)).toEqual([
      "We spoke to Dr. Smith about it.",
      "Then we left.",
    ]);
  });

  it("makes a list paragraph's lead-in and each item a sentence of its own, so none quotes a glyph or two lines", () => {
    const list = "Experts will find ways to:\nSpeed up patient care\nImprove staff experience";
    expect(splitSentences(list).map((s) => s.text)).toEqual([
      "Experts will find ways to:",
      "Speed up patient care",
      "Improve staff experience",
    ]);
  });
});
