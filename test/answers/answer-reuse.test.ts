/**
 * The answerer reuses what it can between questions (its drafts, a small library's candidate
 * spans, each date as written): no question's answer may depend on what was asked before it,
 * nor on what the library held when an earlier question was answered.
 */
import { describe, expect, it } from "vitest";
import { analyseQuestion } from "../../src/answers/analyse-question.js";
import { answerQuestion } from "../../src/answers/answer-question.js";
import { rankSpans } from "../../src/answers/rank-passages.js";
import { formatPublished } from "../../src/knowledge/format-date.js";
import { libraryOf, makeDocument, paragraphs, seedLibrary } from "../helpers/factories.js";

const QUESTIONS = [
  "How much AI funding is going to NHS trusts for lung cancer?",
  "Who is hosting the AI safety summit?",
  "What does Sir Julian Hartley say success will depend on?",
  "How many trusts will get the money?",
  "What kinds of non-clinical technology does the Health Foundation want prioritised?",
  "When was the AI Safety Institute set up?",
  "Where is the lasagne being rolled out?",
];

describe("answers that do not depend on what was asked before", () => {
  it("gives each question the same answer in any order, and as a fresh library's first question", () => {
    const library = seedLibrary();
    const forwards = QUESTIONS.map((q) => answerQuestion(library, q));
    const backwards = [...QUESTIONS].reverse().map((q) => answerQuestion(library, q));
    expect(backwards.reverse()).toEqual(forwards);
    for (const [i, q] of QUESTIONS.entries()) expect(answerQuestion(seedLibrary(), q)).toEqual(forwards[i]);
  });

  it("keeps an earlier question's ranking as it was while later questions are ranked", () => {
    const library = seedLibrary();
    const figures = (ranked: ReturnType<typeof rankSpans>) =>
      JSON.stringify(ranked.map((r) => [r.span.text, r.score, r.coverage, r.shapeMatch, r.missing, r.features]));
    const first = rankSpans(library, analyseQuestion(QUESTIONS[0] as string));
    const asRanked = figures(first);
    for (const q of QUESTIONS.slice(1)) rankSpans(library, analyseQuestion(q));
    expect(figures(first)).toBe(asRanked);
  });

  it("answers from a document added after questions were asked, as a library built with it does", () => {
    const older = makeDocument({
      id: "ward-robots",
      title: "Trust trials ward robots",
      paragraphs: paragraphs(
        "# Robots on the wards",
        "Northshire Hospitals has put delivery robots on four wards.",
        "The robots carry medicines between the pharmacy and the wards.",
      ),
    });
    const newer = makeDocument({
      id: "robot-funding",
      title: "Robot scheme funded",
      paragraphs: paragraphs(
        "# Funding",
        "Northshire Hospitals will spend £2m on more ward robots next year.",
        "The money comes from the region's digital fund.",
      ),
    });
    const asked = ["What do the robots carry?", "How much will Northshire Hospitals spend on ward robots?"];
    const growing = libraryOf(older);
    for (const q of asked) answerQuestion(growing, q);
    growing.add(newer);
    const built = libraryOf(older, newer);
    for (const q of asked) expect(answerQuestion(growing, q)).toEqual(answerQuestion(built, q));
    expect(answerQuestion(growing, asked[1] as string).answer).toMatch(/£2m/);
  });
});

it("writes a date corrected by a refresh, not the one written before", () => {
  const doc = makeDocument({ id: "dated", published: { value: "2024-07-02", precision: "day" } });
  expect(formatPublished(doc.published)).toBe("2 July 2024");
  doc.published = { value: "2023-10", precision: "month" };
  expect(formatPublished(doc.published)).toBe("October 2023");
});
