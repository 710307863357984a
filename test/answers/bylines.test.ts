/**
 * "Who wrote …?" when the page's metadata names no author: the writers the article itself names,
 * in the forms news and blog pages use. Made-up articles.
 */
import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answers/answer-question.js";
import { libraryOf, makeDocument, paragraphs } from "../helpers/factories.js";

const standfirst = makeDocument({
  id: "wards",
  title: "Virtual wards need a workforce plan",
  paragraphs: paragraphs(
    "Virtual wards need a workforce plan",
    "Priya Raman of the Example Care Collaborative argues that remote monitoring will stall without nurses trained to run it.",
    "Remote monitoring services grew quickly during the pandemic.",
  ),
});
const twoWriters = makeDocument({
  id: "lab",
  title: "What a national AI programme taught us about scaling tools",
  paragraphs: paragraphs(
    "What a national AI programme taught us about scaling tools",
    "By Tomas Lindqvist, Professor of Health Informatics, Northfield University, and Grace Okafor, Director of Transformation, Example Support Unit",
    "Scaling AI tools across the health service took longer than planned.",
  ),
});
const dated = makeDocument({
  id: "robots",
  title: "Software robots take on hospital paperwork",
  paragraphs: paragraphs(
    "Software robots take on hospital paperwork",
    "Profile picture for user jbrook By Jonah Brook June 21, 2019",
    "A hospital trust has automated a third of its finance team's monthly returns.",
  ),
});
const library = libraryOf(standfirst, twoWriters, dated);

describe("who wrote it, from the article's own byline", () => {
  it("a standfirst naming the writer and what they argue", () => {
    const a = answerQuestion(library, "Who wrote the piece on virtual wards needing a workforce plan?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/Priya Raman/);
  });

  it("every writer of a joint byline, not their job titles", () => {
    const a = answerQuestion(library, "who wrote the blog on what the national AI programme taught us?");
    expect(a.answer).toMatch(/Tomas Lindqvist and Grace Okafor/);
    expect(a.answer).not.toMatch(/Professor of Health Informatics/);
  });

  it("a byline followed by its date, without the month in the name", () => {
    const a = answerQuestion(library, "who wrote the article on software robots doing hospital paperwork");
    expect(a.answer).toMatch(/written by Jonah Brook\b/);
    expect(a.answer).not.toMatch(/Brook June/);
  });

  it("the article a quoted headline names", () => {
    const a = answerQuestion(library, "who wrote the 'Software robots take on hospital paperwork' article");
    expect(a.answer).toMatch(/Jonah Brook/);
    expect(a.citations[0]?.documentId).toBe("robots");
  });
});
