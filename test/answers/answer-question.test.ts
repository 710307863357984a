import { describe, expect, it } from "vitest";
import { answerQuestion, MAX_QUESTION_LENGTH } from "../../src/answers/answer-question.js";
import { seedLibrary } from "../helpers/factories.js";
import { inSomeSeed } from "../helpers/seed-captures.js";

const library = seedLibrary();
const ask = (q: string) => answerQuestion(library, q);

describe("answers by kind of question", () => {
  it("how much → a sum of money", () => {
    const a = ask("How much is the government putting into AI for lung cancer?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/£\s?21\s?m/);
  });

  it("how many → a count of the thing asked about", () => {
    const a = ask("How many phases will NHSX's research have?");
    expect(a.answer).toMatch(/three phases/);
  });

  it("who → a person the question does not already name", () => {
    expect(ask("Who hosted the roundtable on AI deployment?").answer).toMatch(/Steve Barclay/);
  });

  it("who is <name> → that person's role", () => {
    expect(ask("Who is Linn Phipps?").answer).toMatch(/Patient and Public Voice Partner/);
  });

  it("when → a date or time phrase", () => {
    expect(ask("When will the lung cancer AI tools be rolled out?").answer).toMatch(/winter/);
  });

  it("where → a place", () => {
    expect(ask("Where will the AI safety summit take place?").answer).toMatch(/Bletchley Park/);
  });

  it("who wrote → the article's authors", () => {
    expect(ask("Who wrote the Health Foundation article?").answer).toMatch(/Tim Horton/);
  });

  it("answers to the words people use: boss for chief executive, cash for funding", () => {
    expect(ask("Who is the boss of NHS Providers?").answer).toMatch(/Julian Hartley/);
  });
});

describe("citations", () => {
  const a = ask("Which roadmap did the NHS AI Lab share?");

  it("cite 1-3 sources with the article's id, title, publisher and date at its precision", () => {
    expect(a.citations.length).toBeGreaterThanOrEqual(1);
    expect(a.citations.length).toBeLessThanOrEqual(3);
    const c = a.citations[0];
    expect(c?.documentId).toBe("nhsx-national-ai-strategy-plans");
    expect(c?.published).toBeNull(); // the page states no date: none is invented
    expect(c?.publisher).toBe("publisher not stated");
  });

  it("quote the source verbatim, and the answer carries the quote", () => {
    for (const c of a.citations) {
      expect(inSomeSeed(c.quote)).toBe(true);
      expect(a.answer).toContain(c.quote);
    }
  });

  it("give month-precision dates as a month", () => {
    const c = ask("How many trusts will share the £21m?").citations[0];
    expect(c?.published).toBe("2023-10");
    expect(ask("How many trusts will share the £21m?").answer).toContain("October 2023");
  });

  it("report a confidence between 0 and 1, higher for a clear answer than none", () => {
    expect(a.confidence).toBeGreaterThan(0.5);
    expect(a.confidence).toBeLessThanOrEqual(1);
    expect(ask("What is the capital of France?").confidence).toBe(0);
  });
});

describe("abstention", () => {
  const abstains = (q: string) => {
    const a = ask(q);
    expect(a.abstained, `${q} → ${a.answer}`).toBe(true);
    expect(a.citations).toEqual([]);
    return a;
  };

  it("says plainly the library does not hold it, and what the bot can do instead", () => {
    const a = abstains("What is the capital of France?");
    expect(a.answer).toMatch(/couldn't find that in the briefing library/);
    expect(a.answer).toMatch(/topics|help/);
  });

  it("when the question names someone or something the library never mentions", () => {
    abstains("Who is the chief executive of OpenAI?");
    abstains("What is the NHS budget for 2031?");
  });

  it("when a sentence merely shares words with the question", () => {
    abstains("Who is the chief executive of NHS England?"); // the library names NHS Providers' chief executive
    abstains("How many patients will the lung cancer AI tools help?"); // it counts trusts, not patients
    abstains("How much did the Bletchley Park summit cost?");
    abstains("When was NHSX founded?");
  });

  it("when the answer is only in page chrome (teasers of other stories)", () => {
    abstains("What did Wes Streeting pledge for MedTech?");
    abstains("Who is Anthony Painter?");
  });
});

describe("clinical questions are refused with a pointer to clinical sources", () => {
  for (const q of [
    "How should I treat a migraine?",
    "What dose of paracetamol can I give my child?",
    "What are the symptoms of lung cancer?",
    "Do I have a stroke if my face droops?",
  ]) {
    it(q, () => {
      const a = ask(q);
      expect(a.abstained).toBe(true);
      expect(a.citations).toEqual([]);
      expect(a.reason).toBe("clinical");
      expect(a.answer).toMatch(/NHS 111/);
    });
  }

  it("but news about clinical AI is answered", () => {
    const a = ask("Which proven AI solution for stroke care has the NHS rolled out?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/stroke/);
  });
});

describe("bad input", () => {
  it("empty or punctuation-only questions get a friendly prompt", () => {
    for (const q of ["", "   ", "???"]) {
      const a = ask(q);
      expect(a.abstained).toBe(true);
      expect(a.answer).toMatch(/Ask me a question/);
    }
  });

  it("very long questions are cut, not refused or crashed on", () => {
    const a = ask(`How much AI funding is going to trusts for lung cancer? ${"really ".repeat(2000)}`);
    expect(a.question.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
  });

  it("control characters are removed before the question is echoed", () => {
    const a = ask("How much\u0000 is the\u001b[31m AI fund\u0007?");
    expect([...a.question].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20)).toBe(false);
    expect(a.question).toContain("AI fund");
  });
});
