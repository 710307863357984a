import { expect, it } from "vitest";
import { answerQuestion } from "../../src/answers/answer-question.js";
import { mentionsMoney, moneyAmounts } from "../../src/knowledge/money.js";
import { termsOf } from "../../src/knowledge/text-terms.js";
import { tagTopics } from "../../src/knowledge/topics.js";
import { libraryOf, makeDocument, paragraphs } from "../helpers/factories.js";

it("finds sums in any currency and scale, as written", () => {
  expect(
    moneyAmounts(
      "Palantir Secures $412.66 Mn NHS Contract; the £330m deal, a €3.5bn fund, £1.2 billion, 5 million pounds and USD 40m.",
    ),
  ).toEqual(["$412.66 Mn", "£330m", "€3.5bn", "£1.2 billion", "5 million pounds", "USD 40m"]);
});

it("does not take counts, years or percentages for money", () => {
  expect(mentionsMoney("More than 16m repeat prescriptions were ordered in 2023, up 21%.")).toBe(false);
  expect(mentionsMoney("The contract is worth $412.66 million.")).toBe(true);
});

it("indexes '41mn' like '41m' and '41 million', so a question in any of them finds the sum", () => {
  for (const written of ["a $41mn contract", "a £41m contract", "a €41 million contract"])
    expect([...termsOf(written)]).toEqual(expect.arrayContaining(["41", "million"]));
});

it("gives a sum in any currency the weight of money in topics, so a dollar contract is funding news as a pound one is", () => {
  const deal = (sum: string) => tagTopics(`Palantir wins a ${sum} deal to run the data platform.`);
  expect(deal("$412.66 million")).toContain("funding");
  expect(deal("$412.66 million")).toEqual(deal("£330m"));
  expect(deal("€3.5bn")).toEqual(deal("£330m"));
});

it("answers a how-much question with a dollar sum, shown as written", () => {
  const library = libraryOf(
    makeDocument({
      id: "fdp",
      title: "Data platform contract awarded",
      paragraphs: paragraphs(
        "NHS England has awarded a $412.66 Mn contract to run its federated data platform for seven years.",
        "The platform will connect data that trusts already hold.",
      ),
    }),
  );
  const answer = answerQuestion(library, "How much is the federated data platform contract worth?");
  expect(answer.abstained).toBe(false);
  expect(answer.answer).toContain("$412.66 Mn");
});
