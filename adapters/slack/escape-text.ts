/**
 * Slack reads `&`, `<` and `>` as control characters in every text field: `<!channel>`,
 * `<@U123>`, `<https://evil|NHS login>`. Every piece of user or article text goes through
 * `escapeText` before it reaches a payload, so nothing the bot repeats can mention or link.
 */

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** Text shown as-is: `&`, `<`, `>` become entities (Slack's own rule; nothing else is encoded). */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => ENTITIES[c] ?? c);
}

/** The inverse of `escapeText`, for what Slack sends us (it escapes the same three characters). */
export function decodeText(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) => (name === "amp" ? "&" : name === "lt" ? "<" : ">"));
}

/** A URL for a `<url|label>` link, or null when it is not plain http(s) (no `javascript:`, no mrkdwn breakers). */
export function linkTarget(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  return escapeText(parsed.href).replace(/\|/g, "%7C");
}
