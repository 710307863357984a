/**
 * Who wrote a text capture, from what the capture shows: bylines ("By …", "Written by : …",
 * "Authors: …", a byline inside an opening line), the credit block under the headline (names with
 * roles, a bare name beside the date or the reading time, name lines over role lines), a report's
 * "Authors" list, and the writers a standfirst names. The name rules are in knowledge/bylines.
 */

import {
  isPersonName,
  isRoleLine,
  namesInByline,
  namesInCreditLine,
  namesInInlineByline,
  namesInStandfirst,
  writerOpeningStandfirst,
} from "../knowledge/bylines.js";
import { chromeReason } from "../knowledge/clean-capture.js";
import { scoredWriters } from "../knowledge/scored-writers.js";
import { firstProseLine } from "./pick-headline.js";
import { DATELINE_WORDS, dateFromText, unglueDates } from "./published-date.js";
import { knownPublisherIn } from "./publishers.js";

const AUTHORS_HEADING = /^(authors?|written by|contributors?)\s*:?$/i;
const LIST_GLYPH = /^[-•*–·▪◦]\s*/;
const MAX_BLOCK_AUTHORS = 12;
/** Lines after the headline where a credit line ("Jane Smith, Editor") still stands. */
const CREDIT_LINES = 4;
/** The metadata block under a headline is at most this long; a line this long is the body. */
const CREDIT_BLOCK_LINES = 12;
/** A credit is short; longer lines are the story, naming others. */
const CREDIT_LINE_WORDS = 12;
/** A metadata line (byline) is short; prose that happens to start "By …" is not one. */
const SHORT_LINE_WORDS = 40;
/** Lines from the top where a byline inside a line ("… By Jane Doe June 21, 2019") still stands. */
const OPENING_LINES = 12;

export interface CaptureWriters {
  authors: string[];
  /** The lines that named them (credits, an author list and its heading): they leave the body. */
  metadataLines: string[];
}

/** The writers of a capture whose headline is line `headlineAt` (null when it shows none). */
export function writersOfCapture(lines: readonly string[], headlineAt: number | null): CaptureWriters {
  const credits = headlineAt === null ? [] : [...creditLines(lines, headlineAt), ...lettered(lines, headlineAt)];
  const block = authorBlock(lines);
  const short = lines.filter((l) => l.split(/\s+/).length <= SHORT_LINE_WORDS);
  // The standfirst under the headline, or the opening lines when the capture starts below it.
  const standfirstAt = headlineAt === null ? 0 : headlineAt + 1;
  // Names with a cue around them, wherever the opening lines put them (forms no rule above lists).
  const scored = scoredWriters(lines);
  const authors = unique([
    ...short.flatMap(namesInByline),
    ...lines
      .slice(0, OPENING_LINES)
      .filter((l) => l.split(/\s+/).length <= SHORT_LINE_WORDS)
      .flatMap(namesInInlineByline),
    ...credits.flatMap((l) => (isPersonName(l) ? [l] : (POST_NOMINALS.exec(l)?.slice(1, 2) ?? namesInCreditLine(l)))),
    ...block.names,
    ...lines.slice(standfirstAt, standfirstAt + CREDIT_LINES + 1).flatMap(namesInStandfirst),
    // Only the line right under the headline: further down the same shape is the story's people.
    ...(headlineAt === null ? [] : writerOpeningStandfirst(lines[standfirstAt] ?? "")),
    ...scored.authors,
  ]);
  return { authors, metadataLines: [...credits, ...block.lines, ...scored.creditLines] };
}

/** "Jane Smith, M.D.", "Jane Smith, PhD, FRCP": a name with its letters, as a writer is set above or under a headline. */
const POST_NOMINALS = /^(.{5,40}?),\s*((?:[A-Z][A-Za-z.]{0,5}[A-Z.])(?:,?\s+[A-Z][A-Za-z.]{0,5}[A-Z.])*)$/;

/** Name-and-letters lines within two lines of the headline. */
function lettered(lines: readonly string[], headlineAt: number): string[] {
  return lines.slice(Math.max(0, headlineAt - 2), headlineAt + 3).filter((l) => {
    const name = POST_NOMINALS.exec(l)?.[1];
    return name !== undefined && isPersonName(name);
  });
}

/** A line that names writers ("By …", "Jane Smith, CIO, NHS England", "Deputy Chief Executive"): never a headline. */
export function isWritersLine(line: string): boolean {
  return namesInByline(line).length > 0 || isNameAndRole(line) || isRoleLine(line);
}

/**
 * Credit lines under the headline: names (and a role), not a sentence and not the outlet's own
 * promo; or a bare name beside the date or the reading time, as blogging platforms set a writer.
 */
function creditLines(lines: readonly string[], headlineAt: number): string[] {
  // The block under the headline up to the body: credits, dates, roles (several writers each with
  // a name line and a role line run past the first few lines).
  const end = firstProseLine(lines, headlineAt);
  const last = Math.min(end === -1 ? lines.length : end, headlineAt + 1 + CREDIT_BLOCK_LINES);
  const window = Math.max(last, headlineAt + 1 + CREDIT_LINES);
  return lines.slice(headlineAt + 1, window).filter((l, k) => {
    const at = headlineAt + 1 + k;
    const beside = [lines[at - 1], lines[at + 1]];
    if (isPersonName(l) && chromeReason(l) === null && beside.some((near) => near && isDateOrReadingTime(near)))
      return true;
    if (isPersonName(l) && chromeReason(l) === null && lines[at + 1] && isRoleLine(lines[at + 1] as string))
      return true;
    if (k >= CREDIT_LINES) return false;
    const names = namesInCreditLine(l);
    return names.length > 0 && names.every((n) => knownPublisherIn(n) === null);
  });
}

function isDateOrReadingTime(line: string): boolean {
  return (
    /\b\d+\s*min(ute)?s?\s+read/i.test(line) ||
    (line.split(/\s+/).length <= DATELINE_WORDS && dateFromText([unglueDates(line)], 1) !== null)
  );
}

/**
 * A report's "Authors" heading with one name a line under it (as a PDF's first page or a journal's
 * abstract page shows them, bulleted or not, each name perhaps with its affiliation on the next
 * line). Returns the names and every line the block took, heading included, so they leave the body.
 */
function authorBlock(lines: readonly string[]): { names: string[]; lines: string[] } {
  const at = lines.findIndex((l) => AUTHORS_HEADING.test(l));
  if (at === -1) return { names: [], lines: [] };
  const names: string[] = [];
  const taken = [lines[at] as string];
  let afterName = false;
  for (const line of lines.slice(at + 1, at + 1 + 2 * MAX_BLOCK_AUTHORS)) {
    const item = line.replace(LIST_GLYPH, "");
    if (isPersonName(item)) {
      names.push(item);
      afterName = true;
    } else if (afterName && item === line) {
      // An affiliation under a name ("Usher Institute, University of …"); a second one ends the block.
      afterName = false;
    } else break;
    taken.push(line);
  }
  return names.length > 0 ? { names, lines: taken } : { names: [], lines: [] };
}

/** Each writer once, in the form first found ("Dr Jane Smith" and "Jane Smith" are one). */
function unique(names: string[]): string[] {
  const seen = new Map<string, string>();
  for (const name of names.map((n) => n.replace(/’/g, "'"))) {
    const key = name.toLowerCase().replace(/^(?:(?:dr|prof|professor|sir|dame|mr|mrs|ms|miss)\.?\s+)+/, "");
    if (!seen.has(key)) seen.set(key, name);
  }
  // "M Marshall" beside "Martin Marshall" (a correspondence line) is the same writer.
  const all = [...seen.values()];
  return all.filter((name) => {
    const initial = /^(\p{Lu})\.?\s+(\S+)$/u.exec(name);
    return (
      !initial ||
      !all.some((other) => other !== name && other.startsWith(initial[1] as string) && other.endsWith(` ${initial[2]}`))
    );
  });
}

/** "Jane Smith, CIO, NHS England": a writer's credit, never the headline. */
export function isNameAndRole(line: string): boolean {
  const name = /^([^,]{3,40}),\s/.exec(line)?.[1];
  return name !== undefined && isPersonName(name) && line.split(/\s+/).length <= CREDIT_LINE_WORDS;
}
