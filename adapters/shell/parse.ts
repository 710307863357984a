/**
 * What was typed at the terminal (the shell's prompt, `nhsai command "…"`), read once, here.
 * A terminal has no markup of its own; the one convention read is an address in angle brackets
 * (`<http://example.org/feed.xml>`, as mail and Markdown write them), which becomes the address.
 */

import { type Command, parseCommand } from "../../src/index.js";

const BRACKETED_URL = /<([a-z][a-z0-9+.-]*:\/\/[^<>\s]+)>/gi;

export function parseTerminalText(line: string): Command {
  return parseCommand(line.replace(BRACKETED_URL, "$1").replace(/\s+/g, " ").trim());
}
