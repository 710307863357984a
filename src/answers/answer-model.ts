/**
 * Whether a ranked span answers its question: a logistic regression over the span's figures
 * (FEATURES in rank-passages.ts), fitted on the training questions by scripts/fit-answer-model.ts
 * and checked on the validation questions (docs/design/answer-evaluation.md has the split and the
 * figures). The answerer quotes the likeliest span, and abstains when even that one is unlikely.
 */

import { FITTED } from "./fitted-weights.js";
import type { RankedSpan } from "./judge-span.js";

export interface AnswerModel {
  /** Picks the span: bias first, then one weight per feature. */
  weights: number[];
  /**
   * Decides whether the picked span answers at all, in the same form. Fitted apart, on each
   * question's picked span only: telling "this sentence, not that one" and "this question has no
   * answer here" are different jobs, and one model fitted over every candidate did the second
   * badly (it answered unanswerable questions with a sentence naming only the subject).
   */
  decide?: number[];
  /** Below this probability (of `decide`) the picked span is not an answer. */
  threshold: number;
}

/** The probability that a span with these features answers the question. */
export function answerProbability(features: readonly number[], model: AnswerModel = FITTED): number {
  return logistic(features, model.weights);
}

/** The probability that the picked span, with these features, is an answer rather than none. */
export function decisionProbability(features: readonly number[], model: AnswerModel = FITTED): number {
  return logistic(features, model.decide ?? model.weights);
}

function logistic(features: readonly number[], weights: readonly number[]): number {
  let z = weights[0] ?? 0;
  for (let i = 0; i < features.length; i++) z += (weights[i + 1] ?? 0) * (features[i] as number);
  return 1 / (1 + Math.exp(-z));
}

/** The likeliest answer among ranked spans, with the probability that it answers, or undefined when there are none. */
export function likeliest(
  ranked: readonly RankedSpan[],
  model: AnswerModel = FITTED,
): { span: RankedSpan; probability: number } | undefined {
  const best = pickLikeliest(ranked, (span) => span.features, model);
  return best && { span: best, probability: decisionProbability(best.features, model) };
}

/** The item whose figures the picking model rates likeliest (the first of equals). */
export function pickLikeliest<T>(
  items: readonly T[],
  featuresOf: (item: T) => readonly number[],
  model: AnswerModel = FITTED,
): T | undefined {
  let best: T | undefined;
  let bestP = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    const p = answerProbability(featuresOf(item), model);
    if (p > bestP) {
      best = item;
      bestP = p;
    }
  }
  return best;
}

/**
 * Fits the model by gradient descent on the log loss with a little L2 (the data are a few thousand
 * candidates of under ten figures each: a library would add nothing). Features are used as they
 * are: they are all of order one.
 */
export function fitLogistic(
  rows: readonly { x: readonly number[]; y: 0 | 1; weight?: number }[],
  { steps = 4000, rate = 0.1, l2 = 0.001 } = {},
): number[] {
  const n = (rows[0]?.x.length ?? 0) + 1;
  const w = new Array<number>(n).fill(0);
  const total = rows.reduce((s, r) => s + (r.weight ?? 1), 0) || 1;
  for (let step = 0; step < steps; step++) {
    const grad = new Array<number>(n).fill(0);
    for (const { x, y, weight = 1 } of rows) {
      let z = w[0] as number;
      for (let i = 0; i < x.length; i++) z += (w[i + 1] as number) * (x[i] as number);
      const error = (1 / (1 + Math.exp(-z)) - y) * weight;
      grad[0] = (grad[0] as number) + error;
      for (let i = 0; i < x.length; i++) grad[i + 1] = (grad[i + 1] as number) + error * (x[i] as number);
    }
    for (let i = 0; i < n; i++)
      w[i] = (w[i] as number) - rate * ((grad[i] as number) / total + (i > 0 ? l2 * (w[i] as number) : 0));
  }
  return w;
}
