/** What a reader (text, Markdown, HTML, feed item) makes of a source before it becomes a Document. */

import type { Paragraph, PublishedDate } from "../knowledge/document.js";

export interface ArticleDraft {
  /** The headline, or null when the source has none (one is then written from the text). */
  title: string | null;
  publisher: string | null;
  authors: string[];
  published: PublishedDate | null;
  /** Plain words on how the date was worked out, when it is not the source's own metadata. */
  dateNote: string | null;
  /** The canonical URL, or null for a local file that names none. */
  url: string | null;
  paragraphs: Paragraph[];
}

/** An expected failure (not an article, malformed) is a value with a reason, not an exception. */
export type ReadResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export const failure = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** A body shorter than this many words is not an article (a login wall, an index page, a stub). */
export const MIN_ARTICLE_WORDS = 40;

export function wordsIn(paragraphs: readonly Paragraph[]): number {
  return paragraphs.reduce((n, p) => n + (p.heading ? 0 : p.text.split(/\s+/).filter(Boolean).length), 0);
}

/**
 * Runs a parser over untrusted input: a throw (a parser's own limit, markup it cannot handle) is
 * this item's failure, with the parser's words, not the end of the batch.
 */
export async function guarded<T>(read: () => ReadResult<T> | Promise<ReadResult<T>>): Promise<ReadResult<T>> {
  try {
    return await read();
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
    return failure(`could not be read (${message.slice(0, 200)})`);
  }
}
