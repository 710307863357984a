/**
 * User text is echoed back ("did you mean…", a question as a title) and may be logged, so before
 * the grammar reads it, it loses what could act on a chat platform or a terminal: escape sequences,
 * control characters, bidi overrides and zero-width characters (the one sanitiser), angle brackets
 * and broadcast words (`@channel`, `@here`, `@everyone`), and any NHS number (never echoed or kept). Platform markup (Slack's `<url|label>`
 * and `<@U1>`, Teams' `<at>…</at>`) is read before this, once, by each adapter's parse.ts: what
 * arrives here is plain text, and this is only the last guard on the way to an echo.
 */

import { redactNhsNumbers } from "../text/redact-nhs-number.js";
import { sanitiseText } from "../text/sanitise-text.js";

const BROADCAST = /[@!](channel|here|everyone)\b/gi;

/** Plain, harmless text: no control characters, no angle brackets, no broadcasts, no NHS numbers, spaces folded. */
export function neutraliseInput(raw: string): string {
  return redactNhsNumbers(sanitiseText(raw).replace(/[<>]/g, " ").replace(BROADCAST, "").replace(/\s+/g, " ").trim());
}
