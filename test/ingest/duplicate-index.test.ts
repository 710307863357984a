/** Near-identical text is recognised across 2,000 held documents; a different story is not. */

import { expect, it } from "vitest";
import { DuplicateIndex } from "../../src/ingest/duplicate-index.js";
import { resemblance, sketchOf } from "../../src/ingest/fingerprint.js";
import { makeDocument, paragraphs } from "../helpers/factories.js";

const WORDS = "trust digital staff patients money ward nurses records system cancer scans waiting data team plan".split(
  " ",
);

/** A deterministic paragraph of 300 words for document `n`. */
function textFor(n: number): string {
  let x = n * 7919 + 1;
  return Array.from({ length: 300 }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return WORDS[x % WORDS.length];
  }).join(" ");
}

it("finds a lightly edited copy among thousands, and not an unrelated text", () => {
  const index = new DuplicateIndex();
  for (let n = 0; n < 2_000; n++)
    index.add(makeDocument({ id: `held-${n}`, url: `https://a.example/${n}`, paragraphs: paragraphs(textFor(n)) }));
  const original = textFor(1234).split(" ");
  // A syndicated copy: two words changed and a sign-off added.
  original[40] = "Northshire";
  original[90] = "radiology";
  const copy = `${original.join(" ")} This article first appeared elsewhere.`;
  const match = index.find(makeDocument({ id: "copy", url: "https://b.example/copy", paragraphs: paragraphs(copy) }));
  expect(match).toMatchObject({ kind: "same_text", documentId: "held-1234" });
  expect(resemblance(sketchOf(copy), sketchOf(textFor(1234)))).toBeGreaterThan(0.8);

  const other = index.find(
    makeDocument({ id: "new", url: "https://b.example/new", paragraphs: paragraphs(textFor(99_999)) }),
  );
  expect(other).toBeNull();
  expect(index.find(makeDocument({ id: "again", url: "https://a.example/7" }))).toEqual({
    kind: "same_url",
    documentId: "held-7",
  });
});
