/**
 * Honest abstention: a sentence on the same subject that does not hold what was asked is no
 * answer. Made-up articles, so the behaviour holds for any library, not the seeds' facts.
 */
import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answers/answer-question.js";
import { libraryOf, makeDocument, onDay, paragraphs } from "../helpers/factories.js";

const partnership = makeDocument({
  id: "riverside",
  title: "Riverside Health Partnership names its first chief digital officer",
  publisher: "Test Health News",
  published: onDay("2026-10-01"),
  paragraphs: paragraphs(
    "Riverside Health Partnership has appointed Dr Amara Osei as its first chief digital officer.",
    "Shortly after she was appointed, Osei said the partnership would replace its paper referral forms within a year.",
    "The partnership was set up in 2018 by three community trusts.",
    "Kestrel Analytics signed a data-sharing agreement with the partnership late last week.",
    "The £4m programme will be shared among 12 GP practices across the county – from Aldport to Brindle.",
  ),
});
const library = libraryOf(partnership);
const ask = (question: string) => answerQuestion(library, question);

describe("declines when the sentence on the subject does not hold what was asked", () => {
  it.each([
    // The date of another event: the agreement was signed last week; nothing says when the firm began.
    ["When was Kestrel Analytics set up?"],
    // A total, when a share is asked for.
    ["How much will each GP practice get from the programme?"],
    // "Which practices…" wants practices named; the article names only the places.
    ["Which GP practices in Aldport will get a share of the £4m?"],
    // A future appointment, against a sentence telling of one already made.
    ["When will Riverside's next chief digital officer be appointed?"],
  ])("%s", (question) => {
    const a = ask(question);
    expect(a.abstained).toBe(true);
    expect(a.citations).toEqual([]);
  });
});

describe("still answers what the article does say", () => {
  it.each([
    ["When was the partnership set up?", /2018/],
    ["How much is the programme worth?", /£4m/],
    ["How many GP practices will share the programme's money?", /12 GP practices/],
    ["Who did Riverside Health Partnership appoint as chief digital officer?", /Amara Osei/],
  ])("%s", (question, expected) => {
    const a = ask(question);
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(expected);
  });
});
