/**
 * What a sentence inherits from where it stands. A reader of "Success will hinge on…" knows from
 * the article that this is Hartley on lung cancer AI money: the article's metadata, its opening
 * sentences, the section heading and the neighbouring sentences all count, though less than the
 * sentence's own words.
 */

import type { Library, LibraryDocument, Passage } from "../knowledge/library.js";
import type { CandidateSpan } from "./candidate-span.js";
import { AnyOf, NO_TERMS, type TermLookup } from "./term-lookup.js";

export interface SpanContext {
  /** Terms of the article's title, publisher, organisation and authors. */
  metadata: ReadonlySet<string>;
  /** Terms of the lede, the section heading and the neighbouring sentences. */
  nearby: TermLookup;
  /** Every term of the article (read only for questions that name someone). */
  article: TermLookup;
}

/** The opening sentences say what the whole article is about ("…lung cancer…"). */
function lede(passages: readonly Passage[]): Passage[] {
  const out: Passage[] = [];
  for (let i = 0; i < passages.length && out.length < 2; i++) {
    const p = passages[i] as Passage;
    if (!p.heading) out.push(p);
  }
  return out;
}

// One per article, made when first needed; keyed weakly so a dropped library takes them along.
const articles = new WeakMap<LibraryDocument, TermLookup>();

function articleLookup(entry: LibraryDocument): TermLookup {
  let lookup = articles.get(entry);
  if (!lookup) {
    lookup = new AnyOf(entry.passages);
    articles.set(entry, lookup);
  }
  return lookup;
}

/** A span's context: a few small objects, made per question like the span itself. */
export function spanContext(library: Library, span: CandidateSpan): SpanContext {
  const entry = library.get(span.main.document.id);
  const metadata = entry?.metadataTerms ?? new Set<string>();
  if (!entry) return { metadata, nearby: NO_TERMS, article: NO_TERMS };
  const sets: TermLookup[] = lede(entry.passages);
  const { passages } = entry;
  // Passages of one article are numbered consecutively.
  const base = passages[0]?.id ?? 0;
  const first = (span.passages[0] ?? span.main).id - base;
  const last = first + span.passages.length - 1;
  const before = passages[first - 1];
  const after = passages[last + 1];
  if (before && Math.abs(before.paragraph - span.main.paragraph) <= 1) sets.push(before);
  if (after && Math.abs(after.paragraph - span.main.paragraph) <= 1) sets.push(after);
  for (let i = first - 1; i >= 0; i--) {
    const p = passages[i];
    if (p?.heading) {
      sets.push(p);
      break;
    }
  }
  return { metadata, nearby: new AnyOf(sets), article: articleLookup(entry) };
}
