/**
 * NHS numbers out of what people type. nhsai is a news bot: a patient's NHS number has no business
 * in it, so one typed by mistake is neither echoed back (a question becomes a reply's title) nor
 * kept in conversation memory nor logged. A number counts when its ten digits, written together
 * or grouped 3-3-4 with spaces or hyphens as the NHS prints them, pass the NHS number's modulus 11
 * check, so a phone number or a sum is left alone.
 */

const CANDIDATE = /(?<![\d£$€.,])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d.,]\d)/g;

export const NHS_NUMBER_REMOVED = "[NHS number removed]";

/** True when the ten digits pass the NHS number's modulus 11 check. */
export function isNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** `text` with every NHS number in it replaced by NHS_NUMBER_REMOVED. */
export function redactNhsNumbers(text: string): string {
  return text.replace(CANDIDATE, (match, a: string, _sep: string, b: string, c: string) =>
    isNhsNumber(`${a}${b}${c}`) ? NHS_NUMBER_REMOVED : match,
  );
}
