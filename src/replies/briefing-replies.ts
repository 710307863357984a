/** Replies for news: the Coffee Time digest, a topic briefing, and a topic with no news. */

import type { Digest, DigestItem } from "../briefings/digest.js";
import type { TopicBriefing } from "../briefings/topic-briefing.js";
import { findTopic, type TopicId } from "../knowledge/topics.js";
import {
  type Action,
  type Block,
  type BriefingReply,
  command,
  type DigestReply,
  link,
  type NoMatchReply,
  note,
  paragraph,
  type Run,
  runsFromMessage,
  type Section,
  text,
} from "../reply.js";
import { replyCitation } from "./reply-citation.js";

const SHARE: Action = { type: "share", label: "Share with the channel" };
const FEEDBACK: Action[] = [
  { type: "feedback", label: "Useful", value: "helpful" },
  { type: "feedback", label: "Not useful", value: "not_helpful" },
];

/** The digest as a reply: intro, then one section per story with its summary and small print. */
export function digestReply(digest: Digest): DigestReply {
  const stories: Section[] = digest.items.map((item) => ({
    heading: [link(item.headline, item.url)],
    blocks: [
      paragraph(text(item.summary)),
      note(
        text(`${item.publisher} · ${item.publishedLabel}${item.topics.length ? ` · ${topicNames(item.topics)}` : ""}`),
      ),
      ...alsoReported(item),
    ],
  }));
  const empty: Section[] = digest.items.length
    ? []
    : [
        {
          heading: null,
          blocks: [
            paragraph(
              ...runsFromMessage("Try a topic briefing such as `funding`, or `sources` to see every article I hold."),
            ),
          ],
        },
      ];
  return {
    kind: "digest",
    title: digest.title,
    sections: [{ heading: null, blocks: [paragraph(text(digest.intro))] }, ...stories, ...empty],
    citations: digest.items.map((item) => ({
      documentId: item.documentId,
      title: item.headline,
      publisher: item.publisher,
      published: item.published,
      publishedLabel: item.publishedLabel,
      url: item.url,
      quote: item.summary,
    })),
    actions: digest.items.length ? [SHARE, ...FEEDBACK] : [],
    digest,
  };
}

/** "Also reported by Digital Care Review (18 November 2026)": the story's other outlets, linked. */
function alsoReported(item: DigestItem): Block[] {
  const others = item.sources.slice(1);
  if (others.length === 0) return [];
  // Plain runs: a note is small print already, and styled runs around links render as clutter.
  const runs = others.flatMap((source, i) => [
    text(i === 0 ? "Also reported by " : ", "),
    link(source.publisher, source.url),
    text(` (${source.publishedLabel})`),
  ]);
  return [note(...runs)];
}

/** A topic briefing: short cited facts, newest first, with "show all" when some were left out. */
export function topicBriefingReply(briefing: TopicBriefing): BriefingReply {
  const { topic, facts, total, documents } = briefing;
  const citations = facts.map((f) => replyCitation(f.passage.document, f.text));
  const articles = `${documents} ${documents === 1 ? "article" : "articles"}`;
  const count =
    facts.length < total ? `${facts.length} of ${total} facts` : `${total} ${total === 1 ? "fact" : "facts"}`;
  const actions: Action[] = [SHARE];
  if (facts.length < total)
    actions.unshift({ type: "show_more", label: `Show all ${total}`, command: `${topic.id} all` });
  return {
    kind: "briefing",
    title: `${topic.label}: what the news says`,
    sections: [
      {
        heading: null,
        blocks: [
          paragraph(text(`${count} from ${articles}, newest first.`)),
          { type: "bullets", items: facts.map((f, i) => ({ runs: [text(f.text)], citation: i })) },
        ],
      },
    ],
    citations,
    actions,
    topic: topic.id,
    shown: facts.length,
    total,
  };
}

/** Nothing in the library on `topic`: say so, and offer the topics that have news. */
export function noNewsReply(topic: TopicId, withNews: TopicId[]): NoMatchReply {
  const label = findTopic(topic)?.label ?? topic;
  const offer: Run[] = withNews.length
    ? [text("Topics with news: "), ...withNews.flatMap((t, i) => [...(i ? [text(", ")] : []), command(t)]), text(".")]
    : runsFromMessage("The library is empty for now: type `help` to see what I can do.");
  return {
    kind: "no_match",
    title: `${label}: no news yet`,
    sections: [
      {
        heading: null,
        blocks: [paragraph(text(`There's nothing on ${label.toLowerCase()} in the library yet.`)), paragraph(...offer)],
      },
    ],
    citations: [],
    actions: [],
    topic,
    suggestions: withNews,
  };
}

function topicNames(topics: TopicId[]): string {
  return topics.map((t) => findTopic(t)?.label ?? t).join(", ");
}
