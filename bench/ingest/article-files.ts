/**
 * Generated articles written out the three ways `nhsai ingest` reads local files: Markdown with
 * front matter, an HTML page with chrome around the article, and a plain-text capture.
 */

import type { Document } from "../../src/knowledge/document.js";

export type FileKind = "md" | "html" | "txt";

export function articleFile(doc: Document, kind: FileKind): { name: string; body: string } {
  const date = doc.published?.value ?? "2026-01-01";
  const body = doc.paragraphs.map((p) => p.text);
  switch (kind) {
    case "md":
      return {
        name: `${doc.id}.md`,
        body: [
          "---",
          `title: ${JSON.stringify(doc.title)}`,
          `publisher: ${JSON.stringify(doc.publisher ?? "Bench News")}`,
          `date: ${date}`,
          `url: https://bench.example/${doc.id}`,
          "---",
          "",
          ...doc.paragraphs.map((p) => (p.heading ? `## ${p.text}\n` : `${p.text}\n`)),
        ].join("\n"),
      };
    case "html":
      return {
        name: `${doc.id}.html`,
        body: `<!doctype html><html lang="en"><head><title>${doc.title} | ${doc.publisher}</title>
<meta property="og:site_name" content="${doc.publisher}"><meta property="article:published_time" content="${date}">
<link rel="canonical" href="https://bench.example/${doc.id}"></head><body>
<div class="cookies"><p>We use cookies to improve your experience. Accept all</p></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<main><article><h1>${doc.title}</h1>${doc.paragraphs.map((p) => (p.heading ? `<h2>${p.text}</h2>` : `<p>${p.text}</p>`)).join("\n")}</article>
<aside><h3>Related news</h3><ul><li><a href="/x">Another story entirely about something else</a></li></ul></aside></main>
<footer><p>Privacy policy</p></footer></body></html>`,
      };
    case "txt":
      return {
        name: `${doc.id}.txt`,
        body: ["Skip to content", doc.title, ...body, "Related news", "Other story"].join("\n"),
      };
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown kind ${String(unreachable)}`);
    }
  }
}
