/**
 * The engine scored on question sets, in-process, by the same rules as shared/eval/score.mjs: an
 * answer must match every `expect` pattern and quote the `source` capture; an abstain item must
 * abstain with no citations; no quote may be unfaithful. The writers' sets are scored over the
 * seeds plus their real captures, read as `nhsai ingest` reads a text file.
 */

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corpusLibrary } from "../../scripts/corpus-library.js";
import { type QuestionItem, readQuestionSet, scoreQuestions } from "../../scripts/score-questions.js";
import { SEEDS_DIR, seedLibrary } from "../helpers/factories.js";
import { rawSeeds } from "../helpers/seed-captures.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const library = seedLibrary();

function score(file: string) {
  const items = readQuestionSet(join(FIXTURES, file));
  const { right, failures, unfaithful } = scoreQuestions(library, items, rawSeeds);
  return { accuracy: right / items.length, failures, unfaithful };
}

describe("seed question sets", () => {
  // extra-qa was written alongside the engine; independent-qa by someone who never saw it, with
  // heavy paraphrase ("hog the headlines", "keep people in post"). Floors guard against regressions.
  for (const [file, floor] of [
    ["extra-qa.json", 0.88],
    ["independent-qa.json", 0.75],
  ] as const) {
    it(`${file}: at least ${floor * 100}% right and no unfaithful quote`, () => {
      const { accuracy, failures, unfaithful } = score(file);
      expect(unfaithful).toBe(0);
      expect(accuracy, failures.join("\n")).toBeGreaterThanOrEqual(floor);
    });

    it(`${file}: every unanswerable question declined`, () => {
      const abstain = readQuestionSet(join(FIXTURES, file)).filter((i) => i.kind === "abstain");
      const s = scoreQuestions(library, abstain, rawSeeds);
      expect(s.right, s.failures.join("\n")).toBe(abstain.length);
    });
  }
});

describe("the writers' questions over real articles nobody tuned for", () => {
  // The captures of the writers who wrote these questions: they checked each unanswerable one
  // against those and the seeds, not against captures gathered later for other purposes.
  const corpus = corpusLibrary(SEEDS_DIR, [join(FIXTURES, "corpus", "captures")], (file) => /^[a-d]-/.test(file));
  const sets: [string, QuestionItem[]][] = [
    "a-train",
    "b-train",
    "c-train",
    "d-train",
    "a-validation",
    "b-validation",
    "c-validation",
    "d-validation",
  ].map((name) => [name, readQuestionSet(join(FIXTURES, "questions", `${name}.json`))]);

  it("reads every capture as an article", () => {
    expect(corpus.refused).toEqual([]);
    expect(corpus.library.all().length).toBeGreaterThanOrEqual(60);
  });

  for (const [name, items] of sets) {
    // Floors a little under the figures in docs/design/answer-evaluation.md, to catch regressions.
    // Writers c and d asked harder questions (their sets score 0.58-0.64).
    const floor = /^[cd]-/.test(name) ? 0.5 : name.endsWith("train") ? 0.55 : 0.6;
    it(`${name}: at least ${Math.round(floor * 100)}% right, no unfaithful quote`, () => {
      const s = scoreQuestions(corpus.library, items, corpus.captures);
      expect(s.unfaithful).toBe(0);
      expect(s.right / items.length, s.failures.join("\n")).toBeGreaterThanOrEqual(floor);
    });

    it(`${name}: every clinical question refused, every unanswerable one declined`, () => {
      const clinical = items.filter((i) => i.category === "clinical");
      const unanswerable = items.filter((i) => i.category === "unanswerable");
      const s = scoreQuestions(corpus.library, [...clinical, ...unanswerable], corpus.captures);
      expect(s.byCategory.clinical?.right).toBe(clinical.length);
      // Answered where the articles do not say: the target is none. Since the retired
      // holdouts joined these sets (session 7) the engine answers the ones listed, each quoting an
      // article on the same subject that lacks the asked figure; a new one fails here.
      const answeredUnanswerable = s.failures.filter((f) => f.includes("[unanswerable]"));
      const unexpected = answeredUnanswerable.filter((f) => !KNOWN_ANSWERED.some((id) => f.startsWith(`${id} `)));
      expect(unexpected, unexpected.join("\n")).toEqual([]);
    });
  }
});

/** Unanswerable questions still answered (docs/design/answer-evaluation.md, Round 5). */
const KNOWN_ANSWERED = ["a-u010", "a-u016", "a-u018", "b-u007", "b-u008", "b-u017", "c-u011"];
