/**
 * The round-3 yardstick (scripts/score-answer-model.ts): each writer's questions are scored by a
 * model fitted without them, so a feature that only one writer's questions reward scores nothing
 * out of fold; questions settled before ranking are scored as settled and never fitted on.
 * Synthetic candidates with two figures keep the cause plain.
 */
import { describe, expect, it } from "vitest";
import {
  evaluate,
  type FitOptions,
  fitModel,
  type Labelled,
  leaveOneWriterOut,
} from "../../scripts/score-answer-model.js";
import type { QuestionItem } from "../../scripts/score-questions.js";

const options: FitOptions = { l2: 0.005, abstainWeight: 2, falseAnswerCost: 2, must: new Set() };

function item(id: string, kind: "answer" | "abstain" = "answer"): QuestionItem {
  return { id, kind, question: id, expect: [], source: null, category: kind === "answer" ? "real" : "unanswerable" };
}

/**
 * A question whose right candidate is marked by figure `cue` (0 or 1): two candidates, the right
 * one with the cue at 1 and the wrong one at 0.
 */
function answerable(id: string, cue: 0 | 1): Labelled {
  return {
    item: item(id),
    candidates: [
      { x: cue === 0 ? [1, 0] : [0, 1], right: true, text: "right" },
      { x: [0, 0], right: false, text: "wrong" },
    ],
  };
}

function unanswerable(id: string): Labelled {
  return { item: item(id, "abstain"), candidates: [{ x: [0, 0], right: false, text: "none" }] };
}

/** Writers a-c mark right answers with the first figure; writer d with the second. */
function writers(): Map<string, { train: Labelled[]; held: Labelled[] }> {
  const out = new Map<string, { train: Labelled[]; held: Labelled[] }>();
  for (const w of ["a", "b", "c", "d"]) {
    const cue = w === "d" ? 1 : 0;
    const set = [...Array.from({ length: 6 }, (_, i) => answerable(`${w}-${i}`, cue)), unanswerable(`${w}-u`)];
    out.set(w, { train: set, held: set });
  }
  return out;
}

describe("leave one writer out", () => {
  it("scores a writer's own habit as worth nothing when that writer is held out", () => {
    const byWriter = writers();
    const results = leaveOneWriterOut(byWriter, [], options);
    // Fitted with d's questions in, d's questions are answered; held out, the others never taught it.
    const all = [...byWriter.values()].flatMap((s) => s.train);
    expect(evaluate(byWriter.get("d")?.held ?? [], fitModel(all, options)).realRight).toBe(6);
    expect(results.get("d")?.realRight).toBe(0);
    expect(results.get("a")?.realRight).toBe(6);
    for (const e of results.values()) expect(e.falseAnswers).toBe(0);
  });

  it("scores questions settled before ranking as settled, and fits without them", () => {
    const settledRight: Labelled = { item: item("x-detail"), candidates: [], settled: true };
    const settledWrong: Labelled = { item: item("x-unknown", "abstain"), candidates: [], settled: false };
    const model = fitModel([...(writers().get("a")?.train ?? []), settledRight, settledWrong], options);
    const e = evaluate([settledRight, settledWrong], model);
    expect(e.right).toBe(1);
    expect(e.falseAnswers).toBe(1);
    expect(e.falselyAnswered[0]).toMatch(/before ranking/);
  });
});
