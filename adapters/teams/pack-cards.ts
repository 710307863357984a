/**
 * Fits card elements into as few Adaptive Cards as the 28 KB budget allows (measured
 * as UTF-16 length × 2, the conservative reading). Elements stay in order, the
 * buttons go on the last card, and nothing is dropped: an element too big on its own is a
 * RichTextBlock whose runs are spread over several blocks.
 */

import type { CardElement } from "./card-elements.js";

const CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
/** Teams renders Adaptive Cards up to version 1.5. */
const CARD_VERSION = "1.5";

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  fallbackText: string;
}

/** Bytes one card's JSON may take. */
export const CARD_BUDGET_BYTES = 28 * 1024;

/** Below the budget by more than this, a whole card needs no packing (see packCards). */
const ONE_CARD_MARGIN_BYTES = 512;

/** The card's JSON size as this budget counts it. */
export const cardBytes = (card: unknown): number => JSON.stringify(card).length * 2;

export function packCards(body: readonly CardElement[], actions: CardElement[], fallbackText: string): AdaptiveCard[] {
  // Most replies fit one card, measured whole with one serialisation. A card this far under the
  // budget is exactly what the loop below builds: every element under `room`, all within `budget`.
  const whole: AdaptiveCard = { ...emptyCard(fallbackText), body: [...body], ...(actions.length ? { actions } : {}) };
  if (cardBytes(whole) <= CARD_BUDGET_BYTES - ONE_CARD_MARGIN_BYTES) return [whole];
  const cards: AdaptiveCard[] = [];
  let current = emptyCard(fallbackText);
  // Room for the buttons (and the "actions" key) is kept free on every card.
  const budget = CARD_BUDGET_BYTES - cardBytes(actions) - 64;
  // Sizes add up: each element once, plus its comma, so packing stays linear in the reply's size.
  let size = cardBytes(current);
  const room = budget - size - 2 * 100;
  for (const [element, elementBytes] of body.flatMap((e) => splitOversized(e, room))) {
    const bytes = elementBytes + 2;
    if (size + bytes > budget && current.body.length > 0) {
      cards.push(current);
      current = emptyCard(`${fallbackText.slice(0, 80)} (continued)`);
      size = cardBytes(current);
    }
    current.body.push(element);
    size += bytes;
  }
  cards.push(current);
  if (actions.length) cards[cards.length - 1] = { ...current, actions };
  return cards;
}

function emptyCard(fallbackText: string): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [],
    fallbackText,
  };
}

/**
 * A RichTextBlock over `room` bytes becomes several, each under it; other elements are kept whole.
 * Each comes with its size, so an element is serialised once to measure it.
 */
function splitOversized(element: CardElement, room: number): [CardElement, number][] {
  const bytes = cardBytes(element);
  if (bytes <= room || element.type !== "RichTextBlock") return [[element, bytes]];
  const inlines = element.inlines as CardElement[];
  const out: CardElement[] = [];
  let part: CardElement[] = [];
  for (const inline of inlines) {
    if (part.length && cardBytes({ ...element, inlines: [...part, inline] }) > room) {
      out.push({ ...element, inlines: part });
      part = [];
    }
    part.push(inline);
  }
  if (part.length) out.push({ ...element, inlines: part });
  return out.map((piece) => [piece, cardBytes(piece)]);
}
