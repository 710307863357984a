import { describe, expect, it } from "vitest";
import { pickKeySentences } from "../../src/briefings/pick-key-sentences.js";
import { libraryOf, makeDocument, paragraphs } from "../helpers/factories.js";

const keyOf = (title: string, ...texts: string[]) => {
  const library = libraryOf(makeDocument({ id: "doc", title, paragraphs: paragraphs(...texts) }));
  const entry = library.get("doc");
  if (!entry) throw new Error("no entry");
  return pickKeySentences(entry);
};

describe("key sentences", () => {
  it("prefer the sentence that tells the headline's story", () => {
    const key = keyOf(
      "Leeds trust cuts outpatient waits with AI triage",
      "It was a busy week for the board.",
      "Leeds Teaching Hospitals cut outpatient waits by a fifth after introducing AI triage in March.",
      "The weather was mild.",
    );
    expect(key.text).toMatch(/^Leeds Teaching Hospitals cut outpatient waits/);
  });

  it("avoid sentences that lean on one the reader has not seen", () => {
    const key = keyOf(
      "Funding for digital records",
      "But this funding for digital records will not cover every trust in the region.",
      "The Department of Health has set aside funding for digital records in 40 trusts.",
    );
    expect(key.text.startsWith("The Department of Health")).toBe(true);
    expect(key.text).not.toMatch(/^But/);
  });

  it("give one or two sentences in document order, never over 60 words", () => {
    const key = keyOf(
      "AI scheduling pilot",
      "An AI scheduling pilot will run in five trusts from January.",
      "The AI scheduling pilot is expected to free up 2,000 clinic hours a year.",
      "Staff will be trained before the AI scheduling pilot starts.",
    );
    expect(key.passages.length).toBeGreaterThanOrEqual(1);
    expect(key.passages.length).toBeLessThanOrEqual(2);
    expect(key.passages.map((p) => p.id)).toEqual([...key.passages.map((p) => p.id)].sort((a, b) => a - b));
    expect(key.text.split(/\s+/).length).toBeLessThanOrEqual(60);
  });

  it("never choose a heading", () => {
    const key = keyOf(
      "Cyber security",
      "# Cyber security in the NHS",
      "Trusts must patch their systems within 14 days.",
    );
    expect(key.text).toBe("Trusts must patch their systems within 14 days.");
  });
});
