/**
 * The one sanitiser for text from outside (messages, page titles, feed errors) before it is printed
 * to a terminal or echoed to chat. Terminal escape sequences are removed whole (CSI such as
 * `ESC[2J`, OSC such as `ESC]0;title BEL`, DCS/APC/PM/SOS strings, two-character escapes, and their
 * 8-bit C1 forms), so "[2J" is not left behind; bidi overrides and isolates (which make text read
 * differently from what it says) and zero-width characters (which hide text or split words) are
 * removed; every other control character (C0, DEL, C1) and line or paragraph separator becomes a space.
 */

const ESC = "\\u001b";
const BEL = "\\u0007";
/** String terminator: BEL, ESC \ or its 8-bit form. */
const ST = `(?:${BEL}|${ESC}\\\\|\\u009c)`;
const TERMINAL_ESCAPE = new RegExp(
  [
    `${ESC}\\[[0-?]*[ -/]*[@-~]?`, // CSI (an unfinished one too)
    "\\u009b[0-?]*[ -/]*[@-~]?", // 8-bit CSI
    `(?:${ESC}[\\]PX^_]|[\\u0090\\u0098\\u009d-\\u009f])[^\\u0007\\u001b\\u009c]*${ST}?`, // OSC, DCS, SOS, PM, APC
    `${ESC}[ -/]*[0-~]`, // two-character escapes (ESC c, ESC 7, ESC ( B…)
  ].join("|"),
  "g",
);
/** Bidi embeddings, overrides and isolates, the directional marks, and zero-width characters. */
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff]/g;
/** C0 controls, DEL, C1 controls, and the Unicode line and paragraph separators. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function sanitiseText(text: string): string {
  return text.replace(TERMINAL_ESCAPE, "").replace(INVISIBLE, "").replace(CONTROL, " ");
}
