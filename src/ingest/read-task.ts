/**
 * Every parse of untrusted input ingestion does, as one plain-data task: an HTML page (linkedom and
 * Readability), Markdown (marked), a plain-text capture, a feed (fast-xml-parser) or a feed item's
 * HTML fragment. Tasks and results are plain data, so they can cross to a worker thread; the same
 * function runs them in either place.
 */

import type { Paragraph } from "../knowledge/document.js";
import { type ArticleDraft, guarded, type ReadResult } from "./article-draft.js";
import { type Feed, readFeed } from "./read-feed.js";
import { fragmentParagraphs, readHtmlPage } from "./read-html.js";
import { readMarkdown } from "./read-markdown.js";
import { readTextCapture } from "./read-text.js";

export type ReadTask =
  | { kind: "page"; html: string; url: string | null }
  | { kind: "markdown"; source: string }
  | { kind: "text"; raw: string }
  | { kind: "feed"; xml: string; url: string }
  | { kind: "fragment"; html: string; title: string | null; publisher: string | null };

interface ReadOutputs {
  page: ArticleDraft;
  markdown: ArticleDraft;
  text: ArticleDraft;
  feed: Feed;
  fragment: Paragraph[];
}

export type ReadOutput<T extends ReadTask> = ReadResult<ReadOutputs[T["kind"]]>;

/** Where parsing happens: in a worker pool in production, in this thread where that does not matter. */
export interface DocumentReader {
  read<T extends ReadTask>(task: T): Promise<ReadOutput<T>>;
  /** Stops the reader's threads, if it has any. */
  close(): Promise<void>;
}

/** Runs one task here; a parser's throw is this task's failure, never the caller's exception. */
export function runReadTask<T extends ReadTask>(task: T): Promise<ReadOutput<T>> {
  return guarded(() => parse(task)) as Promise<ReadOutput<T>>;
}

function parse(task: ReadTask): ReadResult<unknown> {
  switch (task.kind) {
    case "page":
      return readHtmlPage(task.html, task.url);
    case "markdown":
      return readMarkdown(task.source);
    case "text":
      return readTextCapture(task.raw);
    case "feed":
      return readFeed(task.xml, task.url);
    case "fragment":
      return { ok: true, value: fragmentParagraphs(task.html, task.title, task.publisher) };
    default: {
      const unknownTask: never = task;
      throw new Error(`unknown read task ${JSON.stringify(unknownTask)}`);
    }
  }
}

/** Parsing in the calling thread: for tests and one-off tools where the event loop may block. */
export const inThisThread: DocumentReader = {
  read: runReadTask,
  close: async () => {},
};
