/**
 * When the answerer declines, it says what it does hold that comes closest: "I hold two articles
 * on the FDP; neither says who its suppliers are" is more use than a bare "not found", and shows
 * the asker where the library's edge is. Only articles that share most of the question's words are
 * named; the reply stays an abstention (no citation: nothing is quoted as an answer).
 */

import type { Document } from "../knowledge/document.js";
import { formatPublished } from "../knowledge/format-date.js";
import type { RankedSpan } from "./judge-span.js";

/** An article is close when its best span answers to this share of the question's words. */
const CLOSE_COVERAGE = 0.5;
const MAX_NAMED = 2;

const NUMBER = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/** "The closest I hold is “…” (…), which doesn't say." or null when nothing is close. */
export function closestHeld(ranked: readonly RankedSpan[]): string | null {
  const documents: Document[] = [];
  for (const r of ranked) {
    if (r.coverage < CLOSE_COVERAGE) continue;
    const doc = r.span.main.document;
    if (!documents.includes(doc)) documents.push(doc);
  }
  if (documents.length === 0) return null;
  const named = documents.slice(0, MAX_NAMED).map(describe);
  if (documents.length === 1) return `The closest I hold is ${named[0]}, which doesn't say.`;
  const count = documents.length < NUMBER.length ? NUMBER[documents.length] : String(documents.length);
  const more = documents.length > MAX_NAMED ? ", among others" : "";
  return `I hold ${count} articles close to it, such as ${named.join(" and ")}${more}; none of them says.`;
}

function describe(doc: Document): string {
  const source = doc.publisher ?? doc.organisation;
  const date = doc.published ? formatPublished(doc.published) : null;
  const where = [source, date].filter(Boolean).join(", ");
  return `“${doc.title}”${where ? ` (${where})` : ""}`;
}
