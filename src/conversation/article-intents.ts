/**
 * "Summarise <article>" and "tell me more": the article found from the user's words (or the one
 * the conversation was about), then its key sentences or its next-best passages, cited.
 */

import type { Library } from "../knowledge/library.js";
import type { Reply } from "../reply.js";
import { keyPassages, nextPassages } from "./article-passages.js";
import {
  moreAboutWhatReply,
  moreReply,
  noArticleReply,
  nothingMoreReply,
  summaryReply,
  whichArticleToSummariseReply,
  whichOneReply,
} from "./conversation-replies.js";
import { findArticle } from "./find-article.js";
import type { LastReply } from "./memory.js";

/**
 * Words that fit no article well but some partly (a publisher the capture does not name, a
 * paraphrased headline) are left to the answer engine: `null`. Below this share, "I don't hold it".
 */
const PARTLY_FITS = 0.3;

/**
 * `subject` null: the article of the last answer. When several fit, `chooseFirst` (a one-shot
 * `nhsai ask`, where nobody can answer "which one?") summarises the best and newest.
 */
export function summariseArticle(
  library: Library,
  question: string,
  subject: string | null,
  last: LastReply | null,
  chooseFirst = false,
): Reply | null {
  if (subject === null) {
    const article = last?.kind === "article" ? last : null;
    const entry = article ? library.get(article.documentId) : undefined;
    // "Summarise it": the summary leans towards what the conversation asked about it.
    return entry ? summaryReply(question, entry, keyPassages(entry, article?.question)) : moreAboutWhatReply();
  }
  const match = findArticle(library, asTyped(question, subject));
  switch (match.kind) {
    case "found":
      return summaryReply(question, match.entry, keyPassages(match.entry, subject));
    case "several": {
      const [first] = match.entries;
      return chooseFirst && first
        ? summaryReply(question, first, keyPassages(first, subject))
        : whichOneReply(subject, match.entries);
    }
    case "none":
      return match.closest >= PARTLY_FITS ? null : noArticleReply(subject, library.all().length);
    case "unspecified":
      return whichArticleToSummariseReply(library.all().at(-1));
  }
}

/** The next passages of the last answer's article, never one already shown. */
export function moreFromArticle(
  library: Library,
  question: string,
  last: Extract<LastReply, { kind: "article" }>,
): Reply {
  const entry = library.get(last.documentId);
  if (!entry) return moreAboutWhatReply();
  const passages = nextPassages(entry, last.question, new Set(last.shown));
  return passages.length ? moreReply(question, entry, passages) : nothingMoreReply(question, entry);
}

/** The subject as the user typed it (its capitals mark names), when it stands in their words as it is. */
function asTyped(question: string, subject: string): string {
  const at = question.toLowerCase().lastIndexOf(subject);
  return at < 0 ? subject : question.slice(at, at + subject.length);
}
