import type { TextStyle } from "./render-text.js";

/** The output stream as far as styling cares. */
export interface OutputStream {
  isTTY?: boolean;
  columns?: number;
}

/**
 * Wrap to the terminal's width (kept between 40 and 100 columns, so lines stay readable), and use
 * bold/dim only on a TTY that wants colour (`NO_COLOR` set or `TERM=dumb` turn it off).
 */
export function terminalStyle(stream: OutputStream, env: Record<string, string | undefined>): TextStyle {
  const tty = Boolean(stream.isTTY);
  const width = tty && stream.columns ? Math.min(100, Math.max(40, stream.columns)) : 80;
  const color = tty && env.NO_COLOR === undefined && env.TERM !== "dumb";
  return { width, color };
}
