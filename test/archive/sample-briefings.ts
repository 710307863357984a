/** Archived briefings for page tests: awkward text, a second outlet, and a url that must not become a link. */

import type { ArchivedBriefing } from "../../src/archive/posted-briefing.js";

export function briefingOn(date: string): ArchivedBriefing {
  const [, , day] = date.split("-");
  const previous = `${date.slice(0, 8)}${String(Math.max(1, Number(day) - 1)).padStart(2, "0")}`;
  return {
    id: `${date}-${Number(day).toString(16).padStart(8, "0")}`,
    date,
    title: `☕ Coffee Time Briefing — ${date}`,
    intro: "2 new stories, led by “AI & the rota”.",
    topic: null,
    items: [
      {
        documentId: `rota-${date}`,
        headline: "AI & the rota <b>test</b>",
        summary: "A trust used an AI tool to draft staff rotas, saving managers hours each week.",
        publisher: "NHS England",
        published: previous,
        publishedLabel: `${Number(previous.slice(8))} October 2026`,
        url: `https://example.org/news/${date}`,
        topics: ["workforce"],
        sources: [
          {
            documentId: `rota-${date}`,
            headline: "AI & the rota",
            publisher: "NHS England",
            published: previous,
            publishedLabel: "",
            url: null,
          },
          {
            documentId: `rota-dh-${date}`,
            headline: "Rotas by AI",
            publisher: "Digital Health",
            published: date,
            publishedLabel: `${Number(day)} October 2026`,
            url: "https://other.example/story",
          },
        ],
      },
      {
        documentId: `ledger-${date}`,
        headline: "Shared care records reach every region",
        summary: "Every integrated care system now shares records across its hospitals and GP practices.",
        publisher: "Health Tech Newspaper",
        published: null,
        publishedLabel: "date not stated",
        url: "javascript:alert(1)",
        topics: ["infrastructure"],
        sources: [],
      },
    ],
  };
}
