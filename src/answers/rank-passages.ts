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
    const related = [...relatedTerms(t.term)]
      .map((term) => ({ term, df: library.index.documentFrequency(term) }))
      .filter((r) => r.df > 0 && r.df <= limit)
      .sort((a, b) => a.df - b.df)
      .slice(0, MAX_EXPANSIONS);
    for (const r of related) out.set(r.term, Math.max(out.get(r.term) ?? 0, t.weight * EXPANSION_WEIGHT));
  }
  return [...out].map(([term, weight]) => ({ term, weight }));
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
  const drafts: Draft[] = [];
  for (const id of bm25.keys()) {
    const passage = library.passage(id);
    if (!passage) continue;
    for (const span of spansFor(library, passage)) {
      let retrieval = 0;
      for (let i = 0; i < span.passages.length; i++)
        retrieval = Math.max(retrieval, bm25.get((span.passages[i] as Passage).id) ?? 0);
      const d = draft(library, question, facts, span, retrieval, floor);
      if (d) drafts.push(d);
    }
  }
  // Finish the drafts best first; stop when no bonus could lift the next above the best so far.
  // Picked one at a time rather than sorted: usually only a few are finished (and a sort of ~50
  // objects makes garbage), with ties in candidate order as a stable sort would leave them.
  const ranked: RankedSpan[] = [];
  const taken = new Uint8Array(drafts.length);
  let best = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < drafts.length; i++) {
    const d = takeBest(drafts, taken);
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

/** The best-scoring draft not yet taken (the first of equals), marked as taken. */
function takeBest(drafts: readonly Draft[], taken: Uint8Array): Draft {
  let at = -1;
  for (let j = 0; j < drafts.length; j++) {
    if (taken[j]) continue;
    if (at < 0 || (drafts[j] as Draft).score > (drafts[at] as Draft).score) at = j;
  }
  taken[at] = 1;
  return drafts[at] as Draft;
}

const MAX_FINISHED = 12;
