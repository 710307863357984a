/**
 * The reader on every real capture with recorded truth (train and validation splits of each
 * articles-*.json; the frozen holdout is never read here), measured by the same tool that prints
 * the figures in the design note. A rule that helps one page and breaks others fails this.
 */

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { measureByWriter, measureReading } from "../../scripts/measure-reading.js";
import { ROOT } from "../helpers/factories.js";

const CORPUS = join(ROOT, "test", "fixtures", "corpus");
// The sets the reading rules were written against (writers a-d, g and h, the reader's own r pages
// and its s check pages).
// Readers e and f (labelled for topics) are reported in the design note instead: a floor on pages
// no rule has seen would fail on each new outlet, not on a regression.
const WRITTEN_ON = ["a", "b", "c", "d", "g", "h", "r", "s"];
const RECORD_FILES = readdirSync(CORPUS)
  .filter((f) => /^articles-[a-dghrs]\.json$/.test(f))
  .map((f) => join(CORPUS, f));

it("reads the headline and the writers of nine in ten real pages, invents no one and leaves no list glyph", () => {
  const { tally, misses } = measureReading(new Set(["train", "validation"]), RECORD_FILES);
  expect(tally.n).toBeGreaterThanOrEqual(150);
  const share = (x: number, of: number) => x / of;
  expect(
    share(tally.headline, tally.n),
    misses.filter((m) => m.includes(" headline:")).join("\n"),
  ).toBeGreaterThanOrEqual(0.9);
  expect(share(tally.authorsFound, tally.authorsShown)).toBeGreaterThanOrEqual(0.9);
  expect(tally.extraAuthors + tally.inventedBeside, misses.filter((m) => m.includes("authors (")).join("\n")).toBe(0);
  expect(share(tally.date, tally.n)).toBeGreaterThanOrEqual(0.9);
  // The publisher held nine in ten on the pages its rules were written on; since session 7 these
  // sets also hold the 154 retired holdout pages. Since session 8 "right" is what a reader takes
  // for the recorded outlet (96 %), and the name exactly as recorded is kept apart (92 %;
  // reading-news.md, Publishers round 8). Floors just under today's figures: a rule that names fewer
  // outlets fails here.
  expect(
    share(tally.publisher, tally.n),
    misses.filter((m) => m.includes(" publisher:")).join("\n"),
  ).toBeGreaterThanOrEqual(0.94);
  expect(share(tally.publisherAsWritten, tally.n)).toBeGreaterThanOrEqual(0.9);
  expect(tally.glyphs).toBe(0);
});

it("invents no writer on the pages kept as an untouched check (split check, never tuned on)", () => {
  const { tally, misses } = measureReading(new Set(["check"]), RECORD_FILES);
  expect(tally.n).toBeGreaterThanOrEqual(16);
  expect(tally.extraAuthors + tally.inventedBeside, misses.filter((m) => m.includes("authors (")).join("\n")).toBe(0);
  expect(tally.glyphs).toBe(0);
});

it("invents no writer and leaves no glyph on any writer's set, including those no reading rule was written on", () => {
  // Leave-one-writer-out: every articles-<letter>.json measured on its own (e and f are labelled
  // for topics only; no headline, byline or publisher rule was written on their pages).
  const every = readdirSync(CORPUS)
    .filter((f) => /^articles-[a-z]\.json$/.test(f))
    .map((f) => join(CORPUS, f));
  const view = measureByWriter(new Set(["train", "validation", "check"]), every, new Set(WRITTEN_ON));
  expect(view.rows.length).toBeGreaterThanOrEqual(10);
  for (const { label, alone } of view.rows) {
    expect(alone.extraAuthors + alone.inventedBeside, label).toBe(0);
    expect(alone.glyphs, label).toBe(0);
  }
  // Pages nobody tuned the headline rules on still get nine in ten headlines.
  expect(view.notWrittenOn.headline / view.notWrittenOn.n).toBeGreaterThanOrEqual(0.9);
});
