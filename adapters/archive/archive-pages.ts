/**
 * The archive's pages as HTML strings, from the store's posted briefings and the core's Reply
 * model. Nunjucks renders them: the engine the NHS.UK design system's macros are written for, with
 * autoescape on, so every value is HTML-escaped unless a template says otherwise (none does).
 */

import nunjucks from "nunjucks";
import { findTopic, londonClock, londonDayLabel, type PostedBriefing, type Reply, topicsOf } from "../../src/index.js";
import { NHSUK_TEMPLATES } from "./design-system.js";
import { TEMPLATES } from "./page-templates.js";

interface ListPage {
  briefings: readonly PostedBriefing[];
  page: number;
  pages: number;
  total: number;
}

export interface ArchivePages {
  list(view: ListPage): string;
  briefing(briefing: PostedBriefing): string;
  /** The search page; `reply` is the core's answer to `query`, or null before a search. */
  library(query: string, reply: Reply | null): string;
  /** A page for a request that cannot be served: not found, bad address, needs the token, failed. */
  problem(heading: string, message: string): string;
}

/** The archive's own templates; any other name falls through to the design system's folder. */
const inMemory = {
  getSource: (name: string) => {
    const src = TEMPLATES[name];
    return src === undefined ? null : { src, path: name, noCache: false };
  },
} as unknown as nunjucks.ILoader;

export function createArchivePages(): ArchivePages {
  const env = new nunjucks.Environment([inMemory, new nunjucks.FileSystemLoader(NHSUK_TEMPLATES)], {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  // Only web addresses become links: a "javascript:" or "data:" url in an article stays text.
  env.addFilter("webLink", (url: unknown) => typeof url === "string" && /^https?:\/\//i.test(url));
  const render = (name: string, context: object) => env.render(name, context);
  return {
    list: (view) =>
      render("list.njk", {
        pageTitle: view.page > 1 ? `Coffee Time briefings, page ${view.page}` : "Coffee Time briefings",
        section: "briefings",
        atHome: view.page === 1,
        ...view,
        briefings: view.briefings.map((b) => ({
          id: b.id,
          day: dayOf(b.date),
          count: `${b.items.length} ${b.items.length === 1 ? "story" : "stories"}`,
          topics: topicLabels(topicsOf(b)),
        })),
      }),
    briefing: (b) =>
      render("briefing.njk", {
        pageTitle: `Coffee Time briefing, ${dayOf(b.date)}`,
        section: "briefings",
        title: b.title,
        intro: b.intro,
        postedAt: `${dayOf(b.firstPostedAt)} at ${londonClock(b.firstPostedAt)}`,
        items: b.items.map((item) => ({
          ...item,
          topicLabels: topicLabels(item.topics),
          others: item.sources.slice(1),
        })),
      }),
    library: (query, reply) =>
      render("library.njk", {
        pageTitle: reply ? `${reply.title} – search the library` : "Search the library",
        section: "library",
        atHome: reply === null,
        query,
        reply,
      }),
    problem: (heading, message) => render("problem.njk", { pageTitle: heading, heading, message }),
  };
}

/** "2026-11-23" or a moment → "Monday 23 November 2026" (the day in Europe/London). */
function dayOf(day: string | Date): string {
  return londonDayLabel(typeof day === "string" ? new Date(`${day}T12:00:00Z`) : day);
}

function topicLabels(ids: readonly string[]): string {
  return ids.map((id) => findTopic(id)?.label ?? id).join(", ");
}
