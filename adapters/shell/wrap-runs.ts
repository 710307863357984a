/**
 * Word wrapping for styled text: runs become words that keep their style, lines are filled to the
 * width by visible length, and ANSI bold/dim is added only when asked (a TTY), so escape codes
 * never count towards the width.
 */

import { sanitiseText } from "../../src/index.js";

export type Tone = "plain" | "strong" | "subtle";

export interface Piece {
  text: string;
  tone: Tone;
  /** Kept on one line (a short command such as `funding all`). */
  whole?: boolean;
}

const ANSI: Record<Tone, [string, string]> = {
  plain: ["", ""],
  strong: ["\u001b[1m", "\u001b[22m"],
  subtle: ["\u001b[2m", "\u001b[22m"],
};

/** A word as printed: one or more styled segments with no white space between them ("“fundng”."). */
interface Word {
  segments: Piece[];
  length: number;
}

/**
 * Lines of at most `width` characters: the first starts with `firstIndent`, the rest with
 * `indent`. A word longer than a line (a URL) gets a line of its own rather than being cut.
 */
export function wrapPieces(
  pieces: Piece[],
  width: number,
  firstIndent: string,
  indent: string,
  color: boolean,
): string[] {
  const lines: string[] = [];
  let line: Word[] = [];
  let used = firstIndent.length;
  const flush = () => {
    lines.push((lines.length ? indent : firstIndent) + paint(line, color));
    line = [];
    used = indent.length;
  };
  for (const word of toWords(pieces)) {
    const gap = line.length ? 1 : 0;
    if (line.length && used + gap + word.length > width) flush();
    used += (line.length ? 1 : 0) + word.length;
    line.push(word);
  }
  if (line.length || lines.length === 0) flush();
  return lines;
}

function toWords(pieces: Piece[]): Word[] {
  const words: Word[] = [];
  let current: Word | null = null;
  for (const piece of pieces) {
    const clean = sanitiseText(piece.text);
    for (const part of piece.whole ? [clean] : clean.split(/(\s+)/)) {
      if (part === "") continue;
      if (/^\s+$/.test(part)) {
        current = null;
        continue;
      }
      if (!current) {
        current = { segments: [], length: 0 };
        words.push(current);
      }
      current.segments.push({ text: part, tone: piece.tone });
      current.length += part.length;
    }
  }
  return words;
}

function paint(line: Word[], color: boolean): string {
  let out = "";
  let open: Tone = "plain";
  line.forEach((word, i) => {
    if (i > 0) out += " ";
    for (const { text, tone } of word.segments) {
      if (color && tone !== open) {
        out += ANSI[open][1] + ANSI[tone][0];
        open = tone;
      }
      out += text;
    }
  });
  return color ? out + ANSI[open][1] : out;
}
