/** Replies about the library itself: the topics it covers, the articles it holds, what the bot is. */

import { storyDateLabel } from "../briefings/build-digest.js";
import { publishedSpan } from "../briefings/dates.js";
import { topicBriefing } from "../briefings/topic-briefing.js";
import { type Document, hostOf, sourceName } from "../knowledge/document.js";
import { formatPublished } from "../knowledge/format-date.js";
import type { Library, LibraryDocument } from "../knowledge/library.js";
import { TOPICS } from "../knowledge/topics.js";
import {
  type AboutReply,
  type BulletItem,
  command,
  link,
  note,
  paragraph,
  runsFromMessage,
  type Section,
  type SourcesReply,
  type TopicsReply,
  text,
} from "../reply.js";

/** Every topic, what else it may be called, and how many articles touch it. */
export function topicsReply(library: Library): TopicsReply {
  const items: BulletItem[] = TOPICS.map((topic) => {
    const { documents } = topicBriefing(library, topic.id, { limit: 0 });
    const count = documents ? `${documents} ${documents === 1 ? "article" : "articles"}` : "no news yet";
    const aliases = topic.aliases.filter((a) => !a.includes("&") && !a.includes(" ")).slice(0, 3);
    return {
      runs: [command(topic.id), text(` — ${topic.label}`), text(` (${count}; also: ${aliases.join(", ")})`, "subtle")],
      citation: null,
    };
  });
  return {
    kind: "topics",
    title: "Topics I follow",
    sections: [
      { heading: null, blocks: [{ type: "bullets", items }] },
      {
        heading: null,
        blocks: [note(...runsFromMessage("Type a topic for its briefing, e.g. `funding` or `cyber`."))],
      },
    ],
    citations: [],
    actions: [],
  };
}

/** The articles in the library, newest first, with source and date; then the feeds, when given. */
export function sourcesReply(library: Library, feeds: Section | null = null): SourcesReply {
  const entries = newestFirst(library.all());
  const items: BulletItem[] = entries.map(({ document: doc }) => ({
    runs: [link(doc.title, doc.url), text(` — ${sourceName(doc)}, ${storyDateLabel(doc)}${alsoIn(doc)}`, "subtle")],
    citation: null,
  }));
  return {
    kind: "sources",
    title: "Articles in the library",
    sections: [
      { heading: null, blocks: [paragraph(text(librarySize(entries))), { type: "bullets", items }] },
      ...(feeds ? [feeds] : []),
    ],
    citations: [],
    actions: [],
  };
}

/** What the bot is, how it answers, and that it is not a clinical tool. */
export function aboutReply(library: Library): AboutReply {
  const say = (message: string) => paragraph(...runsFromMessage(message));
  return {
    kind: "about",
    title: "About nhsai",
    sections: [
      {
        heading: null,
        blocks: [
          say("I'm nhsai, a bot (not a person) that keeps NHS digital teams briefed on AI and digital news."),
          say(
            "Every answer and briefing quotes the articles in my library, with their source and date. When the library doesn't say, I tell you so rather than guess.",
          ),
          say(
            "I'm not a clinical tool: I don't give medical advice or support direct care. For health advice, use NHS 111, nhs.uk or speak to a GP or pharmacist.",
          ),
        ],
      },
      { heading: null, blocks: [note(text(`Library: ${librarySize(library.all())}`))] },
    ],
    citations: [],
    actions: [],
  };
}

/** "; also reported by Health Tech Daily": the outlets that ran a copy of this text. */
function alsoIn(doc: Document): string {
  const outlets = (doc.appearances ?? []).map((a) => a.publisher ?? hostOf(a.url) ?? "another outlet");
  return outlets.length ? `; also reported by ${outlets.join(", ")}` : "";
}

function newestFirst(entries: LibraryDocument[]): LibraryDocument[] {
  const start = (e: LibraryDocument) => publishedSpan(e.document.published)?.start ?? Number.NEGATIVE_INFINITY;
  return entries
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => start(b.entry) - start(a.entry) || a.i - b.i)
    .map((x) => x.entry);
}

/** "5 articles, the newest from 2 July 2024 (1 undated)." */
function librarySize(entries: LibraryDocument[]): string {
  if (entries.length === 0) return "The library is empty.";
  const dated = newestFirst(entries).filter((e) => e.document.published);
  const undated = entries.length - dated.length;
  const count = `${entries.length} ${entries.length === 1 ? "article" : "articles"}`;
  const newest = dated[0] ? `, the newest from ${formatPublished(dated[0].document.published)}` : "";
  return `${count}${newest}${undated ? ` (${undated} undated)` : ""}.`;
}
