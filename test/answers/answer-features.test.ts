/**
 * What the answerer does beyond finding a sentence: article details, a speaker's own words,
 * sentences that refer back, abbreviations and paraphrase, focused quotes, lists, and a decline
 * that says what is closest. Synthetic articles keep each behaviour's cause plain; every quote is
 * checked to stand verbatim in its source.
 */

import { describe, expect, it } from "vitest";
import { normaliseQuote } from "../../scripts/score-questions.js";
import { answerQuestion } from "../../src/answers/answer-question.js";
import { MAX_QUOTE } from "../../src/answers/shape-quote.js";
import { libraryOf, makeDocument, paragraphs, seedLibrary } from "../helpers/factories.js";
import { inSomeSeed, quoteIn } from "../helpers/seed-captures.js";

const seeds = seedLibrary();
/** Every cited quote is verbatim in the document's own paragraphs. */
function verbatimIn(text: string, quote: string): boolean {
  return quoteIn(quote, normaliseQuote(text));
}

describe("questions about the article itself", () => {
  it("who wrote it: the authors, cited with the headline", () => {
    const a = answerQuestion(seeds, "Who wrote the Health Foundation piece on tech and AI for the new government?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/Tim Horton and Malte Gerhold/);
    expect(a.citations[0]?.documentId).toBe("health-foundation-tech-ai-new-government");
    expect(inSomeSeed(a.citations[0]?.quote ?? "")).toBe(true);
  });

  it("when was it published: the date at the precision the page gives", () => {
    const a = answerQuestion(seeds, "When was the article calling for an NHS AI tsar published?");
    expect(a.answer).toMatch(/published in 2023/);
  });

  it("who published it", () => {
    expect(answerQuestion(seeds, "Which outlet ran the story on the i.AI collaboration charter?").answer).toMatch(
      /National Health Executive/,
    );
  });

  it("a detail the library does not hold is said plainly, not guessed", () => {
    const a = answerQuestion(seeds, "When was the NHSX national AI strategy article published?");
    expect(a.abstained).toBe(true);
    expect(a.citations).toEqual([]);
    expect(a.answer).toMatch(/no publication date/);
  });
});

describe("what did X say", () => {
  it("answers with the speaker's own reported words, not the sentence introducing them", () => {
    const a = answerQuestion(seeds, "What does Sir Julian Hartley say success will depend on?");
    expect(a.citations[0]?.quote).toMatch(/sustainable funding/);
  });

  it("finds the quotation in the sentence after the one that names the speaker", () => {
    const doc = makeDocument({
      id: "q",
      paragraphs: paragraphs(
        "Regional trusts met on Tuesday to discuss shared procurement of imaging software.",
        "Dr Priya Nandakumar, the network's clinical lead, spoke at the close of the meeting.",
        "“Buying together will cut the time to deploy a new reporting tool from two years to six months,” she said.",
      ),
    });
    const a = answerQuestion(libraryOf(doc), "What did Priya Nandakumar say about buying together?");
    expect(a.citations[0]?.quote).toMatch(/six months/);
  });
});

describe("sentences that refer back", () => {
  const doc = makeDocument({
    id: "d",
    paragraphs: paragraphs(
      "Northgate Vision is a Sheffield start-up that builds retinal screening software.",
      "The company was set up in 2019 by two ophthalmologists. It now screens patients in 14 trusts.",
    ),
  });
  const library = libraryOf(doc);

  it("answer for the subject they point back to, quoted verbatim", () => {
    const a = answerQuestion(library, "How many trusts use Northgate Vision's software?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/14 trusts/);
    for (const c of a.citations) expect(verbatimIn(doc.paragraphs.map((p) => p.text).join(" "), c.quote)).toBe(true);
  });

  it("take a phrasal verb in other words: 'set up' is 'founded'", () => {
    const a = answerQuestion(library, "When was Northgate Vision founded?");
    expect(a.answer).toMatch(/2019/);
  });
});

describe("other words than the article's", () => {
  it("abbreviations from the glossary both ways: ICB ↔ integrated care board", () => {
    const doc = makeDocument({
      id: "icb",
      paragraphs: paragraphs("Each integrated care board will receive £2m to buy shared care record software."),
    });
    expect(answerQuestion(libraryOf(doc), "How much will each ICB get?").answer).toMatch(/£2m/);
  });

  it("abbreviations an article defines itself", () => {
    const doc = makeDocument({
      id: "fdp",
      paragraphs: paragraphs(
        "NHS England has chosen a supplier for its Federated Data Platform (FDP).",
        "The FDP contract is worth £330m over seven years.",
      ),
    });
    const a = answerQuestion(libraryOf(doc), "How much is the federated data platform contract worth?");
    expect(a.answer).toMatch(/£330m/);
  });

  it("irregular verbs and synonyms: 'won' finds 'was awarded'", () => {
    const doc = makeDocument({
      id: "won",
      paragraphs: paragraphs("Brightwater Analytics was awarded the contract to run the regional data service."),
    });
    expect(answerQuestion(libraryOf(doc), "Which company won the regional data service contract?").answer).toMatch(
      /Brightwater Analytics/,
    );
  });

  it("filler words are never required", () => {
    expect(
      answerQuestion(seeds, "How much AI funding is actually going to NHS trusts for lung cancer exactly?").answer,
    ).toMatch(/£21m/);
  });
});

describe("focused quotes and lists", () => {
  const long =
    "The programme, which was first announced in the spring and has since been discussed at length by regional leaders, " +
    "clinical networks, patient groups, suppliers and several parliamentary committees, each of which raised concerns " +
    "about procurement, interoperability, training, estates and the pace of delivery across the country, " +
    "will finally be evaluated by the Bristol Institute for Digital Care in a study starting next year.";

  it("a long sentence is quoted from the clause that answers, with '…' where cut", () => {
    const doc = makeDocument({ id: "long", paragraphs: paragraphs(long) });
    const a = answerQuestion(libraryOf(doc), "Who will evaluate the programme?");
    const quote = a.citations[0]?.quote ?? "";
    expect(quote).toMatch(/Bristol Institute for Digital Care/);
    expect(quote.length).toBeLessThanOrEqual(MAX_QUOTE + 4);
    expect(quote).toContain("…");
    expect(verbatimIn(long, quote)).toBe(true);
  });

  it("'in full' keeps the whole sentence", () => {
    const doc = makeDocument({ id: "long", paragraphs: paragraphs(long) });
    const a = answerQuestion(libraryOf(doc), "Quote in full who will evaluate the programme");
    expect(a.citations[0]?.quote).toBe(long);
  });

  it("a list question gets the list's items, item by item", () => {
    const doc = makeDocument({
      id: "list",
      paragraphs: paragraphs(
        "Over two years the virtual ward team achieved the following:",
        "• GP visits avoided: 134",
        "• A&E visits avoided: 30",
        "• Admissions avoided: 58",
      ),
    });
    const a = answerQuestion(libraryOf(doc), "What three results did the virtual ward team achieve?");
    const quote = a.citations[0]?.quote ?? "";
    for (const item of ["134", "30", "58"]) expect(quote).toContain(item);
    expect(quote.split("…").length).toBeGreaterThanOrEqual(4);
  });
});

describe("lists kept one item a line", () => {
  it("quote each line as its own piece, so a bullet the cleaner removed never breaks the quote", () => {
    const raw = "The partners will work on three things:\n- Faster scans\n- Shorter waits\n- Safer records";
    const doc = makeDocument({
      id: "lines",
      paragraphs: paragraphs("The partners will work on three things:\nFaster scans\nShorter waits\nSafer records"),
    });
    const a = answerQuestion(libraryOf(doc), "What three things will the partners work on?");
    const quote = a.citations[0]?.quote ?? "";
    expect(quote).toMatch(/Faster scans/);
    expect(verbatimIn(raw, quote)).toBe(true);
  });
});

describe("lists kept one item a line, running on into the text", () => {
  it("quote as many lines as the lead says there are items, and stop there", () => {
    const text =
      "People may be left out in three main ways:\nBroadband - no or poor access\nHardware - no phone or tablet\nSkills - not knowing how to use it.\nThe survey reached 1,200 residents across the county.";
    const doc = makeDocument({ id: "ways", paragraphs: paragraphs(text) });
    const a = answerQuestion(libraryOf(doc), "What are the three ways people get left out?");
    const quote = a.citations[0]?.quote ?? "";
    for (const item of ["Broadband", "Hardware", "Skills"]) expect(quote).toContain(item);
    expect(quote).not.toMatch(/1,200/);
    expect(verbatimIn(text, quote)).toBe(true);
  });
});

describe("initialisms of names the library writes out", () => {
  const doc = makeDocument({
    id: "review",
    paragraphs: paragraphs(
      "Ashcombe Health Analytics reviewed how regulators assess digital tools.",
      "Nineteen guidance documents were found to include machine learning components.",
    ),
  });

  it("an initialism of a name the article writes out finds it", () => {
    const trust = makeDocument({
      id: "trust",
      paragraphs: paragraphs(
        "Harwood Valley Hospitals went live with its new patient administration system in March.",
        "The switch moved 1.2 million patient records to the new system.",
      ),
    });
    const a = answerQuestion(libraryOf(trust, doc), "How many patient records did HVH move to the new system?");
    expect(a.answer).toMatch(/1\.2 million/);
  });

  it("passes over an abbreviation inside the name: NVFT is North Vale NHS Foundation Trust", () => {
    const trust = makeDocument({
      id: "vale",
      paragraphs: paragraphs("North Vale NHS Foundation Trust moved 38 wards to electronic prescribing this year."),
    });
    const a = answerQuestion(libraryOf(trust, doc), "How many wards did NVFT move to electronic prescribing?");
    expect(a.answer).toMatch(/38 wards/);
  });

  it("an initialism no article spells out still declines, citing nothing", () => {
    const trust = makeDocument({
      id: "trust",
      paragraphs: paragraphs("Harwood Valley Hospitals went live with its new patient administration system in March."),
    });
    const a = answerQuestion(libraryOf(trust, doc), "When did QZT go live with its new patient administration system?");
    expect(a.abstained).toBe(true);
    expect(a.citations).toEqual([]);
  });
});

describe("numbered lists", () => {
  it("'the N priorities' gets the article's numbered headings, item by item", () => {
    const a = answerQuestion(seeds, "What are the five priorities the Health Foundation sets the next government?");
    const quote = a.citations[0]?.quote ?? "";
    for (const n of ["1.", "2.", "3.", "4.", "5."]) expect(quote).toContain(`${n} `);
    expect(inSomeSeed(quote)).toBe(true);
  });
});

describe("declining", () => {
  it("names the closest article held, and still cites nothing", () => {
    const a = answerQuestion(seeds, "Which football team does the NHS AI tsar support?");
    expect(a.abstained).toBe(true);
    expect(a.citations).toEqual([]);
    expect(a.answer).toMatch(/closest I hold is “The NHS needs an AI tsar/);
  });
});
