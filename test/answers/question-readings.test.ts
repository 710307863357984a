/**
 * How questions are read, seen through the answers they get: the kind of answer a wording asks for
 * decides which sentence answers. Made-up articles.
 */
import { describe, expect, it } from "vitest";
import { analyseQuestion } from "../../src/answers/analyse-question.js";
import { answerFrom, answerQuestion } from "../../src/answers/answer-question.js";
import { rankSpans } from "../../src/answers/rank-passages.js";
import { libraryOf, makeDocument, onDay, paragraphs } from "../helpers/factories.js";

const stroke = makeDocument({
  id: "stroke",
  title: "Stroke imaging software rolled out across the Westmoor network",
  publisher: "Test Health News",
  published: onDay("2026-09-14"),
  paragraphs: paragraphs(
    "Hospitals in the Westmoor stroke network have used imaging software to read brain scans since spring.",
    "Thrombectomy rates rose by 12% at the hospitals using the software, the network said.",
    "The scheme was previously called the Rapid Scan Pilot before it was renamed Westmoor Imaging.",
    "The network's new digital director will be paid a salary of £98,000 a year.",
    "The network spent £1.2m setting up its imaging hub in Calderbridge.",
  ),
});
const summit = makeDocument({
  id: "summit",
  title: "Regional digital summit to be held in Calderbridge",
  publisher: "Test Health News",
  published: onDay("2026-09-20"),
  paragraphs: paragraphs(
    "The regional digital summit will be held at Calderbridge Hall on 14 October 2026.",
    "The network's board met just before the summit was announced.",
  ),
});
const records = makeDocument({
  id: "records",
  title: "Online records offered by more Eastvale GP practices",
  publisher: "Test Health News",
  published: onDay("2026-09-22"),
  paragraphs: paragraphs(
    "Eastvale's 240 GP practices have been asked to give patients online access to their records.",
    "Four in five practices in Eastvale now offer the records online, up from half last year.",
    "The 96-page Eastvale records review was published by the practices' federation in 2025.",
    "The vast majority of Eastvale practices have joined the federation's app.",
    "Across the federation, 2,000 patients asked for their records and over 3m record views followed.",
  ),
});
const rules = makeDocument({
  id: "rules",
  title: "Northmoor data rules and the federation survey",
  publisher: "Test Health News",
  published: onDay("2026-09-25"),
  paragraphs: paragraphs(
    "The regional board drafted new data rules for Northmoor in March 2024.",
    "The Northmoor data-sharing rules started to apply on 1 June 2025 after a consultation.",
    "People in Northmoor made 40,000 calls to the federation's helpline last winter.",
    "The federation surveyed 1,200 respondents about its helpline.",
  ),
});
const library = libraryOf(stroke, summit, records, rules);

/** A made-up news article of one-sentence paragraphs. */
function article(id: string, title: string, day: string, ...sentences: string[]) {
  return makeDocument({
    id,
    title,
    publisher: "Test Health News",
    published: onDay(day),
    paragraphs: paragraphs(...sentences),
  });
}
const ask = (question: string) => answerQuestion(library, question);

describe("the kind of answer a wording asks for", () => {
  it("'how much did rates go up' is answered by a rate, not a sum of money", () => {
    expect(ask("How much did thrombectomy rates go up at the Westmoor hospitals?").answer).toMatch(/12%/);
  });

  it("'what salary…' asks for a sum", () => {
    expect(ask("What salary will the network's new digital director get?").answer).toMatch(/£98,000/);
  });

  it("'what did X spend…' asks for a sum", () => {
    expect(ask("What did the network spend setting up its imaging hub?").answer).toMatch(/£1\.2m/);
  });

  it("'on what dates…' wants a calendar date, not 'just before'", () => {
    const a = ask("On what dates is the regional digital summit taking place?");
    expect(a.answer).toMatch(/14 October 2026/);
  });

  it("'what proportion / share of…' asks for a percentage or fraction, not a count", () => {
    expect(ask("What proportion of Eastvale GP practices give patients online access to records?").answer).toMatch(
      /Four in five/,
    );
    expect(ask("In Eastvale, what share of practices offer records online?").answer).toMatch(/Four in five/);
    expect(ask("What share of Eastvale practices have joined the federation's app?").answer).toMatch(/vast majority/);
  });

  it("'how many' is answered by a count joined to its noun ('96-page') or written short ('3m')", () => {
    expect(ask("How many pages is the Eastvale records review?").answer).toMatch(/96-page/);
    expect(ask("How many record views were there across the Eastvale federation?").answer).toMatch(/3m record views/);
  });

  it("words people use for the article's ('kick in' for 'start', people for respondents)", () => {
    expect(ask("When did the Northmoor data-sharing rules kick in?").answer).toMatch(/1 June 2025/);
    expect(ask("How many people did the Northmoor federation survey?").answer).toMatch(/1,200 respondents/);
  });

  it("'what was X called before' asks for a name, not X's words", () => {
    const a = ask("What was the Westmoor Imaging scheme called before?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/Rapid Scan Pilot/);
  });
});

describe("the thing a question asks the value of", () => {
  it("'what was X's budget…' is declined by an article that tells of X but states no budget", () => {
    const a = ask("What was the Eastvale federation's budget for its records app?");
    expect(a.abstained).toBe(true);
    expect(a.citations).toEqual([]);
  });

  it("…and answered by the sentence that states it", () => {
    expect(ask("What is the Westmoor network's new digital director's salary?").answer).toMatch(/£98,000/);
  });
});

describe("answers that lean on the sentence beside them", () => {
  const fund = article(
    "fund",
    "Westmoor trusts share a fund for chest X-ray software",
    "2026-09-27",
    "The £4m fund will be shared between 23 trusts across the Westmoor region and will reach every district from the coast to the hills, the regional board said on Tuesday after months of talks with local leaders.",
    "The money will help those trusts buy software that reads chest X-rays and flags urgent cases to radiologists within minutes of a scan being taken, cutting waits for patients across the region.",
  );
  const lib = libraryOf(fund, stroke);

  it("a long pair is quoted whole when only the first sentence holds the count asked for", () => {
    const question = analyseQuestion("How many trusts will the money help buy chest X-ray software?");
    const pair = rankSpans(lib, question).find((r) => r.span.passages.length === 2);
    expect(pair?.span.main.text).toMatch(/^The money will help/);
    const { answer } = answerFrom(lib, question, pair as NonNullable<typeof pair>);
    expect(answer).toMatch(/23 trusts/);
    expect(answer).toMatch(/The money will help/);
  });

  it("'over the next few years' is no answer to 'when'", () => {
    const later = article(
      "later",
      "Westmoor plans new scanners",
      "2026-09-28",
      "Westmoor's stroke network will replace its scanners over the next few years, the network said.",
    );
    const a = answerQuestion(libraryOf(later, stroke), "When will the Westmoor network replace its scanners?");
    expect(a.abstained).toBe(true);
  });
});
