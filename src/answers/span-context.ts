/**
 * What a sentence inherits from where it stands. A reader of "Success will hinge on…" knows from
 * the article that this is Hartley on lung cancer AI money: the article's metadata, its opening
 * sentences, the section heading and the neighbouring sentences all count, though less than the
 * sentence's own words.
 */

import type { Library } from "../knowledge/library.js";
import type { CandidateSpan } from "./candidate-span.js";

export interface SpanContext {
  /** Terms of the article's title, publisher, organisation and authors. */
  metadata: ReadonlySet<string>;
  /** Terms of the lede, the section heading and the neighbouring sentences. */
  nearby: Set<string>;
  /** Every term of the article. */
  article: ReadonlySet<string>;
}

const articleTermsCache = new WeakMap<object, Set<string>>();

function articleTerms(entry: { passages: { terms: string[] }[] }): Set<string> {
  let terms = articleTermsCache.get(entry);
  if (!terms) {
    terms = new Set(entry.passages.flatMap((p) => p.terms));
    articleTermsCache.set(entry, terms);
  }
  return terms;
}

export function spanContext(library: Library, span: CandidateSpan): SpanContext {
  const entry = library.get(span.main.document.id);
  const metadata = entry?.metadataTerms ?? new Set<string>();
  const nearby = new Set<string>();
  if (!entry) return { metadata, nearby, article: nearby };
  const { passages } = entry;
  const first = passages.indexOf(span.passages[0] ?? span.main);
  const last = first + span.passages.length - 1;
  // The opening sentences say what the whole article is about ("…lung cancer…").
  for (const lede of passages.filter((p) => !p.heading).slice(0, 2)) for (const t of lede.terms) nearby.add(t);
  for (const neighbour of [passages[first - 1], passages[last + 1]]) {
    if (neighbour && Math.abs(neighbour.paragraph - span.main.paragraph) <= 1)
      for (const t of neighbour.terms) nearby.add(t);
  }
  for (let i = first - 1; i >= 0; i--) {
    const p = passages[i];
    if (p?.heading) {
      for (const t of p.terms) nearby.add(t);
      break;
    }
  }
  return { metadata, nearby, article: articleTerms(entry) };
}
