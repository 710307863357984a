import { describe, expect, it } from "vitest";
import { analyseQuestion } from "../../src/answers/analyse-question.js";
import { headlineHits } from "../../src/answers/headline-context.js";
import { candidatePassages, queryTerms, rankSpans } from "../../src/answers/rank-passages.js";
import { libraryOf, makeDocument, paragraphs, seedLibrary } from "../helpers/factories.js";

const library = seedLibrary();
const best = (q: string) => rankSpans(library, analyseQuestion(q))[0]?.span.text ?? "";

describe("retrieval", () => {
  it("expands the words people use to the words articles use", () => {
    const terms = queryTerms(library, analyseQuestion("How much cash is going to hospitals?")).map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(["fund", "invest", "trust"]));
    const own = queryTerms(library, analyseQuestion("How much cash?")).find((t) => t.term === "fund");
    expect(own?.weight).toBeLessThan(1); // synonyms count for less than the asker's own words
  });

  it("stems, so 'hosting' finds 'hosted'", () => {
    expect(best("Who is hosting the AI safety summit?")).toMatch(/hosted at Bletchley Park/);
  });

  it("prefers the sentence where the question's words stand together as a phrase", () => {
    expect(best("How can AI help with NHS waiting lists?")).toMatch(/prioritise waiting lists/);
  });

  it("counts a name only when it is held whole", () => {
    // "Health" and "Foundation" both occur elsewhere; only the Health Foundation's article holds the name.
    const top = rankSpans(library, analyseQuestion("What does the Health Foundation say about EHRs?"))[0];
    expect(top?.span.main.document.id).toBe("health-foundation-tech-ai-new-government");
  });

  it("reads a surname as the person the question names in full", () => {
    expect(best("What does Sir Julian Hartley say success will depend on?")).toMatch(/sustainable funding/);
  });

  it("judges a numbered heading together with the section it opens", () => {
    const top = rankSpans(
      library,
      analyseQuestion("What kinds of non-clinical technology does the Health Foundation want prioritised?"),
    )[0];
    expect(top?.span.passages).toHaveLength(2);
    expect(top?.span.text).toMatch(/^1\. Give greater priority.*note taking/s);
  });

  it("scores the kind of answer asked for, without ruling other spans out", () => {
    const ranked = rankSpans(library, analyseQuestion("How many trusts will get the money?"));
    // The best holds a count; spans without one stay in the ranking, marked and scored lower.
    expect(ranked[0]?.span.text).toMatch(/\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b/i);
    const shapeless = ranked.filter((r) => !r.shapeMatch);
    expect(shapeless.length).toBeGreaterThan(0);
    for (const r of shapeless) expect(r.score).toBeLessThan(ranked[0]?.score ?? 0);
  });

  it("does not read 'which government programme…' as a question about a person", () => {
    expect(analyseQuestion("Which government programme funds the AI tools?").kind).toBe("which");
  });

  it("finds a sentence through its article's headline when the sentence names none of the question's words", () => {
    const filler = (n: number) =>
      Array.from({ length: n }, (_, i) => `Trust board paper ${i + 1} covers estates, staffing and winter planning.`);
    const held = libraryOf(
      makeDocument({
        id: "outage",
        title: "Ransomware attack on pathology supplier disrupts London hospitals",
        paragraphs: paragraphs(
          "The supplier posted an advisory on its website.",
          "Two hospitals, St Elsewhere and Riverside General, postponed operations.",
          "Investigators are still working out how long recovery will take.",
        ),
      }),
      // Other articles that repeat the question's words in their sentences, and outrank it on words alone.
      ...Array.from({ length: 30 }, (_, i) =>
        makeDocument({
          id: `other-${i}`,
          title: `Board round-up ${i}`,
          paragraphs: paragraphs(
            `A ransomware attack drill at London hospitals tested pathology cover in exercise ${i}.`,
            ...filler(3),
          ),
        }),
      ),
    );
    const asked = analyseQuestion("Which London hospitals were hit by the pathology ransomware attack?");
    const candidates = [...candidatePassages(held, asked).keys()].map((id) => held.passage(id)?.text);
    expect(candidates).toContain("Two hospitals, St Elsewhere and Riverside General, postponed operations.");
    // A headline that holds only one word of the question offers nothing.
    const oneWord = queryTerms(held, analyseQuestion("Which supplier posted an advisory?"));
    expect(headlineHits(held, oneWord)).toEqual([]);
  });
});
