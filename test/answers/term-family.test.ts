import { describe, expect, it } from "vitest";
import { familyIds } from "../../src/answers/word-family.js";
import { SearchIndex } from "../../src/knowledge/search-index.js";

/** The family rule, word against word: one stem, six letters or more, starts the other, at most three letters apart. */
function sameFamily(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 6 && long.length - short.length <= 3 && long.startsWith(short);
}

/** What `familyIds` must give: every vocabulary word of the family, looked for one by one. */
function familyByHand(index: SearchIndex, term: string): string[] {
  return index.terms.filter((word) => sameFamily(term, word)).sort();
}

const words = (index: SearchIndex, ids: readonly number[]) => ids.map((id) => index.term(id)).sort();

describe("words of one family, found once per question", () => {
  it("finds the longer and shorter words of the family the library uses, and no others", () => {
    const index = new SearchIndex();
    index.add(["diagnos", "diagnosi", "diagnost", "diagnosticsxyz", "diagram", "patient"]);
    index.add(["diag", "diagnosed", "radiologi"]);
    expect(words(index, familyIds(index, "diagnos"))).toEqual(["diagnos", "diagnosed", "diagnosi", "diagnost"]);
    expect(words(index, familyIds(index, "diagnosi"))).toEqual(["diagnos", "diagnosi"]);
    // Too short to have a family: five letters.
    expect(familyIds(index, "diagn")).toEqual([]);
    for (const term of ["diagnos", "diagnosi", "diagnosed", "radiologist", "patients", "diagramm"])
      expect(words(index, familyIds(index, term))).toEqual(familyByHand(index, term));
  });

  it("sees words the library learns after its vocabulary was first sorted", () => {
    const index = new SearchIndex();
    index.add(["radiologi", "scanner"]);
    expect(words(index, familyIds(index, "radiolog"))).toEqual(["radiologi"]);
    index.add(["radiologist", "radiolog", "scanners"]);
    index.add(["aardvark", "radiologists"]);
    expect(words(index, familyIds(index, "radiolog"))).toEqual(["radiolog", "radiologi", "radiologist"]);
    for (const term of ["radiolog", "radiologi", "scanner", "radiologists", "aardvarks"])
      expect(words(index, familyIds(index, term))).toEqual(familyByHand(index, term));
  });
});
