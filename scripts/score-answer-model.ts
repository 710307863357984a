/**
 * The answer model's fitting and scoring over labelled candidates, shared by fit-answer-model.ts
 * (fit and write the weights) and its leave-one-writer-out check.
 *
 * Each question's candidate spans (the ranking's best few) are labelled: right when the answer
 * built from the span matches every `expect` pattern and quotes the `source` capture; for an
 * unanswerable question every candidate is wrong. Clinical questions never reach the ranking and
 * are left out.
 */

import { type AnswerModel, decisionProbability, fitLogistic, pickLikeliest } from "../src/answers/answer-model.js";
import { answerBeforeRanking, answerFrom, MAX_QUESTION_LENGTH } from "../src/answers/answer-question.js";
import { isClinicalQuestion } from "../src/answers/clinical-guard.js";
import { rankSpans } from "../src/answers/rank-passages.js";
import { intentAnswer } from "../src/conversation/intent-answer.js";
import type { Library } from "../src/knowledge/library.js";
import { sanitiseText } from "../src/text/sanitise-text.js";
import { isRight, type QuestionItem, quoteIn, SCORED_AT } from "./score-questions.js";

/** Candidates per question the model sees. */
const DEPTH = 8;
/** How much more a question of a "must" set weighs (the public dev set: it must stay right). */
const MUST_WEIGHT = 4;

export interface Labelled {
  item: QuestionItem;
  candidates: { x: number[]; right: boolean; text: string }[];
  /**
   * Whether `nhsai ask` gets it right without the model, for a question settled before ranking
   * (an intent, an article detail, a name the library never mentions); such questions are scored
   * but not fitted on.
   */
  settled?: boolean;
}

export interface FitOptions {
  /** L2 regularisation of both fits. */
  l2: number;
  /** L2 of the decision's fit alone, when it differs from the picking model's. */
  decideL2?: number;
  /** How much more an unanswerable question weighs in the fits. */
  abstainWeight: number;
  /** An answer where there is none costs this many right answers when the threshold is chosen. */
  falseAnswerCost: number;
  /** Ids of questions that weigh MUST_WEIGHT times more. */
  must: ReadonlySet<string>;
  /**
   * Ids of unanswerable questions a threshold may not answer (the seed sets': the seeds are what
   * every user holds, and none of their unanswerable questions may be answered).
   */
  mustDecline?: ReadonlySet<string>;
  /** Features (their index in FEATURES) the model leaves out: their weights stay 0. */
  dropped?: ReadonlySet<number>;
}

export function label(library: Library, items: QuestionItem[], captures: Record<string, string>): Labelled[] {
  return items
    .filter((item) => !isClinicalQuestion(item.question) && item.category !== "clinical")
    .map((item) => {
      const intent = intentAnswer(library, item.question, SCORED_AT);
      if (intent) return { item, candidates: [], settled: isRight(item, intent, captures) };
      const early = answerBeforeRanking(library, sanitiseText(item.question).trim().slice(0, MAX_QUESTION_LENGTH));
      if ("answer" in early) return { item, candidates: [], settled: isRight(item, early.answer, captures) };
      const { analysed } = early;
      return {
        item,
        candidates: rankSpans(library, analysed)
          .slice(0, DEPTH)
          .map((r) => {
            const { answer, citations } = answerFrom(library, analysed, r);
            const right =
              item.kind === "answer" &&
              item.expect.every((p) => new RegExp(p, "i").test(answer)) &&
              citations.some((c) => quoteIn(c.quote, captures[item.source ?? ""] ?? ""));
            return { x: r.features, right, text: r.span.text };
          }),
      };
    });
}

/** The candidate the model picks (the likeliest), as the answerer does. */
export function picked<C extends { x: number[] }>(candidates: readonly C[], model: AnswerModel): C | undefined {
  return pickLikeliest(candidates, (c) => c.x, model);
}

export interface Evaluation {
  right: number;
  total: number;
  /** Right answers / answerable questions about real (non-seed) articles. */
  realRight: number;
  realTotal: number;
  /** Right answers / answerable questions about the seeds. */
  seedRight: number;
  seedTotal: number;
  falseAnswers: number;
  /** The unanswerable questions answered, with the span quoted. */
  falselyAnswered: string[];
  abstainTotal: number;
  /** Ids of the questions right. */
  rightIds: string[];
  wrongPicks: number;
  /** The right span was picked but judged below the threshold. */
  shy: number;
}

/** Right answers and right abstentions when the model picks the likeliest candidate. */
export function evaluate(set: readonly Labelled[], model: AnswerModel): Evaluation {
  const e: Evaluation = {
    right: 0,
    total: set.length,
    realRight: 0,
    realTotal: 0,
    seedRight: 0,
    seedTotal: 0,
    falseAnswers: 0,
    falselyAnswered: [],
    abstainTotal: 0,
    rightIds: [],
    wrongPicks: 0,
    shy: 0,
  };
  for (const { item, candidates, settled } of set) {
    const best = picked(candidates, model);
    const answers =
      settled === undefined
        ? best !== undefined && decisionProbability(best.x, model) >= model.threshold
        : item.kind === "abstain" && !settled;
    const real = item.category === "real";
    const seed = item.category === "seed" && item.kind === "answer";
    if (real) e.realTotal++;
    if (seed) e.seedTotal++;
    if (item.kind === "abstain") {
      e.abstainTotal++;
      if (answers) {
        e.falseAnswers++;
        e.falselyAnswered.push(`${item.id} ${item.question} → ${best?.text.slice(0, 140) ?? "(before ranking)"}`);
      } else {
        e.right++;
        e.rightIds.push(item.id);
      }
    } else if (settled ?? (answers && best?.right)) {
      e.right++;
      e.rightIds.push(item.id);
      if (real) e.realRight++;
      if (seed) e.seedRight++;
    } else if (settled !== undefined) continue;
    else if (best?.right) e.shy++;
    else if (candidates.some((c) => c.right)) e.wrongPicks++;
  }
  return e;
}

const round = (w: number) => Math.round(w * 1000) / 1000;

/**
 * Fits both models on `train`: the picking model over every candidate (each question weighing the
 * same whatever its number of candidates), the decision on each question's picked span, and the
 * threshold that scores best on `train` itself.
 */
export function fitModel(train: readonly Labelled[], options: FitOptions): AnswerModel {
  const { l2, abstainWeight, falseAnswerCost, must, dropped } = options;
  const kept = (x: number[]) => (dropped?.size ? x.map((v, i) => (dropped.has(i) ? 0 : v)) : x);
  const weightOf = (item: QuestionItem) =>
    (item.kind === "abstain" ? abstainWeight : 1) * (must.has(item.id) ? MUST_WEIGHT : 1);
  const rows = train.flatMap(({ item, candidates }) =>
    candidates.map((c) => ({
      x: kept(c.x),
      y: (c.right ? 1 : 0) as 0 | 1,
      weight: weightOf(item) / Math.max(1, candidates.length),
    })),
  );
  const weights = fitLogistic(rows, { l2 }).map(round);
  const decideRows = train.flatMap(({ item, candidates }) => {
    const best = picked(candidates, { weights, threshold: 0 });
    return best ? [{ x: kept(best.x), y: (best.right ? 1 : 0) as 0 | 1, weight: weightOf(item) }] : [];
  });
  const decide = fitLogistic(decideRows, { steps: 8000, l2: options.decideL2 ?? l2 }).map(round);
  let model: AnswerModel = { weights, decide, threshold: 0.5 };
  const mustSet = train.filter((l) => must.has(l.item.id));
  const declineSet = train.filter((l) => options.mustDecline?.has(l.item.id));
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let t = 0.05; t <= 0.951; t += 0.01) {
    const candidate = { weights, decide, threshold: Math.round(t * 100) / 100 };
    const e = evaluate(train, candidate);
    // A "must" question (the public dev set) answered wrong rules the threshold out.
    const mustWrong = must.size > 0 ? evaluate(mustSet, candidate) : undefined;
    // So does a seed set's unanswerable question answered.
    const declineWrong = declineSet.length > 0 ? evaluate(declineSet, candidate).falseAnswers : 0;
    const score =
      e.right -
      falseAnswerCost * e.falseAnswers -
      (mustWrong ? 1000 * (mustWrong.total - mustWrong.right) : 0) -
      1000 * declineWrong;
    if (score > bestScore) {
      bestScore = score;
      model = candidate;
    }
  }
  return model;
}

/**
 * Leave one writer out: for each writer, fit on the other writers' training questions plus the
 * shared ones (`common`), and score that writer's own questions (train and validation), which no
 * fit has seen. What a model learnt of the language rather than of one writer's questions.
 */
export function leaveOneWriterOut(
  byWriter: ReadonlyMap<string, { train: Labelled[]; held: Labelled[] }>,
  common: readonly Labelled[],
  options: FitOptions,
): Map<string, Evaluation> {
  const out = new Map<string, Evaluation>();
  for (const [writer, { held, model }] of foldModels(byWriter, common, options)) out.set(writer, evaluate(held, model));
  return out;
}

/** Each writer's held-out questions with the model fitted without them (see leaveOneWriterOut). */
export function foldModels(
  byWriter: ReadonlyMap<string, { train: Labelled[]; held: Labelled[] }>,
  common: readonly Labelled[],
  options: FitOptions,
): Map<string, { held: Labelled[]; model: AnswerModel }> {
  const out = new Map<string, { held: Labelled[]; model: AnswerModel }>();
  for (const [writer, { held }] of byWriter) {
    const train = [...common];
    for (const [other, sets] of byWriter) if (other !== writer) train.push(...sets.train);
    out.set(writer, { held, model: fitModel(train, options) });
  }
  return out;
}

/** What the leave-one-writer-out check weighs: right answers and abstentions, less false answers. */
export function lowoScore(results: ReadonlyMap<string, Evaluation>, falseAnswerCost: number): number {
  let score = 0;
  for (const e of results.values()) score += e.right - falseAnswerCost * e.falseAnswers;
  return score;
}

/** "a 61/120 real 30/70 none-answered 0/14" per writer, and the sum. */
export function describeLowo(results: ReadonlyMap<string, Evaluation>): string {
  const sum = {
    right: 0,
    total: 0,
    realRight: 0,
    realTotal: 0,
    seedRight: 0,
    seedTotal: 0,
    falseAnswers: 0,
    abstainTotal: 0,
    shy: 0,
    wrongPicks: 0,
  };
  const lines = [...results].map(([writer, e]) => {
    for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += e[k];
    const falses = e.falselyAnswered.map((f) => `\n    answered where none: ${f}`).join("");
    return `  ${writer}: ${e.right}/${e.total}, real ${e.realRight}/${e.realTotal}, seed ${e.seedRight}/${e.seedTotal}, answers where none ${e.falseAnswers}/${e.abstainTotal}, right span below threshold ${e.shy}, wrong span ${e.wrongPicks}${falses}`;
  });
  lines.push(
    `  all: ${sum.right}/${sum.total}, real ${sum.realRight}/${sum.realTotal}, seed ${sum.seedRight}/${sum.seedTotal}, answers where none ${sum.falseAnswers}/${sum.abstainTotal}, right span below threshold ${sum.shy}, wrong span ${sum.wrongPicks}`,
  );
  return lines.join("\n");
}
