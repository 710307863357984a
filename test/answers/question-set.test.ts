/**
 * The engine scored on question sets it was not tuned on, in-process, by the same rules as
 * shared/eval/score.mjs: an answer must match every `expect` pattern and quote the `source`
 * article; an abstain item must abstain with no citations; no quote may be unfaithful.
 */

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readQuestionSet, scoreQuestions } from "../../scripts/score-questions.js";
import { rawSeeds, seedLibrary } from "./seed-fixtures.js";

const library = seedLibrary();

function score(file: string) {
  const items = readQuestionSet(join(import.meta.dirname, "..", "fixtures", file));
  const { right, failures, unfaithful } = scoreQuestions(library, items, rawSeeds);
  return { accuracy: right / items.length, failures, unfaithful };
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
