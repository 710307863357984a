/**
 * Markdown with optional YAML front matter (title, publisher, author(s), date, url). The body is
 * rendered by marked and read like any HTML fragment, so emphasis, links and lists come out as
 * the plain text a reader sees.
 */

import { marked } from "marked";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { type ArticleDraft, failure, MIN_ARTICLE_WORDS, type ReadResult, wordsIn } from "./article-draft.js";
import { canonicalUrl } from "./canonical-url.js";
import { publishedFrom } from "./published-date.js";
import { fragmentParagraphs } from "./read-html.js";

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

const names = z.union([z.string(), z.array(z.string())]).optional();
const frontMatterSchema = z
  .object({
    title: z.string().optional(),
    publisher: z.string().optional(),
    source: z.string().optional(),
    author: names,
    authors: names,
    date: z.union([z.string(), z.number()]).optional(),
    published: z.union([z.string(), z.number()]).optional(),
    url: z.string().optional(),
    canonical: z.string().optional(),
  })
  .loose();

export function readMarkdown(source: string): ReadResult<ArticleDraft> {
  const match = FRONT_MATTER.exec(source);
  let data: unknown = {};
  if (match) {
    try {
      data = parseYaml(match[1] ?? "") ?? {};
    } catch (error) {
      return failure(`has malformed front matter (${firstLine(error)})`);
    }
  }
  const front = frontMatterSchema.safeParse(data);
  if (!front.success)
    return failure(`has front matter that is not a list of fields (${front.error.issues[0]?.message})`);
  const fm = front.data;
  const body = match ? source.slice(match[0].length) : source;
  const title = fm.title?.trim() || (/^#\s+(.+?)\s*#*\s*$/m.exec(body)?.[1] ?? null);
  const publisher = fm.publisher ?? fm.source ?? null;
  const paragraphs = fragmentParagraphs(marked.parse(body, { async: false }), title, publisher);
  const words = wordsIn(paragraphs);
  if (words < MIN_ARTICLE_WORDS) return failure(`is not an article (only ${words} words of text)`);
  return {
    ok: true,
    value: {
      title,
      publisher,
      authors: [fm.authors ?? fm.author ?? []]
        .flat()
        .map((a) => a.trim())
        .filter(Boolean),
      ...publishedFrom(String(fm.published ?? fm.date ?? ""), paragraphs, "file"),
      url: canonicalUrl(fm.canonical ?? fm.url),
      paragraphs,
    },
  };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
