/**
 * User text is echoed back ("did you mean…", a question as a title) and may be logged, so before
 * the grammar reads it, it loses what could act on a chat platform or a terminal: escape sequences,
 * control characters, bidi overrides and zero-width characters (the one sanitiser), angle brackets
 * and broadcast words (`@channel`, `@here`, `@everyone`). Platform markup (Slack's `<url|label>`
 * and `<@U1>`, Teams' `<at>…</at>`) is read before this, once, by each adapter's parse.ts: what
 * arrives here is plain text, and this is only the last guard on the way to an echo.
 */

import { sanitiseText } from "../text/sanitise-text.js";

const BROADCAST = /[@!](channel|here|everyone)\b/gi;

/** Plain, harmless text: no control characters, no angle brackets, no broadcasts, spaces folded. */
export function neutraliseInput(raw: string): string {
  return sanitiseText(raw).replace(/[<>]/g, " ").replace(BROADCAST, "").replace(/\s+/g, " ").trim();
}
