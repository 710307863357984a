/**
 * What `nhsai digest --format teams` prints: the Adaptive Card itself (paste it into the Adaptive
 * Cards Designer or a Teams workflow), or an array of cards when the reply needs several messages.
 * No botbuilder here, so the CLI stays quick to start.
 */

import { feedbackTargetOf, type Reply } from "../../src/index.js";
import type { AdaptiveCard } from "./pack-cards.js";
import { renderCards } from "./render-card.js";

export function teamsCardsJson(reply: Reply): AdaptiveCard | AdaptiveCard[] {
  const cards = renderCards(reply, feedbackTargetOf(reply)).map((m) => m.card);
  return cards.length === 1 ? (cards[0] as AdaptiveCard) : cards;
}
