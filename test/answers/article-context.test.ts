/**
 * Round 2 of the answerer (issue #17): a sentence read with what its article is about, sums
 * written without a currency, and list questions in staff's words. Made-up articles; every quote
 * is checked to stand verbatim in its source.
 */
import { describe, expect, it } from "vitest";
import { normaliseQuote } from "../../scripts/score-questions.js";
import { answerQuestion } from "../../src/answers/answer-question.js";
import { libraryOf, makeDocument, onDay, paragraphs } from "../helpers/factories.js";
import { quoteIn } from "../helpers/seed-captures.js";

const brackenfield = makeDocument({
  id: "brackenfield",
  title: "Trust fined after staff spreadsheet left online",
  publisher: "Test Health News",
  published: onDay("2026-05-02"),
  paragraphs: paragraphs(
    "Brackenfield Care Trust has been fined 90,000 by the Information Commissioner's Office.",
    "Brackenfield Care Trust said the breach was caused by an organisational failure.",
    "The document stayed online for 11 weeks before a member of the public spotted it.",
    "Staff at Brackenfield Care Trust have since been retrained in handling personal data.",
  ),
});
const oakhurst = makeDocument({
  id: "oakhurst",
  title: "Council reprimanded over published records",
  publisher: "Test Health News",
  published: onDay("2026-06-10"),
  paragraphs: paragraphs(
    "Oakhurst Council has been reprimanded by the regulator after a list of carers was published by mistake.",
    "The list stayed online for 3 days before it was taken down.",
    "Oakhurst Council said it had reviewed how records are published.",
  ),
});
const scheme = makeDocument({
  id: "scheme",
  title: "Ward digitisation scheme reaches its halfway point",
  publisher: "Test Health News",
  published: onDay("2026-07-01"),
  paragraphs: paragraphs(
    "The £40m ward digitisation scheme has now reached half of the region's hospitals.",
    "Nurses say the new tablets have cut the time spent on handovers.",
  ),
});
const priorities = makeDocument({
  id: "priorities",
  title: "What community care needs from digital",
  publisher: "Test Health News",
  published: onDay("2026-08-01"),
  paragraphs: [
    { text: "Here we set out four priorities for community care leaders adopting digital tools.", heading: false },
    { text: "1. Connect the records community nurses use", heading: true },
    { text: "Nurses still re-type notes between systems that do not talk to each other.", heading: false },
    { text: "2. Fund training, not only devices", heading: true },
    { text: "Devices sit unused where staff have had no time to learn them.", heading: false },
    { text: "3. Measure what patients notice", heading: true },
    { text: "Waiting times and repeat visits say more than log-in counts.", heading: false },
    { text: "4. Share what works between regions", heading: true },
    { text: "Too many pilots end without anyone else hearing about them.", heading: false },
  ],
});
const ravensworth = makeDocument({
  id: "ravensworth",
  title: "Health board hit by ransomware",
  publisher: "Test Health News",
  published: onDay("2026-04-20"),
  paragraphs: paragraphs(
    "Ravensworth Health Board has confirmed that patient data was stolen in a ransomware attack.",
    "Ravensworth Health Board said clinics would run as normal while systems are restored.",
    "Clinics have been working from paper records.",
    "Staff found booking systems locked on 14 March, when the attack began.",
    "Police Scotland is investigating the incident at Ravensworth Health Board.",
  ),
});
const millbrook = makeDocument({
  id: "millbrook",
  title: "Trust restores systems after ransomware",
  publisher: "Test Health News",
  published: onDay("2026-05-20"),
  paragraphs: paragraphs(
    "Millbrook Hospitals Trust has restored its pathology systems after a ransomware attack.",
    "Millbrook Hospitals Trust said no patient data had been taken.",
    "Laboratories have been working from paper records.",
    "Blood test results were delayed from 2 April, when the attack began.",
    "Millbrook Hospitals Trust thanked staff for working on paper in the meantime.",
  ),
});
const record = makeDocument({
  id: "record",
  title: "Plans for a national patient record",
  publisher: "Test Health News",
  published: onDay("2026-03-01"),
  paragraphs: paragraphs(
    "A national Shared Care Ledger is planned so that patients stop repeating their histories.",
    "Ministers have not said when the Shared Care Ledger will be ready.",
  ),
});
const epr = makeDocument({
  id: "epr",
  title: "Trust delays its electronic record launch",
  publisher: "Test Health News",
  published: onDay("2026-03-05"),
  paragraphs: paragraphs(
    "Greyford Trust's new referral ledger will now go live in November, replacing paper with one shared system.",
  ),
});
const library = libraryOf(brackenfield, oakhurst, scheme, priorities, ravensworth, millbrook);
const ask = (question: string) => answerQuestion(library, question);
const sources = [brackenfield, oakhurst, scheme, priorities, ravensworth, millbrook, record, epr].map((d) =>
  normaliseQuote([d.title, ...d.paragraphs.map((p) => p.text)].join("\n")),
);
const verbatim = (quote: string) => quote !== "" && sources.some((text) => quoteIn(quote, text));

describe("a sentence read with what its article is about", () => {
  it("answers for the body its article is about, though the sentence names it only as 'the document'", () => {
    const a = ask("How long was Brackenfield Care Trust's staff spreadsheet left online?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/11 weeks/);
    expect(a.citations[0]?.documentId).toBe("brackenfield");
    expect(verbatim(a.citations[0]?.quote ?? "")).toBe(true);
  });

  it("dates the event of the article the question names, not the same kind of event in another", () => {
    const ravensworthAnswer = ask("When did the ransomware attack on Ravensworth Health Board begin?");
    expect(ravensworthAnswer.answer).toMatch(/14 March/);
    expect(ravensworthAnswer.citations[0]?.documentId).toBe("ravensworth");
    const millbrookAnswer = ask("When did the ransomware attack on Millbrook Hospitals Trust begin?");
    expect(millbrookAnswer.answer).toMatch(/2 April/);
  });

  it("does not take the same fact from an article about another body", () => {
    const a = ask("How long were Oakhurst Council's carer records left online?");
    expect(a.answer).not.toMatch(/11 weeks/);
    if (!a.abstained) expect(a.citations[0]?.documentId).toBe("oakhurst");
  });
});

describe("names typed in lower case", () => {
  it("are held whole: another trust's 'referral ledger' going live is no date for the 'shared care ledger'", () => {
    const a = answerQuestion(
      libraryOf(record, epr, ravensworth, millbrook),
      "when will the shared care ledger go live?",
    );
    expect(a.abstained).toBe(true);
    expect(a.citations).toEqual([]);
  });
});

describe("sums and the kind of answer in staff's words", () => {
  it("a sum written without its currency after 'fined' answers 'how much was X fined'", () => {
    const a = ask("How much was Brackenfield Care Trust fined by the ICO?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/90,000/);
  });

  it("'money-wise' asks for a sum; it is not a word the answer must use", () => {
    const a = ask("How big is the ward digitisation scheme, money-wise?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/£40m/);
  });
});

describe("list questions in staff's words", () => {
  it("'give me a couple' gets the numbered items the article announces, item by item", () => {
    const a = ask("Community care priorities for digital - give me a couple");
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/Connect the records/);
    expect(a.answer).toMatch(/Fund training/);
    expect(verbatim(a.citations[0]?.quote ?? "")).toBe(true);
  });
});

describe("'why' answers whose reason is in the next sentence", () => {
  const fife = makeDocument({
    id: "kelso",
    title: "Regulator reprimands health board",
    publisher: "Test Health News",
    published: onDay("2026-02-01"),
    paragraphs: paragraphs(
      "The regulator issued a formal reprimand to Kelso Health Board in January. This was because a ward document listing 14 patients was handed to a visitor without any identity check.",
      "The board has since changed how it checks visitors.",
    ),
  });
  const kelso = libraryOf(fife, scheme);

  it("quotes the sentence answering 'why' together with the reason it is followed by", () => {
    const a = answerQuestion(kelso, "why did the regulator reprimand Kelso Health Board?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/handed to a visitor/);
    expect(quoteIn(a.citations[0]?.quote ?? "", normaliseQuote(fife.paragraphs.map((p) => p.text).join("\n")))).toBe(
      true,
    );
  });
});
