/**
 * Round 3 of the answerer (issue #17): "what did X say…" is answered with X's own words, however
 * the article introduces them. A made-up article; every quote is checked to stand verbatim in it.
 */
import { describe, expect, it } from "vitest";
import { normaliseQuote } from "../../scripts/score-questions.js";
import { analyseQuestion } from "../../src/answers/analyse-question.js";
import { answerQuestion } from "../../src/answers/answer-question.js";
import { libraryOf, makeDocument, onDay, paragraphs } from "../helpers/factories.js";
import { quoteIn } from "../helpers/seed-captures.js";

const newsletter = makeDocument({
  id: "newsletter",
  title: "GPs ask for a clear date before the records extraction begins",
  published: onDay("2026-06-03"),
  paragraphs: paragraphs(
    "Family doctors have raised concerns about the timetable for the national records extraction, due to start in 2024.",
    "Dr Odile Brannagh has led the committee's work on patients opting out of the extraction since 2019.",
    "The committee's latest bulletin quoted its digital lead Dr Odile Brannagh as saying: ‘Patients need a firm date by which they can opt out, with letters sent to every household.’",
    "The committee also warned of the extra workload for practices in the weeks before the start.",
  ),
});

const library = libraryOf(newsletter);
const paragraphText = (doc: typeof newsletter) => normaliseQuote(doc.paragraphs.map((p) => p.text).join(" "));

describe("what did X say", () => {
  it("the speaker's words win over a sentence that names them only", () => {
    const a = answerQuestion(library, "what did Odile Brannagh say about the extraction?");
    expect(a.citations[0]?.quote).toMatch(/Patients need a firm date/);
  });

  it("takes 'quoted X as saying: ‘…’' as X's own words", () => {
    const a = answerQuestion(library, "what did Odile Brannagh say patients need on opting out of the extraction");
    expect(a.abstained).toBe(false);
    expect(a.citations[0]?.quote).toMatch(/firm date/);
    expect(quoteIn(a.citations[0]?.quote ?? "", paragraphText(newsletter))).toBe(true);
  });

  it("'what did X say the NHS shouldn't spend the money on' asks for X's words, not a sum", () => {
    expect(analyseQuestion("what did Odile Brannagh say the NHS shouldn't spend the money on").kind).not.toBe(
      "how_much",
    );
    expect(analyseQuestion("what did the trust spend on the new system").kind).toBe("how_much");
  });
});
