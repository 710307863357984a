/**
 * Whether a span holds a question word, and how strongly: in the sentence itself, by synonym or
 * word family, in what it points back to, in its article's metadata or neighbouring sentences.
 * Names count only whole and where written.
 */

import { relatedTerms } from "../knowledge/synonyms.js";
import type { AnalysedQuestion } from "./analyse-question.js";
import type { TermStat } from "./question-facts.js";
import type { SpanContext } from "./span-context.js";
import { holds, type TermLookup } from "./term-lookup.js";

/** A word held by the lead sentence a span leans on. */
export const LEAD_STRENGTH = 0.8;

/** A word the span's article is about ("Torbay" in a story on Torbay's fine), not in the span. */
const ABOUT_STRENGTH = 0.5;

const EMPTY_SET: ReadonlySet<string> = new Set();

/**
 * A sentence saying only a surname ("Smith said") or a first name ("Priya added") speaks of the
 * "Dr Priya Smith" the question names, when the article names that person in full.
 */
export function completeNames(
  q: AnalysedQuestion,
  nameParts: readonly (readonly string[])[],
  terms: TermLookup,
  source: { readonly terms: readonly string[] },
  context: SpanContext,
): TermLookup {
  let out: Set<string> | undefined;
  for (let i = 0; i < q.names.length; i++) {
    const name = q.names[i] as string[];
    const parts = nameParts[i] as readonly string[];
    if (holdsAny(terms, parts) && holdsAll(context.article, name)) {
      out ??= new Set(source.terms);
      for (const part of name) out.add(part);
    }
  }
  return out ?? terms;
}

/**
 * A name counts only whole, in the span or its article's metadata: "the Health Foundation" is
 * not "Department of Health" plus a stray "foundation", nor "NHS England" an "NHS" here and an
 * "England" two sentences back. Returns the terms of names the span lacks.
 */
export function namesNotHeld(q: AnalysedQuestion, own: TermLookup, context: SpanContext): ReadonlySet<string> {
  if (q.names.length === 0) return EMPTY_SET;
  let out: Set<string> | undefined;
  for (const name of q.names) {
    if (
      holdsAll(own, name) ||
      holdsAll(context.metadata, name) ||
      holdsAll(context.subject, name) ||
      holdsAll(context.about, name)
    )
      continue;
    out ??= new Set<string>();
    for (const part of name) out.add(part);
  }
  return out ?? EMPTY_SET;
}

function holdsAny(terms: TermLookup, parts: readonly string[]): boolean {
  for (let i = 0; i < parts.length; i++) if (terms.has(parts[i] as string)) return true;
  return false;
}

/** Whether every part of a name is there (a loop: no closure per call in this hot path). */
function holdsAll(terms: TermLookup, parts: readonly string[]): boolean {
  for (let i = 0; i < parts.length; i++) if (!terms.has(parts[i] as string)) return false;
  return true;
}

export function nameStrength(term: string, span: TermLookup, context: SpanContext): number {
  if (span.has(term)) return 1;
  // "It was founded in 2019" after a sentence naming the company: the name is the sentence's subject.
  if (context.subject.has(term)) return 0.85;
  if (context.metadata.has(term)) return 0.8;
  if (context.about.has(term)) return ABOUT_STRENGTH;
  // Curated equivalents only ("American" for "US", "NHSE" for "NHS England"), never neighbours.
  for (const r of relatedTerms(term)) if (span.has(r)) return 0.9;
  return 0;
}

/** Lookups go by the index's term numbers where they can: no string hashing per candidate. */
export function matchStrength(
  term: string,
  stat: TermStat,
  own: TermLookup,
  ownSource: { hasId(termId: number): boolean },
  lead: TermLookup,
  context: SpanContext,
): number {
  const { id, related, relatedIds } = stat;
  if (holds(own, term, id)) return 1;
  if (holds(context.subject, term, id)) return 0.85;
  if (holds(lead, term, id)) return LEAD_STRENGTH;
  for (let i = 0; i < related.length; i++) if (holds(own, related[i] as string, relatedIds[i] as number)) return 0.7;
  const { familyIds } = stat;
  for (let i = 0; i < familyIds.length; i++) if (ownSource.hasId(familyIds[i] as number)) return 0.7;
  // Words that name the article itself ("the Health Foundation piece") point at it: nearly a match.
  if (context.metadata.has(term)) return 0.8;
  if (holds(context.nearby, term, id)) return 0.55;
  if (holds(context.about, term, id)) return ABOUT_STRENGTH;
  for (let i = 0; i < related.length; i++)
    if (holds(context.nearby, related[i] as string, relatedIds[i] as number)) return 0.35;
  return 0;
}

export function inArticle(term: string, stat: TermStat, context: SpanContext): boolean {
  if (holds(context.article, term, stat.id) || context.metadata.has(term)) return true;
  const { related, relatedIds } = stat;
  for (let i = 0; i < related.length; i++)
    if (holds(context.article, related[i] as string, relatedIds[i] as number)) return true;
  return false;
}
