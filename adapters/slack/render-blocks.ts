/**
 * The reply model as Block Kit: a header, each section's heading and paragraphs as mrkdwn
 * sections, small print as context lines, quoted sources under an answer, and the buttons
 * (share, 👍/👎, show more). fitMessages then keeps the result inside Slack's limits.
 */

import type { Action, Block, FeedbackTarget, Reply, ReplyCitation, Section } from "../../src/index.js";
import { type Button, chunk, clip, LIMITS, type SlackBlock, type SlackMessage } from "./block-kit.js";
import { escapeText, linkTarget } from "./escape-text.js";
import { fitMessages } from "./fit-messages.js";
import { mrkdwn } from "./mrkdwn.js";

export const ACTION_IDS = {
  share: "nhsai_share",
  helpful: "nhsai_feedback_helpful",
  notHelpful: "nhsai_feedback_not_helpful",
  showMore: "nhsai_show_more",
} as const;

export interface RenderOptions {
  /** The command to run again when "Share in channel" is clicked; null when the reply is already public. */
  share: string | null;
  /** What 👍/👎 is recorded against (feedbackTargetOf); null offers no feedback buttons. */
  feedback: FeedbackTarget | null;
}

const PUBLIC: RenderOptions = { share: null, feedback: null };

/** The reply as one or more Slack messages (more when it is too long for one), each within the limits. */
export function renderBlocks(reply: Reply, options: RenderOptions = PUBLIC): SlackMessage[] {
  const content: SlackBlock[] = [header(reply.title)];
  reply.sections.forEach((section, i) => {
    if (i > 0 && section.heading) content.push({ type: "divider" });
    content.push(...renderSection(section, reply.citations));
  });
  content.push(...renderFooter(reply));
  return fitMessages(content, renderActions(reply.actions, options), escapeText(reply.title));
}

function header(title: string): SlackBlock {
  return {
    type: "header",
    text: { type: "plain_text", text: clip(escapeText(title), LIMITS.headerText), emoji: true },
  };
}

function renderFooter(reply: Reply): SlackBlock[] {
  switch (reply.kind) {
    case "answer":
      return reply.citations.flatMap(renderQuote);
    case "briefing":
    case "digest":
    case "help":
    case "topics":
    case "sources":
    case "about":
    case "no_match":
    case "unknown_command":
    case "text":
      return [];
    default: {
      const unreachable: never = reply;
      throw new Error(`no Block Kit rendering for ${JSON.stringify(unreachable)}`);
    }
  }
}

function renderSection(section: Section, citations: ReplyCitation[]): SlackBlock[] {
  const blocks = section.blocks.flatMap((block) => renderBlock(block, citations));
  if (!section.heading) return blocks;
  const heading = `*${mrkdwn(section.heading)}*`;
  // The heading shares its first paragraph's block when both fit: fewer blocks, same look.
  const [first, ...rest] = blocks;
  if (first?.type === "section" && heading.length + first.text.text.length < LIMITS.sectionText)
    return [{ type: "section", text: { type: "mrkdwn", text: `${heading}\n${first.text.text}` } }, ...rest];
  return [...sections(heading), ...blocks];
}

function renderBlock(block: Block, citations: ReplyCitation[]): SlackBlock[] {
  switch (block.type) {
    case "paragraph":
      return sections(mrkdwn(block.runs));
    case "note":
      return [context(mrkdwn(block.runs))];
    case "bullets":
      return sections(
        block.items
          .map((item) => {
            const cited = item.citation === null ? undefined : citations[item.citation];
            const source = cited ? ` — _${escapeText(`${cited.publisher}, ${cited.publishedLabel}`)}_` : "";
            return `• ${mrkdwn(item.runs)}${source}`;
          })
          .join("\n"),
      );
    default: {
      const unreachable: never = block;
      throw new Error(`no Block Kit rendering for block ${JSON.stringify(unreachable)}`);
    }
  }
}

/** A source under an answer: its sentence as a quote, then title, publisher and date. */
function renderQuote(citation: ReplyCitation): SlackBlock[] {
  const quote = escapeText(citation.quote)
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
  const url = citation.url ? linkTarget(citation.url) : null;
  const title = escapeText(citation.title);
  const named = url ? `<${url}|${title.replace(/\|/g, "¦")}>` : title;
  return [...sections(quote), context(`${named} — ${escapeText(`${citation.publisher}, ${citation.publishedLabel}`)}`)];
}

/** A long text as several sections of at most 3,000 characters. */
function sections(text: string): SlackBlock[] {
  if (!text.trim()) return [];
  return chunk(text, LIMITS.sectionText).map((part) => ({ type: "section", text: { type: "mrkdwn", text: part } }));
}

function context(text: string): SlackBlock {
  return { type: "context", elements: [{ type: "mrkdwn", text: clip(text, LIMITS.contextText) }] };
}

function renderActions(actions: Action[], options: RenderOptions): SlackBlock[] {
  const buttons: Button[] = [];
  for (const action of actions) {
    if (action.type === "show_more") buttons.push(button(ACTION_IDS.showMore, `➕ ${action.label}`, action.command));
    if (action.type === "share" && options.share !== null)
      buttons.push(button(ACTION_IDS.share, "📣 Share in channel", options.share));
  }
  const blocks: SlackBlock[] = [];
  if (options.feedback && actions.some((a) => a.type === "feedback")) {
    const value = JSON.stringify(options.feedback);
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: "Was this helpful?" }] });
    buttons.push(button(ACTION_IDS.helpful, "👍 Yes", value), button(ACTION_IDS.notHelpful, "👎 No", value));
  }
  if (buttons.length) blocks.push({ type: "actions", block_id: "nhsai_actions", elements: buttons });
  return blocks;
}

function button(actionId: string, label: string, value: string): Button {
  return {
    type: "button",
    action_id: actionId,
    text: { type: "plain_text", text: clip(label, LIMITS.buttonText), emoji: true },
    value: value.slice(0, LIMITS.buttonValue),
  };
}
