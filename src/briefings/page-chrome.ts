/**
 * Sentences that are part of the page rather than the story: embedded posts, bylines, share and
 * subscribe prompts, captions, event plugs. The capture cleaner removes most chrome; this is the
 * second line of defence for what a briefing quotes, so it errs towards leaving a sentence out.
 */

import type { Document } from "../knowledge/document.js";

const LINKS_AND_HANDLES = /https?:\/\/|\bwww\.|pic\.twitter\.com|\bt\.co\/|(?:^|\s)@\w{2,}/i;
const SITE_CHROME =
  /\b(cookies?|subscribe|sign up|newsletter|share this|read more|click here|all rights reserved|copyright|follow us|related (?:articles?|stories)|advertisement|privacy policy|terms and conditions|log ?in to|book your place|register (?:now|here|for)|our (?:free )?(?:online )?event)\b|©/i;
const CAPTION = /^(image|photo|picture|credit|source|caption|video|watch|listen)\s*:/i;
const BYLINE = /^(by|written by|words by)\s+\p{Lu}|,\s*(write|writes|says|reports)\s+\p{Lu}\p{Ll}+\s+\p{Lu}/u;
/** An embedded post's attribution line: "— Cabinet Office (@cabinetofficeuk) April 25, 2024". */
const ATTRIBUTION_LINE = /^[—–-]\s/;

/** True when `sentence` belongs to the page furniture of `doc`, not to its story. */
export function isPageChrome(sentence: string, doc: Pick<Document, "authors">): boolean {
  const s = sentence.trim();
  if (LINKS_AND_HANDLES.test(s) || SITE_CHROME.test(s) || CAPTION.test(s) || BYLINE.test(s)) return true;
  if (ATTRIBUTION_LINE.test(s)) return true;
  return doc.authors.some((author) => startsWithName(s, author));
}

/** "Priya Smith, assistant director…": a sentence opening with an author's name and a comma is their credit line. */
function startsWithName(sentence: string, author: string): boolean {
  const name = author.replace(/^(dr|prof|professor|sir|dame)\s+/i, "");
  const fold = (t: string) => t.replace(/[’']/g, "'").toLowerCase();
  const opening = fold(sentence.replace(/^(dr|prof|professor|sir|dame)\s+/i, ""));
  return opening.startsWith(`${fold(name)},`) || opening.startsWith(`${fold(name)} and `);
}
