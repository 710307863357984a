import { describe, expect, it } from "vitest";
import { SearchIndex } from "../../src/knowledge/search-index.js";
import { tokenize } from "../../src/knowledge/text-terms.js";
import { libraryOf, makeDocument, paragraphs } from "../helpers/factories.js";

/** Textbook BM25 (k1 1.2, b 0.75) over the same passages, to check the index's scores against. */
function bm25(corpus: string[][], query: string[]): number[] {
  const avg = corpus.reduce((sum, p) => sum + p.length, 0) / corpus.length;
  return corpus.map((passage) =>
    query.reduce((score, term) => {
      const tf = passage.filter((t) => t === term).length;
      if (tf === 0) return score;
      const df = corpus.filter((p) => p.includes(term)).length;
      const idf = Math.log(1 + (corpus.length - df + 0.5) / (df + 0.5));
      return score + (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * passage.length) / avg));
    }, 0),
  );
}

const CORPUS = [
  ["nhs", "ai", "fund", "trust"],
  ["nhs", "cancer", "scan"],
  ["ai", "ai", "scan", "radiologi", "x-rai", "ct"],
  ["workforc", "train", "staff"],
  ["ai", "cancer", "fund", "lung", "trust", "england", "region", "winter"],
];

function indexOf(corpus: string[][]): SearchIndex {
  const index = new SearchIndex();
  for (const passage of corpus) index.add(passage);
  return index;
}

const plain = (...terms: string[]) => terms.map((term) => ({ term, weight: 1 }));

/** 400 passages where a few words are in most of them, as "NHS" and "AI" are in the news. */
function commonWordCorpus(): string[][] {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
  return Array.from({ length: 400 }, () => {
    const passage = random() < 0.8 ? ["common"] : [];
    if (random() < 0.6) passage.push("frequent");
    for (let i = 0; i < 3 + Math.floor(random() * 6); i++) passage.push(words[Math.floor(random() ** 2 * 60)] ?? "");
    return passage;
  });
}

describe("SearchIndex", () => {
  it("ranks a tiny corpus as textbook BM25 does, with the same scores", () => {
    const index = indexOf(CORPUS);
    const query = ["ai", "cancer"];
    const expected = bm25(CORPUS, query)
      .map((score, passage) => ({ passage, score }))
      .filter((h) => h.score > 0)
      .sort((a, b) => b.score - a.score);
    const hits = index.search(plain(...query), 10);
    expect(hits.map((h) => h.passage)).toEqual(expected.map((h) => h.passage));
    hits.forEach((h, i) => {
      expect(h.score).toBeCloseTo(expected[i]?.score ?? Number.NaN, 12);
    });
    expect(hits[0]?.passage).toBe(4);
    // A term twice in a passage of like length outranks it once.
    expect(index.search(plain("ai"), 1)[0]?.passage).toBe(2);
  });

  it("returns the top k best first, and no passage that holds no query term", () => {
    const index = indexOf(CORPUS);
    const all = index.search(plain("ai", "fund", "scan"), 10);
    expect(all.map((h) => h.passage).sort()).toEqual([0, 1, 2, 4]);
    const top2 = index.search(plain("ai", "fund", "scan"), 2);
    expect(top2).toEqual(all.slice(0, 2));
    for (let i = 1; i < all.length; i++) expect(all[i - 1]?.score).toBeGreaterThanOrEqual(all[i]?.score ?? 0);
    expect(index.search(plain("quantum"), 5)).toEqual([]);
    expect(index.search(plain("ai"), 0)).toEqual([]);
  });

  it("breaks ties by passage number", () => {
    const index = indexOf([
      ["a", "b"],
      ["c", "d"],
      ["a", "b"],
      ["a", "b"],
    ]);
    expect(index.search(plain("a"), 2).map((h) => h.passage)).toEqual([0, 2]);
  });

  it("weights scale a term's share of the score", () => {
    const index = indexOf(CORPUS);
    const full = index.search([{ term: "winter", weight: 1 }], 1)[0]?.score ?? 0;
    const half = index.search([{ term: "winter", weight: 0.5 }], 1)[0]?.score ?? 0;
    expect(half).toBeCloseTo(full / 2, 12);
  });

  it("makes a passage searchable as soon as it is added", () => {
    const index = indexOf(CORPUS);
    expect(index.search(plain("tsar"), 5)).toEqual([]);
    const id = index.add(["nhs", "ai", "tsar"]);
    expect(id).toBe(CORPUS.length);
    expect(index.size).toBe(CORPUS.length + 1);
    expect(index.search(plain("tsar"), 5).map((h) => h.passage)).toEqual([id]);
    // Adding passages changes every score through the average length and idf: still plain BM25.
    const corpus = [...CORPUS, ["nhs", "ai", "tsar"]];
    const hits = index.search(plain("nhs", "ai"), 10);
    const expected = bm25(corpus, ["nhs", "ai"]);
    for (const h of hits) expect(h.score).toBeCloseTo(expected[h.passage] ?? Number.NaN, 12);
  });

  it("counts document frequency once per passage and gives rarer terms a higher idf", () => {
    const index = indexOf(CORPUS);
    expect(index.documentFrequency("ai")).toBe(3);
    expect(index.documentFrequency("lung")).toBe(1);
    expect(index.documentFrequency("quantum")).toBe(0);
    expect(index.idf("ai")).toBeCloseTo(Math.log(1 + (5 - 3 + 0.5) / (3 + 0.5)), 12);
    expect(index.idf("lung")).toBeGreaterThan(index.idf("ai"));
    expect(index.idf("quantum")).toBeGreaterThan(index.idf("lung"));
    expect(index.idf("ai")).toBeGreaterThan(0);
  });

  it("finds the same best passages and scores as textbook BM25 when common words are pruned", () => {
    // A corpus where a few words are in most passages (as "NHS" and "AI" are in the news), so the
    // search stops scoring passages that hold only those: the result must not change.
    const corpus = commonWordCorpus();
    const index = indexOf(corpus);
    for (const query of [
      ["common", "w40"],
      ["common", "frequent", "w55", "w3"],
      ["frequent", "w0", "w59"],
      ["common", "frequent"],
    ]) {
      const expected = bm25(corpus, query)
        .map((score, passage) => ({ passage, score }))
        .filter((h) => h.score > 0)
        .sort((a, b) => b.score - a.score || a.passage - b.passage)
        .slice(0, 5);
      const hits = index.search(plain(...query), 5);
      expect(hits.map((h) => h.passage)).toEqual(expected.map((h) => h.passage));
      hits.forEach((h, i) => {
        expect(h.score).toBeCloseTo(expected[i]?.score ?? Number.NaN, 9);
      });
    }
  });

  it("returns every passage holding a term when asked for all of them, best first, ties by passage number", () => {
    // The article finder asks for every passage that uses a word: hundreds, not the usual 25.
    const corpus = commonWordCorpus();
    const index = indexOf(corpus);
    for (const query of [["common"], ["frequent", "w1"]]) {
      const expected = bm25(corpus, query)
        .map((score, passage) => ({ passage, score }))
        .filter((h) => h.score > 0)
        .sort((a, b) => b.score - a.score || a.passage - b.passage);
      expect(expected.length).toBeGreaterThan(200);
      const hits = index.search(plain(...query), expected.length);
      expect(hits.map((h) => h.passage)).toEqual(expected.map((h) => h.passage));
      // Asked for the best 25 after that, the search gives the same 25.
      expect(index.search(plain(...query), 25)).toEqual(hits.slice(0, 25));
    }
  });

  it("knows each term by one number, shared by add and addTermIds", () => {
    const index = new SearchIndex();
    const ids = ["nhs", "ai", "nhs"].map((t) => index.termId(t));
    expect(ids[0]).toBe(ids[2]);
    expect(index.term(ids[1] ?? -1)).toBe("ai");
    index.addTermIds(Int32Array.from(ids), 0, ids.length);
    index.add(["ai"]);
    expect(index.documentFrequency("nhs")).toBe(1);
    expect(index.documentFrequency("ai")).toBe(2);
    expect(index.search(plain("nhs"), 1)[0]?.passage).toBe(0);
  });
});

describe("Library passages over the shared term store", () => {
  it("read back the terms and word positions the tokenizer gives, in order", () => {
    const texts = [
      "The £21m investment will be ringfenced for 64 trusts across England.",
      "The AI Lab shares the AI Council Roadmap and x-ray tools.",
    ];
    const library = libraryOf(makeDocument({ id: "a", paragraphs: paragraphs(texts.join(" ")) }));
    expect(library.passageCount).toBe(2);
    texts.forEach((text, id) => {
      const passage = library.passage(id);
      const tokens = tokenize(text);
      expect(passage?.text).toBe(text);
      expect(passage?.terms).toEqual(tokens.map((t) => t.term));
      expect(passage?.positions).toEqual(tokens.map((t) => t.position));
    });
  });

  it("index a phrase spelled out under its abbreviation too, at the phrase's position", () => {
    const library = libraryOf(
      makeDocument({
        id: "a",
        paragraphs: paragraphs("The integrated care board bought a Federated Data Platform (FDP)."),
      }),
      makeDocument({ id: "b", paragraphs: paragraphs("Trusts said the federated data platform was slow.") }),
    );
    // "ICB" from the glossary; "FDP" learned from the first article's own definition.
    expect(library.passage(0)?.terms).toContain("icb");
    expect(library.passage(1)?.terms).toContain("fdp");
    const at = library.passage(1)?.terms.indexOf("fdp") ?? -1;
    const federated = tokenize("Trusts said the federated data platform was slow.").find((t) => t.word === "federated");
    expect(library.passage(1)?.positions[at]).toBe(federated?.position);
  });

  it("keeps every passage's terms apart when many are added", () => {
    const docs = Array.from({ length: 30 }, (_, n) =>
      makeDocument({ id: `d${n}`, paragraphs: paragraphs(`Trust ${n} bought scanner number ${n * 7} for radiology.`) }),
    );
    const library = libraryOf(...docs);
    for (let id = 0; id < library.passageCount; id++) {
      const passage = library.passage(id);
      expect(passage?.terms).toEqual(tokenize(passage?.text ?? "").map((t) => t.term));
    }
    expect(library.index.search(plain(String(29 * 7)), 1)[0]?.passage).toBe(29);
  });
});
