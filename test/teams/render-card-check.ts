/**
 * Adaptive Cards checks shared by the Teams tests: every card must parse without a warning in
 * Microsoft's `adaptivecards` library, read at schema 1.5. The library's ESM build has
 * extensionless imports Node cannot resolve, so its UMD bundle is loaded; parsing needs no DOM.
 */

import { createRequire } from "node:module";

interface ParseEvent {
  message: string;
}
interface SerializationContext {
  eventCount: number;
  getEventAt(i: number): ParseEvent;
}
interface AdaptiveCardsModule {
  AdaptiveCard: new () => { parse(json: unknown, context: SerializationContext): void };
  SerializationContext: new (version?: unknown) => SerializationContext;
  Versions: { v1_5: unknown };
}

const ac = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js") as AdaptiveCardsModule;

/** The library's warnings for `card` (empty when it is clean at 1.5). */
export function cardWarnings(card: unknown): string[] {
  const context = new ac.SerializationContext(ac.Versions.v1_5);
  new ac.AdaptiveCard().parse(card, context);
  return Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
}

/** Every string a person can see on the card: text runs, fact titles and values, button titles. */
export function visibleStrings(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(visibleStrings);
  if (!node || typeof node !== "object") return [];
  const record = node as Record<string, unknown>;
  const own = ["text", "title", "value"].flatMap((k) => (typeof record[k] === "string" ? [record[k] as string] : []));
  const children = Object.entries(record)
    .filter(([k]) => k !== "data" && k !== "fallbackText")
    .flatMap(([, v]) => (typeof v === "object" ? visibleStrings(v) : []));
  return [...own, ...children];
}
