/**
 * Ranks candidate answers for a question. BM25 finds candidate sentences; each, alone or with the
 * sentence it leans on, is then judged the way a careful researcher would: does it hold the words
 * asked about (or their synonyms, or have them in its paragraph, section or article metadata), do
 * they stand close together, does it hold the names the question gives, and does it hold the kind
 * of answer asked for?
 */

import type { Library, Passage } from "../knowledge/library.js";
import type { WeightedTerm } from "../knowledge/search-index.js";
import { relatedTerms } from "../knowledge/synonyms.js";
import type { AnalysedQuestion } from "./analyse-question.js";
import { spansFor } from "./candidate-span.js";
import { headlineHits } from "./headline-context.js";
import { withInitialismsSpelledOut } from "./initialisms.js";
import { type Draft, draft, finish, MAX_BONUS, type RankedSpan } from "./judge-span.js";
import { questionFacts, withNamesWritten } from "./question-facts.js";

/** The figures a ranked span is judged on, in the order the fitted weights use. */
export const FEATURES = [
  "score",
  "coverage",
  "retrieval",
  "shape_missing",
  "shape_held",
  "missing_words",
  "proximity",
  "position",
  "refers_back",
  "paired",
  "speaker_quoted",
  "speaker_unquoted",
  "absent_from_article",
  "event_missing",
  "names_missing",
  "which_unmatched",
  "tense_clash",
  "asked_missing",
  // Added once all spans are ranked:
  "behind_best_score",
  "behind_best_coverage",
] as const;

const CANDIDATES = 25;
const EXPANSION_WEIGHT = 0.5;
/** Synonyms searched for per question word. */
const MAX_EXPANSIONS = 5;

/** The question as weighted index terms: the asker's words plus synonyms found in the library. */
export function queryTerms(library: Library, question: AnalysedQuestion): WeightedTerm[] {
  const out = new Map<string, number>();
  const limit = Math.max(200, library.index.size * 0.05);
  for (const t of question.terms) {
    out.set(t.term, Math.max(out.get(t.term) ?? 0, t.weight));
    if (t.weight < 1) continue; // filler words ("say", "kind") are not worth their synonyms' postings
    // The rarest few synonyms: a synonym in a twentieth of a large library finds little and costs much.
    const kept = rarestRelated(library, t.term, limit);
    for (let i = 0; i < kept; i++) {
      const term = rarestTerms[i] as string;
      out.set(term, Math.max(out.get(term) ?? 0, t.weight * EXPANSION_WEIGHT));
    }
  }
  const weighted: WeightedTerm[] = [];
  for (const [term, weight] of out) weighted.push({ term, weight });
  return weighted;
}

/** rarestRelated's picks: terms and their frequencies, reused by every question. */
const rarestTerms: string[] = [];
const rarestDfs: number[] = [];

/**
 * Puts the MAX_EXPANSIONS rarest synonyms of `term` in the library (at most `limit` passages each;
 * of equal counts the first met first) at the head of `rarestTerms`, and says how many. The same
 * picks as sorting every synonym by count and keeping the first few, without the arrays.
 */
function rarestRelated(library: Library, term: string, limit: number): number {
  let kept = 0;
  for (const related of relatedTerms(term)) {
    const df = library.index.documentFrequency(related);
    if (df <= 0 || df > limit) continue;
    let at = kept;
    while (at > 0 && (rarestDfs[at - 1] as number) > df) at--;
    if (at >= MAX_EXPANSIONS) continue;
    for (let j = Math.min(kept, MAX_EXPANSIONS - 1); j > at; j--) {
      rarestTerms[j] = rarestTerms[j - 1] as string;
      rarestDfs[j] = rarestDfs[j - 1] as number;
    }
    rarestTerms[at] = related;
    rarestDfs[at] = df;
    if (kept < MAX_EXPANSIONS) kept++;
  }
  return kept;
}

/**
 * Candidate answers, best first. The kind of answer asked for ("how much", "when", "who"…) counts
 * in the score but never rules a span out: a question's wording can mislead ("which government
 * programme…" asks for a programme, not a person). Spans that cannot reach `floor` are not finished.
 */
export function rankSpans(library: Library, asked: AnalysedQuestion, floor = Number.NEGATIVE_INFINITY): RankedSpan[] {
  let bm25 = candidatePassages(library, asked);
  if (bm25.size === 0) return [];
  // "HVH" for the Harwood Valley Hospitals an article found writes out: searched again by name.
  const spelled = withInitialismsSpelledOut(library, asked, bm25.keys());
  if (!spelled) return [];
  if (spelled !== asked) bm25 = candidatePassages(library, spelled);
  const question = withNamesWritten(library, spelled, bm25.keys());
  const facts = questionFacts(library, question);
  // The drafts are filled into those of earlier questions (none outlives this call).
  const drafts = draftPool;
  let count = 0;
  for (const id of bm25.keys()) {
    const passage = library.passage(id);
    if (!passage) continue;
    for (const span of spansFor(library, passage)) {
      let retrieval = 0;
      for (let i = 0; i < span.passages.length; i++)
        retrieval = Math.max(retrieval, bm25.get((span.passages[i] as Passage).id) ?? 0);
      const d = draft(library, question, facts, span, retrieval, floor, drafts[count]);
      if (d) drafts[count++] = d;
    }
  }
  // Finish the drafts best first; stop when no bonus could lift the next above the best so far.
  // Picked one at a time rather than sorted: usually only a few are finished (and a sort of ~50
  // objects makes garbage), with ties in candidate order as a stable sort would leave them.
  const ranked: RankedSpan[] = [];
  if (takenPool.length < count) takenPool = new Uint8Array(Math.max(count, takenPool.length * 2));
  const taken = takenPool.fill(0, 0, count);
  let best = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const d = takeBest(drafts, count, taken);
    // Past the twelfth candidate, one that could win is too rare to look for (the model reads the best eight).
    if (d.score + MAX_BONUS < Math.max(best, floor) || i >= MAX_FINISHED) break;
    const r = finish(question, d);
    ranked.push(r);
    best = Math.max(best, r.score);
  }
  ranked.sort((a, b) => b.score - a.score);
  // How far each span falls behind the best: the model compares candidates, not only judges them.
  const top = ranked[0]?.score ?? 0;
  const topCoverage = ranked.reduce((m, r) => Math.max(m, r.coverage), 0);
  for (const r of ranked) {
    const n = r.features.length;
    r.features[n - 2] = r.score - top;
    r.features[n - 1] = r.coverage - topCoverage;
  }
  return ranked;
}

/**
 * The passages the judge sees, by number, with their BM25 score relative to the best (0 for a
 * neighbour that joined without matching): the search's best hits and the sentences beside them.
 */
export function candidatePassages(library: Library, asked: AnalysedQuestion): Map<number, number> {
  const bm25 = new Map<number, number>();
  const query = queryTerms(library, asked);
  const hits = library.index.search(query, CANDIDATES);
  if (hits.length === 0) return bm25;
  const maxBm25 = hits[0]?.score ?? 1;
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i] as (typeof hits)[number];
    bm25.set(hit.passage, hit.score / maxBm25);
  }
  // Neighbours of the best hits join in: the answer often sits beside the sentence that repeats
  // the question's words ("The £21m investment…" after "…AI funding… lung cancer").
  for (let i = 0; i < Math.min(hits.length, 6); i++) {
    const hit = (hits[i] as (typeof hits)[number]).passage;
    if (hit > 0 && !bm25.has(hit - 1)) bm25.set(hit - 1, 0);
    if (!bm25.has(hit + 1)) bm25.set(hit + 1, 0);
  }
  // Sentences of articles whose headline holds the question, scored by how much of it headline
  // and sentence hold together.
  for (const { passage, held } of headlineHits(library, query))
    bm25.set(passage.id, Math.max(bm25.get(passage.id) ?? 0, Math.min(1, held)));
  return bm25;
}

/** The best-scoring of the first `count` drafts not yet taken (the first of equals), marked as taken. */
function takeBest(drafts: readonly Draft[], count: number, taken: Uint8Array): Draft {
  let at = -1;
  for (let j = 0; j < count; j++) {
    if (taken[j]) continue;
    if (at < 0 || (drafts[j] as Draft).score > (drafts[at] as Draft).score) at = j;
  }
  taken[at] = 1;
  return drafts[at] as Draft;
}

const MAX_FINISHED = 12;

/** rankSpans' drafts and which of them are taken, reused by every question. */
const draftPool: Draft[] = [];
let takenPool = new Uint8Array(64);
