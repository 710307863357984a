/**
 * Ranks candidate sentences for a question. BM25 finds candidates; each is then judged the way a
 * careful researcher would: does it hold the words asked about (or their synonyms, or have them in
 * its paragraph, section heading or article metadata), are they close together, and does it hold
 * the kind of answer asked for (a sum, a count of the right thing, a date, a place, a name not
 * already in the question)?
 */

import type { Library, Passage } from "../knowledge/library.js";
import type { WeightedTerm } from "../knowledge/search-index.js";
import { relatedTerms } from "../knowledge/synonyms.js";
import { countMentions, moneyMentions, nameMentions, placeMentions, timeMentions } from "./answer-types.js";
import type { AnalysedQuestion } from "./question-kind.js";
import { normaliseText, termFor } from "../knowledge/text-terms.js";

export interface RankedPassage {
  passage: Passage;
  /** Share of the question's weighted terms the passage answers to (0-1). */
  coverage: number;
  /** Whether it holds the kind of answer asked for. */
  typeMatch: boolean;
  score: number;
}

const CANDIDATES = 40;
const EXPANSION_WEIGHT = 0.5;

/** The question as weighted index terms: the asker's words plus synonyms found in the library. */
export function queryTerms(library: Library, question: AnalysedQuestion): WeightedTerm[] {
  const out = new Map<string, number>();
  for (const t of question.terms) {
    out.set(t.term, Math.max(out.get(t.term) ?? 0, t.weight));
    for (const r of relatedTerms(t.term)) {
      if (library.index.documentFrequency(r) > 0) out.set(r, Math.max(out.get(r) ?? 0, t.weight * EXPANSION_WEIGHT));
    }
  }
  return [...out].map(([term, weight]) => ({ term, weight }));
}

export function rankPassages(library: Library, question: AnalysedQuestion): RankedPassage[] {
  const hits = library.index.search(queryTerms(library, question), CANDIDATES);
  if (hits.length === 0) return [];
  const maxBm25 = hits[0]?.score ?? 1;
  const bm25 = new Map(hits.map((h) => [h.passage, h.score]));
  // Neighbours of the best hits join the candidates: the answer often sits beside the sentence
  // that repeats the question's words ("The £21m investment…" after "…AI funding… lung cancer").
  for (const h of hits.slice(0, 10)) {
    for (const id of [h.passage - 1, h.passage + 1]) if (id >= 0 && !bm25.has(id)) bm25.set(id, 0);
  }
  const ranked: RankedPassage[] = [];
  for (const [id, score] of bm25) {
    const passage = library.passage(id);
    if (!passage) continue;
    const body = passage.heading ? sectionBody(library, passage) : undefined;
    const bodyScore = body ? (bm25.get(body.id) ?? 0) : 0;
    ranked.push(judge(library, question, passage, Math.max(score, bodyScore) / maxBm25));
  }
  // For a "how much", "when", "who"… question only sentences holding that kind of answer compete.
  const eligible = needsAnswerType(question) ? ranked.filter((r) => r.typeMatch) : ranked;
  return eligible.sort((a, b) => b.score - a.score);
}

/** Questions whose answer must be a sum, a count, a date, a place, a name or a role. */
export function needsAnswerType(q: AnalysedQuestion): boolean {
  return ["how_much", "how_many", "when", "where", "who", "author", "role"].includes(q.kind);
}

function judge(library: Library, q: AnalysedQuestion, passage: Passage, bm25: number): RankedPassage {
  // A heading is judged together with the sentence under it: "2. Fund the change…" needs its body.
  const body = passage.heading ? sectionBody(library, passage) : undefined;
  const own = new Set([...passage.terms, ...(body?.terms ?? [])]);
  completeNames(q, own);
  const context = contextTerms(library, passage);
  const unmatchedNames = namesNotHeld(library, q, passage, own, context);
  // Words that name the article itself ("the ImproveWell piece") point at it, nearly as good as a match.
  const metadata = library.get(passage.document.id)?.metadataTerms ?? new Set<string>();
  let total = 0;
  let matched = 0;
  const maxIdf = Math.log(1 + library.index.size);
  for (const t of q.terms) {
    const df = library.index.documentFrequency(t.term);
    const weight = t.weight * (df > 0 ? library.index.idf(t.term) : maxIdf);
    total += weight;
    if (!unmatchedNames.has(t.term)) matched += weight * matchStrength(t.term, own, metadata, context);
  }
  const coverage = total > 0 ? matched / total : 0;
  const typeMatch = holdsAnswerType(q, passage, body);
  const near = Math.max(proximity(q, passage), body ? proximity(q, body) : 0);
  let score = coverage + 0.1 * bm25 + near + focusBonus(q, own) - 0.2 * unknownTerms(library, q);
  if (passage.heading && !body) score -= 0.05;
  if (passage.terms.length < 4) score -= 0.1;
  return { passage, coverage, typeMatch, score };
}

/** The sentence that opens the section a heading introduces. */
export function sectionBody(library: Library, heading: Passage): Passage | undefined {
  const next = library.passage(heading.id + 1);
  return next && next.document === heading.document && !next.heading ? next : undefined;
}

/** A sentence naming "Hartley" speaks of the "Sir Julian Hartley" the question names. */
function completeNames(q: AnalysedQuestion, own: Set<string>): void {
  for (const name of q.names) {
    const surname = name[name.length - 1];
    if (surname && own.has(surname)) for (const part of name) own.add(part);
  }
}

/**
 * A name counts only whole: "the Health Foundation" is not matched by "Department of Health"
 * plus a stray "foundation". Returns the terms of names the passage (or its article) lacks.
 */
function namesNotHeld(
  library: Library,
  q: AnalysedQuestion,
  passage: Passage,
  own: Set<string>,
  context: Set<string>,
): Set<string> {
  const out = new Set<string>();
  const metadata = library.get(passage.document.id)?.metadataTerms ?? new Set<string>();
  for (const name of q.names) {
    const whole = (terms: Set<string>) => name.every((part) => terms.has(part));
    if (whole(own) || whole(metadata) || whole(context)) continue;
    for (const part of name) out.add(part);
  }
  return out;
}

/** Content words of the question that nothing in the library says, nor any synonym of them. */
function unknownTerms(library: Library, q: AnalysedQuestion): number {
  const known = (t: string) => library.index.documentFrequency(t) > 0;
  return q.terms.filter((t) => t.weight >= 1 && !known(t.term) && ![...relatedTerms(t.term)].some(known)).length;
}

/**
 * Whether the passage holds the thing asked about. Lower-case words of it must stand together as
 * a phrase ("health secretary" is not "secretary … health minister"); a capitalised modifier may
 * stand anywhere ("US agency" is held by "In the US, the … Agency").
 */
function holdsFocus(q: AnalysedQuestion, passage: Passage): boolean {
  const specific = new Set(q.terms.filter((t) => t.specific).map((t) => t.term));
  if (!q.focus.filter((f) => specific.has(f)).every((f) => passage.terms.includes(f))) return false;
  const phrase = q.focus.filter((f) => !specific.has(f));
  if (phrase.length <= 1) {
    const f = phrase[0];
    return !f || passage.terms.includes(f) || [...relatedTerms(f)].some((r) => passage.terms.includes(r));
  }
  const first = phrase[0] as string;
  return passage.terms.some((t, i) => {
    if (t !== first) return false;
    const start = passage.positions[i] ?? 0;
    return phrase.every((f) =>
      passage.terms.some(
        (u, j) => u === f && (passage.positions[j] ?? 0) >= start && (passage.positions[j] ?? 0) - start <= phrase.length,
      ),
    );
  });
}

/** "Which health minister…": the sentence should hold what the question asks about, not just a name. */
function focusBonus(q: AnalysedQuestion, own: Set<string>): number {
  if (q.focus.length === 0) return 0;
  const held = q.focus.filter((f) => own.has(f) || [...relatedTerms(f)].some((r) => own.has(r))).length;
  return held === q.focus.length ? 0.12 : held > 0 ? 0.04 : -0.05;
}

function matchStrength(term: string, own: Set<string>, metadata: Set<string>, context: Set<string>): number {
  if (own.has(term)) return 1;
  const related = relatedTerms(term);
  for (const r of related) if (own.has(r)) return 0.7;
  if (metadata.has(term)) return 0.8;
  if (context.has(term)) return 0.55;
  for (const r of related) if (context.has(r)) return 0.35;
  return 0;
}

/** What a sentence inherits from where it stands: its article's metadata, section heading and neighbours. */
function contextTerms(library: Library, passage: Passage): Set<string> {
  const entry = library.get(passage.document.id);
  const terms = new Set(entry?.metadataTerms ?? []);
  if (!entry) return terms;
  const { passages } = entry;
  const index = passages.indexOf(passage);
  // The opening sentences say what the whole article is about ("…lung cancer…").
  for (const lede of passages.filter((p) => !p.heading).slice(0, 2)) for (const t of lede.terms) terms.add(t);
  for (const neighbour of [passages[index - 1], passages[index + 1]]) {
    if (neighbour && Math.abs(neighbour.paragraph - passage.paragraph) <= 1)
      for (const t of neighbour.terms) terms.add(t);
  }
  for (let i = index - 1; i >= 0; i--) {
    const p = passages[i];
    if (p?.heading) {
      for (const t of p.terms) terms.add(t);
      break;
    }
  }
  return terms;
}

/** Bonus for question words that stand together in the sentence, as they do in the question. */
function proximity(q: AnalysedQuestion, passage: Passage): number {
  const at = new Map<string, number[]>();
  passage.terms.forEach((t, i) => {
    const list = at.get(t) ?? [];
    list.push(passage.positions[i] ?? i);
    at.set(t, list);
  });
  let pairs = 0;
  const content = q.terms.filter((t) => t.weight >= 1);
  for (let i = 0; i + 1 < content.length; i++) {
    const a = at.get(content[i]?.term ?? "");
    const b = at.get(content[i + 1]?.term ?? "");
    if (a && b && a.some((x) => b.some((y) => y > x && y - x <= 2))) pairs++;
  }
  return Math.min(pairs, 3) * 0.05;
}

function holdsAnswerType(q: AnalysedQuestion, passage: Passage, body: Passage | undefined): boolean {
  const asked = new Set(q.terms.map((t) => t.term));
  const isNew = (terms: string[]) => terms.some((t) => !asked.has(t));
  const text = body ? `${passage.text} ${body.text}` : passage.text;
  const terms = body ? [...passage.terms, ...body.terms] : passage.terms;
  switch (q.kind) {
    case "how_much":
      return moneyMentions(text).length > 0;
    case "how_many": {
      const counts = countMentions(text).filter((c) => !/^(19|20)\d{2}$/.test(c.number));
      if (q.focus.length === 0) return counts.length > 0;
      const wanted = new Set(q.focus.flatMap((f) => [f, ...relatedTerms(f)]));
      return counts.some((c) => c.following.slice(0, 3).some((t) => wanted.has(t)));
    }
    case "when":
      return timeMentions(text).some((m) => isNew(m.terms));
    case "where":
      return placeMentions(text).some((m) => isNew(m.terms));
    case "who":
      return nameMentions(text).some((m) => isNew(m.terms)) && (holdsFocus(q, passage) || (body ? holdsFocus(q, body) : false));
    case "author": {
      const surnames = passage.document.authors.map((a) => termFor(normaliseText(a.split(/\s+/).pop() ?? "")));
      return surnames.some((s) => terms.includes(s));
    }
    case "role": {
      const names = q.terms.filter((t) => t.specific).map((t) => t.term);
      return names.length > 0 && names.every((n) => terms.includes(n));
    }
    case "which": {
      const wanted = new Set(q.focus.flatMap((f) => [f, ...relatedTerms(f)]));
      return terms.some((t) => wanted.has(t));
    }
    case "how":
    case "why":
    case "what":
      return true;
  }
}
