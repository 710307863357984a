/**
 * RSS 2.0 (and RSS 1.0/RDF) and Atom feeds, parsed by fast-xml-parser after its validator has
 * accepted the XML: a malformed feed is refused with the parser's line and reason, never half-read.
 * Entity declarations are refused outright (no entity-expansion bombs).
 */

import { createRequire } from "node:module";
import type { XMLParser, XMLValidator } from "fast-xml-parser";
import { failure, type ReadResult } from "./article-draft.js";
import { canonicalUrl } from "./canonical-url.js";
import { squash } from "./html-paragraphs.js";

export interface FeedItem {
  title: string | null;
  /** The article's page, absolute. */
  link: string | null;
  /** The raw date text (RFC 822 in RSS, ISO 8601 in Atom). */
  published: string | null;
  authors: string[];
  /** The item's HTML: the full text (content:encoded, Atom content) or else its summary. */
  html: string | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

const ARRAYS = new Set(["item", "entry", "link", "author", "dc:creator", "category"]);

const requireLazily = createRequire(import.meta.url);
let loaded: { validator: typeof XMLValidator; parser: XMLParser } | undefined;

/**
 * fast-xml-parser, loaded on the first feed read: the ingester imports looksLikeFeed from here, and
 * every adapter imports the ingester through src/index.ts, so a top-level import would load the
 * parser for a cold `nhsai ask` too.
 */
function feedParser(): { validator: typeof XMLValidator; parser: XMLParser } {
  if (!loaded) {
    const fxp = requireLazily("fast-xml-parser") as typeof import("fast-xml-parser");
    const parser = new fxp.XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "@_",
      textNodeName: "#text",
      parseTagValue: false,
      trimValues: true,
      // Numeric and HTML character references ("Trust&#8217;s") as the characters they stand for.
      htmlEntities: true,
      isArray: (name) => ARRAYS.has(name),
    });
    loaded = { validator: fxp.XMLValidator, parser };
  }
  return loaded;
}

type Node = Record<string, unknown>;

/** Whether a body looks like a feed (used when a URL's content type does not say). */
export function looksLikeFeed(body: string, contentType: string): boolean {
  if (/(rss|atom)\+xml/i.test(contentType)) return true;
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)\b/i.test(body.slice(0, 2048));
}

export function readFeed(xml: string, feedUrl: string): ReadResult<Feed> {
  if (/<!ENTITY/i.test(xml)) return failure("is a feed that declares XML entities, which are not read");
  const { validator, parser } = feedParser();
  const valid = validator.validate(xml);
  if (valid !== true) return failure(`is a malformed feed (line ${valid.err.line}: ${valid.err.msg})`);
  const doc = parser.parse(xml) as Node;
  const rss = node(doc.rss);
  const rdf = node(doc["rdf:RDF"]);
  const atom = node(doc.feed);
  if (rss || rdf) {
    const channel = node(rss?.channel) ?? node(rdf?.channel);
    const items = list(rss ? channel?.item : rdf?.item);
    return { ok: true, value: { title: text(channel?.title), items: items.map((i) => rssItem(i, feedUrl)) } };
  }
  if (atom)
    return { ok: true, value: { title: text(atom.title), items: list(atom.entry).map((e) => atomEntry(e, feedUrl)) } };
  return failure("is XML, but not an RSS or Atom feed");
}

function rssItem(item: Node, base: string): FeedItem {
  const guid = node(item.guid);
  const permalink = guid && guid["@_isPermaLink"] !== "false" ? text(guid) : null;
  return {
    title: text(item.title),
    link: absolute(text(list(item.link)[0]) ?? permalink ?? (typeof item.guid === "string" ? item.guid : null), base),
    published: text(item.pubDate) ?? text(item["dc:date"]),
    authors: [...list(item["dc:creator"]).map(text), ...list(item.author).map((a) => authorOfRss(text(a)))].filter(
      (a): a is string => Boolean(a),
    ),
    html: text(item["content:encoded"]) ?? text(item.description),
  };
}

function atomEntry(entry: Node, base: string): FeedItem {
  const links = list(entry.link);
  const alternate = links.find((l) => !l["@_rel"] || l["@_rel"] === "alternate") ?? links[0];
  return {
    title: text(entry.title),
    link: absolute(typeof alternate?.["@_href"] === "string" ? alternate["@_href"] : null, base),
    published: text(entry.published) ?? text(entry.updated),
    authors: list(entry.author)
      .map((a) => text(a.name))
      .filter((a): a is string => Boolean(a)),
    html: text(entry.content) ?? text(entry.summary),
  };
}

/** RSS `author` is an e-mail address, often with the name in brackets: keep only the name. */
function authorOfRss(author: string | null): string | null {
  if (!author) return null;
  const named = /\(([^)]+)\)/.exec(author)?.[1];
  return named ?? (author.includes("@") ? null : author);
}

function node(value: unknown): Node | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Node) : null;
}

function list(value: unknown): Node[] {
  return [value ?? []].flat().map((v) => (typeof v === "string" ? { "#text": v } : (node(v) ?? {})));
}

function text(value: unknown): string | null {
  const raw = typeof value === "string" || typeof value === "number" ? String(value) : node(value)?.["#text"];
  return typeof raw === "string" && raw.trim() ? raw.trim() : typeof raw === "number" ? String(raw) : null;
}

function absolute(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    return canonicalUrl(new URL(squash(href), base).href);
  } catch {
    return null; // an item with an unusable link is read from its own content
  }
}
