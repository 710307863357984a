/**
 * A page's own metadata, read before article extraction changes the DOM: Open Graph and article
 * meta tags, the canonical link, and schema.org JSON-LD (NewsArticle and kin), which news sites
 * fill most reliably.
 */

import { squash } from "./html-paragraphs.js";

interface MetaElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

export interface MetaDocument {
  querySelector(selector: string): MetaElement | null;
  querySelectorAll(selector: string): Iterable<MetaElement>;
}

export interface PageMetadata {
  title: string | null;
  siteName: string | null;
  authors: string[];
  /** The raw date text, for dateFromMachine. */
  published: string | null;
  /** Absolute, or null when the page names none. */
  canonical: string | null;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES =
  /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|Report|WebPage)$/;

export function readPageMetadata(doc: MetaDocument, pageUrl: string): PageMetadata {
  const meta = (...keys: string[]) => {
    for (const key of keys) {
      const value = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content");
      if (value?.trim()) return squash(value);
    }
    return null;
  };
  const ld = articleJsonLd(doc);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta("og:url");
  const metaAuthors = [...doc.querySelectorAll('meta[name="author"], meta[property="article:author"]')]
    .map((m) => squash(m.getAttribute("content") ?? ""))
    .filter((a) => a && !/^https?:/i.test(a));
  return {
    title: text(ld?.headline) ?? meta("og:title", "twitter:title"),
    siteName: meta("og:site_name", "application-name") ?? nameOf(ld?.publisher),
    authors: unique([...namesOf(ld?.author), ...metaAuthors]),
    published:
      text(ld?.datePublished) ??
      meta("article:published_time", "date", "dc.date", "DC.date.issued", "pubdate") ??
      doc.querySelector("time[datetime]")?.getAttribute("datetime") ??
      null,
    canonical: absolute(canonical, pageUrl),
  };
}

/** The first JSON-LD object that describes an article (top level, in an array, or in @graph). */
function articleJsonLd(doc: MetaDocument): JsonObject | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue; // a broken block of structured data: the page's other metadata still counts
    }
    const found = flatten(data).find((o) =>
      [o["@type"]].flat().some((t) => typeof t === "string" && ARTICLE_TYPES.test(t)),
    );
    if (found) return found;
  }
  return null;
}

function flatten(data: unknown): JsonObject[] {
  if (Array.isArray(data)) return data.flatMap(flatten);
  if (!data || typeof data !== "object") return [];
  const object = data as JsonObject;
  return [object, ...flatten(object["@graph"])];
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? squash(value) : null;
}

function nameOf(value: unknown): string | null {
  if (typeof value === "string") return text(value);
  if (value && typeof value === "object" && !Array.isArray(value)) return text((value as JsonObject).name);
  return null;
}

function namesOf(value: unknown): string[] {
  return [value]
    .flat()
    .map(nameOf)
    .filter((n): n is string => Boolean(n));
}

function unique(names: string[]): string[] {
  return [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
}

function absolute(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null; // an unusable canonical link: the page's own URL stands
  }
}
