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

/** `subject` null: the article of the last answer. */
export function summariseArticle(
  library: Library,
  question: string,
  subject: string | null,
  last: LastReply | null,
): Reply {
  if (subject === null) {
    const entry = last?.kind === "article" ? library.get(last.documentId) : undefined;
    return entry ? summaryReply(question, entry, keyPassages(entry)) : moreAboutWhatReply();
  }
  const match = findArticle(library, subject);
  switch (match.kind) {
    case "found":
      return summaryReply(question, match.entry, keyPassages(match.entry));
    case "several":
      return whichOneReply(subject, match.entries);
    case "none":
      return noArticleReply(subject, library.all().length);
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
