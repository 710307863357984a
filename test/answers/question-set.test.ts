/**
 * The engine scored on question sets it was not tuned on, in-process, by the same rules as
 * shared/eval/score.mjs: an answer must match every `expect` pattern and quote the `source`
 * article; an abstain item must abstain with no citations; no quote may be unfaithful.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answers/answer-question.js";
import { quoteIn, rawSeeds, seedLibrary } from "./seed-fixtures.js";

interface Item {
  id: string;
  kind: "answer" | "abstain";
  question: string;
  expect: string[];
  source: string | null;
}

const library = seedLibrary();

function score(file: string) {
  const { items } = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", file), "utf8")) as {
    items: Item[];
  };
  const failures: string[] = [];
  let unfaithful = 0;
  for (const item of items) {
    const a = answerQuestion(library, item.question);
    for (const c of a.citations) if (!Object.values(rawSeeds).some((t) => quoteIn(c.quote, t))) unfaithful++;
    const ok =
      item.kind === "abstain"
        ? a.abstained && a.citations.length === 0
        : !a.abstained &&
          item.expect.every((p) => new RegExp(p, "i").test(a.answer)) &&
          a.citations.some((c) => quoteIn(c.quote, rawSeeds[item.source ?? ""] ?? ""));
    if (!ok) failures.push(`${item.id} ${item.question} → ${a.abstained ? "abstained" : a.answer.slice(0, 100)}`);
  }
  return { accuracy: 1 - failures.length / items.length, failures, unfaithful };
}

describe("held-out question sets", () => {
  // extra-qa was written alongside the engine; independent-qa by someone who never saw it, with
  // heavy paraphrase ("hog the headlines", "keep people in post"). Floors guard against regressions.
  for (const [file, floor] of [
    ["extra-qa.json", 0.9],
    ["independent-qa.json", 0.8],
  ] as const) {
    it(`${file}: at least ${floor * 100}% right and no unfaithful quote`, () => {
      const { accuracy, failures, unfaithful } = score(file);
      expect(unfaithful).toBe(0);
      expect(accuracy, failures.join("\n")).toBeGreaterThanOrEqual(floor);
    });
  }
});
