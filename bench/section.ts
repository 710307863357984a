/**
 * A benchmark section: a named async function returning a flat record of figures. Keys carry
 * their unit (`_ms`, `_mb`, `_rate`, `_count`…) and are unique across sections, since every
 * figure ends up in the one JSON line `npm run bench` prints last.
 */

import type { BenchContext } from "./context.js";

type Figure = number | string | boolean;
export type Figures = Record<string, Figure>;

export interface Section {
  name: string;
  /** One line on what the section measures, printed as its heading. */
  about: string;
  run: (ctx: BenchContext) => Promise<Figures>;
}

/** A figure to hold the project to: the bench prints PASS or FAIL for each. */
export interface Target {
  figure: string;
  /** The figure must be at most this. */
  max: number;
  label: string;
}
