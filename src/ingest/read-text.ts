/**
 * Plain-text captures (what a browser's copy gives, like the seeds): the seeds' cleaner removes
 * the page chrome; the headline is the first heading-like line near the top.
 */

import { cleanCapture } from "../knowledge/clean-capture.js";
import { type ArticleDraft, failure, MIN_ARTICLE_WORDS, type ReadResult, wordsIn } from "./article-draft.js";
import { dateFromText } from "./published-date.js";

export function readTextCapture(raw: string): ReadResult<ArticleDraft> {
  const first = cleanCapture(raw).paragraphs;
  const title = first.slice(0, 3).find((p) => p.heading && p.text.split(" ").length >= 3)?.text ?? null;
  const paragraphs = title ? cleanCapture(raw, { title }).paragraphs : first;
  const words = wordsIn(paragraphs);
  if (words < MIN_ARTICLE_WORDS) return failure(`is not an article (only ${words} words of text)`);
  // Date lines are chrome to the cleaner, so the date is looked for in the capture's opening lines.
  const opening = raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 12);
  const published = dateFromText([opening.join("\n")]);
  return {
    ok: true,
    value: {
      title,
      publisher: null,
      authors: [],
      published,
      dateNote: published ? "Date read from the capture's text." : null,
      url: null,
      paragraphs,
    },
  };
}
