/**
 * One feed item as an article: its own content when the feed carries the full text, else the
 * article page it links to (fetched under the same URL policy and limits), with the feed's title,
 * date and authors filling what the page leaves out.
 */

import { type ArticleDraft, failure, MIN_ARTICLE_WORDS, type ReadResult, wordsIn } from "./article-draft.js";
import type { Fetched } from "./fetch-safely.js";
import { dateFromMachine } from "./published-date.js";
import type { FeedItem } from "./read-feed.js";
import type { DocumentReader } from "./read-task.js";

export type PageFetcher = (url: string) => Promise<Fetched>;

export async function readFeedItem(
  item: FeedItem,
  feedTitle: string | null,
  fetchPage: PageFetcher,
  reader: DocumentReader,
): Promise<ReadResult<ArticleDraft>> {
  const fragment = item.html
    ? await reader.read({ kind: "fragment", html: item.html, title: item.title, publisher: feedTitle })
    : null;
  if (fragment && !fragment.ok) return fragment;
  const paragraphs = fragment?.value ?? [];
  const fromFeed: ArticleDraft = {
    title: item.title,
    publisher: feedTitle,
    authors: item.authors,
    published: dateFromMachine(item.published),
    dateNote: null,
    url: item.link,
    paragraphs,
  };
  if (wordsIn(paragraphs) >= MIN_ARTICLE_WORDS) return { ok: true, value: fromFeed };
  if (!item.link) return failure("is a feed item with neither full text nor a link to its article");
  const page = await fetchPage(item.link);
  if (page.status !== "ok") return failure(page.status === "failed" ? page.reason : "could not be read");
  const read = await reader.read({ kind: "page", html: page.body, url: page.url });
  if (!read.ok) return read;
  const fromPage = read.value;
  return {
    ok: true,
    value: {
      ...fromPage,
      title: fromPage.title ?? fromFeed.title,
      publisher: fromPage.publisher ?? fromFeed.publisher,
      authors: fromPage.authors.length > 0 ? fromPage.authors : fromFeed.authors,
      published:
        fromPage.dateNote === null && fromPage.published
          ? fromPage.published
          : (fromFeed.published ?? fromPage.published),
      dateNote: fromPage.dateNote === null || fromFeed.published ? null : fromPage.dateNote,
      url: fromPage.url ?? fromFeed.url,
    },
  };
}
