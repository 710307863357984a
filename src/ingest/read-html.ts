/**
 * HTML pages: the article found by Mozilla's Readability (Firefox Reader View), on linkedom's DOM,
 * with the page's metadata read first. A page where Readability finds no article, or only a few
 * words of one, is refused as "not an article".
 */

import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { namesInByline } from "../knowledge/bylines.js";
import { type ArticleDraft, failure, MIN_ARTICLE_WORDS, type ReadResult, wordsIn } from "./article-draft.js";
import { canonicalUrl } from "./canonical-url.js";
import { writersOfOpening } from "./capture-authors.js";
import { readPageMetadata } from "./html-metadata.js";
import { type BlockElement, paragraphsOf } from "./html-paragraphs.js";
import { publishedFrom } from "./published-date.js";
import { publisherForUrl } from "./publishers.js";

/** Reads an article page; `pageUrl` is where it came from (null for a local file). */
export function readHtmlPage(html: string, pageUrl: string | null): ReadResult<ArticleDraft> {
  const { document } = parseHTML(html);
  const meta = readPageMetadata(document, pageUrl ?? "http://localhost/");
  const article = new Readability<BlockElement>(document as never, {
    serializer: (node) => node as unknown as BlockElement,
  }).parse();
  if (!article?.content) return failure("is not an article page (no article text found)");
  const title = meta.title ?? article.title ?? null;
  // Metadata first, then what a text capture would show: a known outlet by host, else the site's
  // name as the page writes its domain, else the host.
  const pageLines = (document.body?.textContent ?? "").split("\n").map((l: string) => l.trim());
  const publisher = meta.siteName ?? article.siteName ?? publisherForUrl(pageUrl, pageLines.filter(Boolean));
  const byline = article.byline?.trim() ?? "";
  const declared = meta.authors.length > 0 ? meta.authors : authorsFromByline(byline);
  const paragraphs = paragraphsOf(article.content, {
    title,
    publisherNames: publisher ? [publisher] : [],
    // The byline said again in the body, in whichever form the page uses.
    bylines: [byline, ...declared, ...declared.map((a) => `By ${a}`)].filter(Boolean),
  });
  // No byline anywhere: the writers a standfirst names ("…, writes Jane Smith"), as in a text capture.
  const authors =
    declared.length > 0 ? declared : writersOfOpening(paragraphs.slice(0, STANDFIRST_PARAGRAPHS).map((p) => p.text));
  const words = wordsIn(paragraphs);
  if (words < MIN_ARTICLE_WORDS) return failure(`is not an article page (only ${words} words of text)`);
  return {
    ok: true,
    value: {
      title,
      publisher,
      authors,
      ...publishedFrom(meta.published ?? article.publishedTime, paragraphs, "page"),
      url: canonicalUrl(meta.canonical ?? pageUrl),
      paragraphs,
    },
  };
}

/** A standfirst stands in the first paragraphs of an extracted article. */
const STANDFIRST_PARAGRAPHS = 2;

/** Paragraphs of an HTML fragment (a feed item's content), with no extraction step. */
export function fragmentParagraphs(html: string, title: string | null, publisher: string | null) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return paragraphsOf(document.body as unknown as BlockElement, {
    title,
    publisherNames: publisher ? [publisher] : [],
  });
}

/**
 * "By Jane Smith and Sam Jones" → both names, by the same rules as a text capture's byline (a
 * role after a name is no name); a byline that is a date or a site is no author.
 */
function authorsFromByline(byline: string): string[] {
  return byline ? namesInByline(/^by\b/i.test(byline) ? byline : `By ${byline}`) : [];
}
