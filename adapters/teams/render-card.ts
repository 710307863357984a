/**
 * The reply model as Teams messages: Adaptive Cards (schema 1.5) with a plain-text fallback, one
 * card per message, split into several messages when one would pass the 28 KB budget
 *. The same Reply the terminal and Slack render; nothing here decides
 * what to say, only how it looks.
 */

import { type FeedbackTarget, plainRuns, type Reply, type Section } from "../../src/index.js";
import { blockElements, type CardElement, citationElements, richText } from "./card-elements.js";
import { type AdaptiveCard, packCards } from "./pack-cards.js";
import { feedbackData, showMoreData } from "./submit-data.js";

/** One Teams message: a card, and the text shown where cards are not (notifications, old clients). */
export interface TeamsMessage {
  card: AdaptiveCard;
  text: string;
}

const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

/** A message activity carrying one card; `summary` is what notifications show. */
export interface CardActivity {
  type: "message";
  summary: string;
  attachments: { contentType: typeof ADAPTIVE_CARD; content: AdaptiveCard }[];
}

/** The one way a rendered message becomes an activity, in a turn's reply or sent later. */
export function cardActivity({ card, text }: TeamsMessage): CardActivity {
  return { type: "message", summary: text.slice(0, 200), attachments: [{ contentType: ADAPTIVE_CARD, content: card }] };
}

/**
 * Renders `reply` as one or more messages; `feedback` is what a 👍/👎 on it is recorded against
 * (`feedbackTargetOf(reply)`), or null to offer no feedback buttons.
 */
export function renderCards(reply: Reply, feedback: FeedbackTarget | null): TeamsMessage[] {
  const body: CardElement[] = [
    ...richText([{ type: "text", text: reply.title, style: "strong" }], false, { size: "Large" }),
    ...reply.sections.flatMap((section) => sectionElements(section, reply)),
    ...footerElements(reply),
  ];
  const cards = packCards(body, actionsOf(reply, feedback), fallbackTextOf(reply));
  return cards.map((card) => ({ card, text: card.fallbackText }));
}

function sectionElements(section: Section, reply: Reply): CardElement[] {
  const heading = section.heading ? richText(section.heading, false, { spacing: "Medium", separator: true }) : [];
  return [...heading, ...section.blocks.flatMap((block) => blockElements(block, reply.citations))];
}

/** What each kind adds under its sections: the sources of an answer. */
function footerElements(reply: Reply): CardElement[] {
  switch (reply.kind) {
    case "answer":
      return reply.citations.flatMap(citationElements);
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
      throw new Error(`no card rendering for ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Buttons: "Show more" runs the command; 👍/👎 only where there is something to record them against. */
function actionsOf(reply: Reply, feedback: FeedbackTarget | null): CardElement[] {
  return reply.actions.flatMap((action): CardElement[] => {
    switch (action.type) {
      case "show_more":
        return [{ type: "Action.Submit", title: action.label, data: showMoreData(action.command) }];
      case "feedback":
        if (!feedback) return [];
        return [
          {
            type: "Action.Submit",
            title: `${action.value === "helpful" ? "👍" : "👎"} ${action.label}`,
            data: feedbackData(feedback, action.value),
          },
        ];
      case "share":
        return []; // Teams has its own forward and share; a card button would duplicate it.
      default: {
        const unreachable: never = action;
        throw new Error(`no card rendering for action ${JSON.stringify(unreachable)}`);
      }
    }
  });
}

/** The reply as plain text for the fallback: title, then each section, at most 1,000 characters. */
function fallbackTextOf(reply: Reply): string {
  const parts = [reply.title];
  for (const section of reply.sections) {
    if (section.heading) parts.push(plainRuns(section.heading));
    for (const block of section.blocks) {
      if (block.type === "bullets") parts.push(...block.items.map((item) => `• ${plainRuns(item.runs)}`));
      else parts.push(plainRuns(block.runs));
    }
  }
  const whole = parts.join("\n");
  return whole.length <= 1_000 ? whole : `${whole.slice(0, 999)}…`;
}
