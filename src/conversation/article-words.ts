/**
 * The words someone calls an article by, split into what it is about and hints about where it
 * ran. In "the Nuffield Trust blog on the evidence for AI scribes" the words after "blog on" are
 * its subject; "Nuffield Trust" names an outlet, which a capture often does not print, so it only
 * helps when an article holds it. The same for the source in "what Acme expects from the plan".
 */

import { termsOf } from "../knowledge/text-terms.js";

/** Words that say "an article" rather than which one; never looked for. */
const ARTICLE_WORDS = termsOf(
  "article articles piece pieces story stories report reports post posts blog blogs item news write-up writeup coverage one thing announcement note notes explainer op-ed oped column feature interview analysis tl;dr",
);

/**
 * "<hints> <page kind> on|about|of… <subject>": the page kinds a person names an article by. Kinds
 * that are often the subject itself ("the survey of NHS staff") count too: their words are
 * looked for either way, as hints.
 */
const HINTED =
  /^(.*?)\b((?:article|piece|story|report|post|blog|item|news|write-?up|coverage|announcement|note|explainer|op-?ed|column|feature|interview|analysis|study|survey|paper|review|briefing|statement|update|guidance|letter|deep dive|case study)s?)\s+(?:on|about|of|into|with|re|regarding|covering|looking at|from|for)\s+(.+)$/;
/** "what Acme expects from the plan", "what the King's Fund says about AI": the source is a hint. */
const SOURCE_SAYS =
  /^what\s+(.+?)\s+(?:says?|said|thinks?|expects?|wants?|argues?|recommends?|proposes?|finds|found|reckons?|makes of|predicts?|warns?)\s+(?:about|from|on|of|for|in|over|re)?\s*(.+)$/;

export interface ArticleTerm {
  term: string;
  /** A hint (an outlet, a source, a page kind): counts when an article holds it, little when not. */
  hint: boolean;
  /** Written capitalised after the first word ("the ICO and Advanced"): a name, never a synonym. */
  name: boolean;
}

/** The index terms of what someone called an article, each once, without "article" words. */
export function articleTerms(words: string): ArticleTerm[] {
  const typed = words.trim();
  const split = HINTED.exec(typed.toLowerCase()) ?? SOURCE_SAYS.exec(typed.toLowerCase());
  const subject = termsOf(split ? (split.at(-1) ?? "") : typed);
  // The source, or the outlet and the page's kind ("the UCL study on…": "UCL", "study").
  const hints = split ? termsOf(split.slice(1, -1).join(" ")) : new Set<string>();
  const names = termsOf((typed.slice(1).match(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}'’-]*/gu) ?? []).join(" "));
  const out: ArticleTerm[] = [];
  for (const term of subject) if (!ARTICLE_WORDS.has(term)) out.push({ term, hint: false, name: names.has(term) });
  for (const term of hints)
    if (!ARTICLE_WORDS.has(term) && !subject.has(term)) out.push({ term, hint: true, name: names.has(term) });
  // Hints alone are all there is to go on ("the HSJ piece on it" aside): they are the subject.
  if (out.every((t) => t.hint)) for (const t of out) t.hint = false;
  return out;
}
