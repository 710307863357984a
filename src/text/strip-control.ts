/** Replaces control characters (C0, DEL, C1) with spaces: user text is echoed and logged. */
export function stripControlCharacters(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    out += code < 0x20 || (code >= 0x7f && code < 0xa0) ? " " : ch;
  }
  return out;
}
