/**
 * Sums of money in any currency as news writes them: "£21m", "$412.66 Mn", "€3.5bn", "£1.2
 * billion", "5 million pounds", "USD 40m". Amounts are returned exactly as written, never
 * converted: an answer quotes "$412.66 million", not a pound figure we worked out.
 */

const SCALE = "(?:bn|mn|m|k|billion|million|thousand|trillion)";
const NUMBER = "\\d[\\d,]*(?:\\.\\d+)?";
/** A currency sign or code, then a number and an optional scale; or a number, a scale and the currency's name. */
const MONEY_SOURCE =
  `(?:[£$€]|\\b(?:US\\$|GBP|USD|EUR)\\s?)\\s?${NUMBER}(?:\\s?${SCALE}\\b)?` +
  `|\\b${NUMBER}\\s?${SCALE}?\\s(?:pounds|euros|dollars|sterling)\\b`;

/** The index term every sum of money also gives, whatever its currency. */
export const MONEY_TERM = "£";

/** A fresh global pattern (the `g` flag keeps state, so callers get their own). */
export function moneyPattern(): RegExp {
  return new RegExp(MONEY_SOURCE, "gi");
}

/** The amounts in `text`, as written, in order. */
export function moneyAmounts(text: string): string[] {
  return [...text.matchAll(moneyPattern())].map((m) => m[0].trim());
}

/** True when `text` states a sum of money in any currency. */
export function mentionsMoney(text: string): boolean {
  return new RegExp(MONEY_SOURCE, "i").test(text);
}
