/**
 * What a sentence inherits from where it stands. A reader of "Success will hinge on…" knows from
 * the article that this is Hartley on lung cancer AI money: the article's metadata, its opening
 * sentences, the section heading and the neighbouring sentences all count, though less than the
 * sentence's own words.
 */

import QuickLRU from "quick-lru";
import type { Library, Passage } from "../knowledge/library.js";
import { type CandidateSpan, RECENT_PASSAGES } from "./candidate-span.js";

/** Articles whose term sets are remembered (bounded, like the spans: see candidate-span.ts). */
const RECENT_ARTICLES = 500;

export interface SpanContext {
  /** Terms of the article's title, publisher, organisation and authors. */
  metadata: ReadonlySet<string>;
  /** Terms of the lede, the section heading and the neighbouring sentences. */
  nearby: { has(term: string): boolean };
  /** Every term of the article (worked out on first use: only questions naming someone need it). */
  article: () => ReadonlySet<string>;
}

const articleTermsCache = new QuickLRU<object, Set<string>>({ maxSize: RECENT_ARTICLES });

function articleTerms(entry: { passages: { terms: string[] }[] }): Set<string> {
  let terms = articleTermsCache.get(entry);
  if (!terms) {
    terms = new Set(entry.passages.flatMap((p) => p.terms));
    articleTermsCache.set(entry, terms);
  }
  return terms;
}

const ledeTermsCache = new QuickLRU<object, Set<string>>({ maxSize: RECENT_ARTICLES });

/** The opening sentences say what the whole article is about ("…lung cancer…"). */
function ledeTerms(entry: { passages: { heading: boolean; terms: string[] }[] }): Set<string> {
  let terms = ledeTermsCache.get(entry);
  if (!terms) {
    terms = new Set(
      entry.passages
        .filter((p) => !p.heading)
        .slice(0, 2)
        .flatMap((p) => p.terms),
    );
    ledeTermsCache.set(entry, terms);
  }
  return terms;
}

// Keyed by the passage object, not its number: tests and tools hold several libraries at once.
const termSetCache = new QuickLRU<Passage, ReadonlySet<string>>({ maxSize: RECENT_PASSAGES });

/** A passage's terms as a set, remembered for the passages candidate spans keep coming back to. */
export function termSet(passage: Passage): ReadonlySet<string> {
  let set = termSetCache.get(passage);
  if (!set) {
    set = new Set(passage.terms);
    termSetCache.set(passage, set);
  }
  return set;
}

/** Several term sets read as one. */
class SetUnion {
  constructor(private readonly sets: ReadonlySet<string>[]) {}
  has(term: string): boolean {
    for (let i = 0; i < this.sets.length; i++) if ((this.sets[i] as ReadonlySet<string>).has(term)) return true;
    return false;
  }
}

// Keyed weakly by the span: an entry goes when the span leaves the bounded spans cache.
const contextCache = new WeakMap<CandidateSpan, SpanContext>();

/** A span's context; spans are reused from question to question, and so is this. */
export function spanContext(library: Library, span: CandidateSpan): SpanContext {
  let context = contextCache.get(span);
  if (!context) {
    context = buildContext(library, span);
    contextCache.set(span, context);
  }
  return context;
}

function buildContext(library: Library, span: CandidateSpan): SpanContext {
  const entry = library.get(span.main.document.id);
  const metadata = entry?.metadataTerms ?? new Set<string>();
  if (!entry) return { metadata, nearby: new Set<string>(), article: () => new Set<string>() };
  const sets: ReadonlySet<string>[] = [ledeTerms(entry)];
  const { passages } = entry;
  // Passages of one article are numbered consecutively.
  const base = passages[0]?.id ?? 0;
  const first = (span.passages[0] ?? span.main).id - base;
  const last = first + span.passages.length - 1;
  for (const neighbour of [passages[first - 1], passages[last + 1]]) {
    if (neighbour && Math.abs(neighbour.paragraph - span.main.paragraph) <= 1) sets.push(termSet(neighbour));
  }
  for (let i = first - 1; i >= 0; i--) {
    const p = passages[i];
    if (p?.heading) {
      sets.push(termSet(p));
      break;
    }
  }
  return { metadata, nearby: new SetUnion(sets), article: () => articleTerms(entry) };
}
