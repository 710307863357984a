import { citationFor } from "../answers/answer.js";
import type { Document } from "../knowledge/document.js";
import { formatPublished } from "../knowledge/format-date.js";
import type { ReplyCitation } from "../reply.js";

/** A citation of `quote` in `doc`, with its date as people read it. */
export function replyCitation(doc: Document, quote: string): ReplyCitation {
  return { ...citationFor(doc, quote), publishedLabel: formatPublished(doc.published) };
}

/** "2023-10" → "October 2023": the precision is read from the value's length. */
export function publishedLabelOf(published: string | null): string {
  if (!published) return formatPublished(null);
  const precision = published.length === 4 ? "year" : published.length === 7 ? "month" : "day";
  return formatPublished({ value: published, precision });
}

/** 2345 → "2,345". */
export function formatCount(n: number): string {
  return n.toLocaleString("en-GB");
}
