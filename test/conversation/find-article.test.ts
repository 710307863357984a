/** Finding the article someone means, over a library made for the test (nothing seed-specific). */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answers/answer-question.js";
import { BriefingService } from "../../src/briefing-service.js";
import { parseCommand } from "../../src/commands/parse-command.js";
import { type ArticleMatch, findArticle } from "../../src/conversation/find-article.js";
import { intentAnswer } from "../../src/conversation/intent-answer.js";
import { answerReply } from "../../src/replies/answer-reply.js";
import { FIXED_NOW, libraryOf, makeDocument, onDay, paragraphs } from "../helpers/factories.js";

const library = libraryOf(
  makeDocument({
    id: "pathology",
    title: "Cyberattack disrupts pathology services across south London hospitals",
    publisher: "Digital Health Weekly",
    authors: ["Sam Patel"],
    paragraphs: paragraphs(
      "A ransomware attack on a pathology supplier has disrupted blood tests at several hospital trusts.",
      "Trusts moved to paper processes while the supplier restored its systems.",
    ),
  }),
  makeDocument({
    id: "scribes",
    title: "NHS England publishes guidance on ambient voice technology",
    publisher: "Health Tech Review",
    paragraphs: paragraphs(
      "New guidance sets out how trusts should assess ambient scribe tools before using them in clinics.",
      "The guidance covers data protection, clinical safety and the supplier's evidence.",
      "It follows a pilot in which scribes cut note-taking time for clinicians.",
    ),
  }),
  makeDocument({
    id: "app",
    title: "NHS App adds prescription ordering for more patients",
    publisher: "Health Tech Review",
    published: onDay("2026-11-15"),
    paragraphs: paragraphs(
      "Millions more patients can now order repeat prescriptions through the NHS App.",
      "The app now has more than 30 million users, NHS England said.",
      "Patients can also see their test results and book some appointments.",
      "The feature was tested with GP practices over the summer.",
      "Staff at one trust also used a ransomware drill to test their systems.",
    ),
  }),
);

const idOf = (match: ArticleMatch) => (match.kind === "found" ? match.entry.document.id : match.kind);

describe("findArticle", () => {
  it.each([
    ["the pathology cyberattack article", "pathology"],
    ["the ambient voice piece", "scribes"],
    ["Sam Patel's story", "pathology"],
    ["the ambient scribe guidance", "scribes"],
    ["the NHS App story", "app"],
  ])("finds %j by its headline, authors or subject", (words, id) => {
    expect(idOf(findArticle(library, words))).toBe(id);
  });

  it("lists every article that fits as well, when the words fit several", () => {
    const match = findArticle(library, "the Health Tech Review article");
    expect(match.kind).toBe("several");
    if (match.kind === "several") expect(match.entries.map((e) => e.document.id).sort()).toEqual(["app", "scribes"]);
  });

  it("finds none when the words only pass through an article, or name nothing it holds", () => {
    expect(findArticle(library, "the ransomware drill story").kind).toBe("none");
    expect(findArticle(library, "the quantum computing piece").kind).toBe("none");
    expect(findArticle(libraryOf(), "anything at all").kind).toBe("none");
  });

  it("says how closely the best article fits when none fits well enough", () => {
    const partly = findArticle(library, "the pathology quantum widget story");
    expect(partly.kind).toBe("none");
    if (partly.kind === "none") expect(partly.closest).toBeCloseTo(1 / 3, 2);
  });

  it("leaves words that partly fit an article to the answer engine, and summarises the newest of several in `ask`", async () => {
    const service = new BriefingService(library);
    const ask = (text: string) => service.handle(parseCommand(text), { now: FIXED_NOW });
    const partly = "summarise the pathology quantum widget story";
    expect(await ask(partly)).toEqual(answerReply(answerQuestion(library, partly)));
    const several = "summarise the Health Tech Review article";
    expect((await ask(several)).title).toBe("Which one?");
    const oneShot = intentAnswer(library, several, FIXED_NOW);
    expect(oneShot?.abstained).toBe(false);
    expect(oneShot?.citations.map((c) => c.documentId)).toEqual(["app"]);
  });

  it("says the words name no article when they are only 'the article'", () => {
    expect(findArticle(library, "the article").kind).toBe("unspecified");
    expect(findArticle(library, "that story").kind).toBe("unspecified");
  });
});

/**
 * Captures often print neither headline nor outlet, and people call a story by other words than
 * its own: a library made for these rules (nothing from the corpus).
 */
describe("findArticle: other words, initials and outlet hints", () => {
  const captured = (id: string, title: string, ...texts: string[]) =>
    makeDocument({
      id,
      title,
      titleEditorial: true,
      publisher: null,
      published: null,
      paragraphs: paragraphs(...texts),
    });
  const library = libraryOf(
    captured(
      "records",
      "Riverside Health is taking legal action after patient records were stolen by a criminal group.",
      "Riverside Health is taking legal action after patient records were stolen by a criminal group.",
      "The group published some of the files on a leak site.",
      "The trust asked the High Court to stop anyone sharing them.",
    ),
    captured(
      "epr-survey",
      "A Freedom of Information request found that 189 of 208 trusts now run an electronic patient record.",
      "A Freedom of Information request found that 189 of 208 trusts now run an electronic patient record.",
      "The figures were given to Northern Clinical Review, which asked every trust in England.",
      "Most of the remaining trusts expect to go live within two years.",
    ),
    captured(
      "epr-go-live",
      "Coastal Hospitals went live with a new electronic patient record over the weekend.",
      "Coastal Hospitals went live with a new electronic patient record over the weekend.",
      "Staff were trained over six months.",
    ),
    captured(
      "scribe-evidence",
      "Ambient voice tools are spreading quickly through outpatient clinics.",
      "Ambient voice tools are spreading quickly through outpatient clinics.",
      "They listen to consultations and draft the clinical note.",
      "But robust evidence on what the tools deliver for patients remains limited.",
    ),
    captured(
      "waiting-lists",
      "The risks of prioritising waiting lists by deprivation.",
      "The risks of prioritising waiting lists by deprivation.",
      "Several systems now reorder patients on the list by the deprivation of where they live.",
    ),
    makeDocument({
      id: "behind-furniture",
      title: "Board papers published",
      publisher: "Health Systems Weekly",
      paragraphs: paragraphs(
        "# Share this page",
        "# Menu",
        "# Latest stories",
        "# Sign up to our newsletter",
        "The hospital's telepharmacy service now reaches forty care homes.",
        "Pharmacists review medicines by video call.",
      ),
    }),
  );

  it("finds a story told in other words than the user's: 'theft' for 'stolen'", () => {
    expect(idOf(findArticle(library, "the Riverside theft story"))).toBe("records");
  });

  it("finds a story by the word it repeats: 'reprioritising' for 'prioritising'", () => {
    expect(idOf(findArticle(library, "the piece on reprioritising by deprivation"))).toBe("waiting-lists");
  });

  it("reads a short word as the initials of a name the article spells out", () => {
    // Both are EPR stories; only one names Northern Clinical Review.
    const match = findArticle(library, "the NCR story on electronic patient records");
    expect(idOf(match)).toBe("epr-survey");
    expect(findArticle(library, "the story on electronic patient records").kind).toBe("several");
  });

  it("takes an outlet the capture does not print as a hint, not a reason to find nothing", () => {
    expect(idOf(findArticle(library, "the Nuffield Trust blog on ambient voice"))).toBe("scribe-evidence");
    // Without a subject to go on, unknown words still fit nothing.
    expect(findArticle(library, "the Nuffield Trust blog").kind).toBe("none");
  });

  it("answers who wrote a story the user calls by its outlet and subject, as a summary would find it", () => {
    const withAuthor = libraryOf(
      ...library
        .all()
        .map(({ document }) =>
          document.id === "scribe-evidence" ? { ...document, authors: ["Priya Shah"] } : document,
        ),
    );
    const answer = answerQuestion(withAuthor, "who wrote the Nuffield Trust policy unit blog on ambient voice?");
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/written by Priya Shah/);
    expect(answer.citations.map((c) => c.documentId)).toEqual(["scribe-evidence"]);
  });

  it("looks for a name the user capitalised as written, never through its synonyms", () => {
    const fines = libraryOf(
      captured(
        "fine",
        "The ICO has fined a software supplier £3m after a ransomware attack.",
        "The ICO has fined a software supplier £3m after a ransomware attack.",
        "The fine follows a long investigation.",
        "Patient records were taken.",
        "Services were restored within weeks.",
        "The supplier, Advanced Systems, said it had strengthened its defences.",
      ),
      captured(
        "progress",
        "The ICO says trusts made better progress on data security this year.",
        "The ICO says trusts made better progress on data security this year.",
      ),
      ...["scanners", "rotas", "apps"].map((id) => makeDocument({ id })),
    );
    expect(idOf(findArticle(fines, "the ICO and Advanced"))).toBe("fine");
    // The intent reads the words in lower case; the finder still sees them as typed.
    const summary = intentAnswer(fines, "summarise the ICO and Advanced story", FIXED_NOW);
    expect(summary?.citations.map((c) => c.documentId)).toEqual(["fine"]);
    // In lower case, "advanced" may be a word for "better progress": both fit.
    expect(findArticle(fines, "the ico and advanced").kind).toBe("several");
  });

  it("never throws, whatever the words", () => {
    const words = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 120 }),
      fc
        .array(
          fc.constantFrom("the", "NCR", "BBH", "piece", "on", "what", "says", "about", "(", "*", "Advanced", "ré"),
          {
            maxLength: 12,
          },
        )
        .map((w) => w.join(" ")),
    );
    fc.assert(
      fc.property(words, (typed) => {
        const match = findArticle(library, typed);
        if (match.kind === "none") expect(match.closest).toBeLessThan(1.000001);
      }),
      { numRuns: 500 },
    );
  });

  it("looks for a story's subject in its opening sentences, past headings and page furniture", () => {
    expect(idOf(findArticle(library, "the telepharmacy story"))).toBe("behind-furniture");
  });
});
