/**
 * User text is echoed back ("did you mean…", a question as a title) and may be logged, so before
 * anything else it loses what could act on a chat platform or a terminal: escape sequences, control
 * characters, bidi overrides and zero-width characters (the one sanitiser), Slack mention and link
 * syntax (`<!channel>`, `<!here|here>`, `<@U123>`, `<#C1|general>`, `<https://evil|NHS login>`),
 * Teams `<at>…</at>` mentions. Broadcasts
 * (`@channel`, `@here`, `@everyone`) vanish; a mention with a name becomes the name; a link shows
 * its real address. What is left is plain words; renderers still escape it for their own format.
 */

import { sanitiseText } from "../text/sanitise-text.js";

const SLACK_SPECIAL = /<([!@#])([^<>|]*)(?:\|([^<>]*))?>/g;
const SLACK_LINK = /<((?:https?:\/\/|mailto:)[^<>|]*)(?:\|([^<>]*))?>/gi;
const TEAMS_MENTION = /<at\b[^>]*>([^<]*)<\/at\s*>/gi;
const BROADCAST = /[@!](channel|here|everyone)\b/gi;

/** Plain, harmless text: mentions become the names they showed, links show their real address. */
export function neutraliseInput(raw: string): string {
  return sanitiseText(raw)
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
