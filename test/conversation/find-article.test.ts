/** Finding the article someone means, over a library made for the test (nothing seed-specific). */

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
