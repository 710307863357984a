/**
 * User text is echoed back ("did you mean…", a question as a title) and may be logged, so before
 * anything else it loses what could act on a chat platform: control characters, Slack mention
 * and link syntax (`<!channel>`, `<!here|here>`, `<@U123>`, `<#C1|general>`,
 * `<https://evil|NHS login>`), Teams `<at>…</at>` mentions and bare `@channel`/`@here`/`@everyone`.
 * What is left is plain words; renderers still escape it for their own format.
 */

import { stripControlCharacters } from "../text/strip-control.js";

const SLACK_SPECIAL = /<([!@#])([^<>|]*)(?:\|([^<>]*))?>/g;
const SLACK_LINK = /<((?:https?:\/\/|mailto:)[^<>|]*)(?:\|([^<>]*))?>/gi;
const TEAMS_MENTION = /<at\b[^>]*>([^<]*)<\/at\s*>/gi;
const BROADCAST = /[@!](channel|here|everyone)\b/gi;

/** Plain, harmless text: mentions become the names they showed, links show their real address. */
export function neutraliseInput(raw: string): string {
  return stripControlCharacters(raw)
    .replace(TEAMS_MENTION, (_, name: string) => name)
    .replace(SLACK_LINK, (_, url: string, label: string | undefined) => (label ? `${label} (${url})` : url))
    .replace(SLACK_SPECIAL, (_, _sigil: string, id: string, label: string | undefined) =>
      label ? label.replace(/^[@#]/, "") : /^(channel|here|everyone)$/i.test(id) ? id : "",
    )
    .replace(/[<>]/g, " ")
    .replace(BROADCAST, "$1")
    .replace(/\s+/g, " ")
    .trim();
}
