/**
 * User text is echoed back ("did you mean…", a question as a title) and may be logged, so before
 * anything else it loses what could act on a chat platform or a terminal: escape sequences and
 * control characters, Slack mention and link syntax (`<!channel>`, `<!here|here>`, `<@U123>`,
 * `<#C1|general>`, `<https://evil|NHS login>`), Teams `<at>…</at>` mentions. Broadcasts
 * (`@channel`, `@here`, `@everyone`) vanish; a mention with a name becomes the name; a link shows
 * its real address. What is left is plain words; renderers still escape it for their own format.
 */

import { stripControlCharacters } from "../text/strip-control.js";

const SLACK_SPECIAL = /<([!@#])([^<>|]*)(?:\|([^<>]*))?>/g;
const SLACK_LINK = /<((?:https?:\/\/|mailto:)[^<>|]*)(?:\|([^<>]*))?>/gi;
const TEAMS_MENTION = /<at\b[^>]*>([^<]*)<\/at\s*>/gi;
const BROADCAST = /[@!](channel|here|everyone)\b/gi;
const ESC = String.fromCharCode(0x1b);
const BEL = String.fromCharCode(0x07);
/** ANSI/VT escape sequences (CSI, OSC and two-character ones), removed whole rather than left as "[31m". */
const TERMINAL_ESCAPE = new RegExp(
  `${ESC}(?:\\[[0-?]*[ -/]*[@-~]|\\][^${BEL}${ESC}]*(?:${BEL}|${ESC}\\\\)?|[@-Z\\\\-_])`,
  "g",
);

/** Plain, harmless text: mentions become the names they showed, links show their real address. */
export function neutraliseInput(raw: string): string {
  return stripControlCharacters(raw.replace(TERMINAL_ESCAPE, ""))
    .replace(TEAMS_MENTION, (_, name: string) => name)
    .replace(SLACK_LINK, (_, url: string, label: string | undefined) => (label ? `${label} (${url})` : url))
    .replace(SLACK_SPECIAL, (_, _sigil: string, id: string, label: string | undefined) =>
      label && !/^(channel|here|everyone)$/i.test(id) ? label.replace(/^[@#]/, "") : "",
    )
    .replace(/[<>]/g, " ")
    .replace(BROADCAST, "")
    .replace(/\s+/g, " ")
    .trim();
}
