/**
 * Who wrote a capture: one finder, one set of rules. Every name the capture offers is a
 * candidate with a cue, and one rule accepts it (see `accepted`). Cues come from the wording
 * around a name (a byline "By …", "Written by : …", "Posted by …", "Authors: …", a byline inside
 * an opening line, a standfirst's "…, writes X" or "X looks at …", a report's "Authors" list or an
 * "About the author" note) and from where it stands (a credit line under the headline: a name with
 * a role, a bare name beside the date or the reading time, name lines over role lines, a dateline
 * carrying its writer; a name alone on a short line above the body). How much a phrase looks like a person (knowledge/bylines: its shape and its words in a
 * list of given names and surnames) decides the weaker cues. Never a writer: anyone the text quotes
 * ("says X", "X said"), a lower-case "by" in prose, a team's credit.
 */

import {
  isPersonName,
  isRoleLine,
  nameLikeness,
  namesInByline,
  namesInCreditLine,
  namesInInlineByline,
  namesInStandfirst,
  writerOpeningStandfirst,
} from "../knowledge/bylines.js";
import { chromeReason } from "../knowledge/clean-capture.js";
import { firstProseLine } from "./pick-headline.js";
import { DATELINE_WORDS, dateFromText, unglueDates, withoutDates } from "./published-date.js";
import { knownPublisherIn } from "./publishers.js";

const AUTHORS_HEADING =
  /^((?:report\s+)?authors?|written by|contributors?|about (?:the )?(?:authors?|writers?))\s*:?$/i;
/** "Jane Doe is a senior fellow at …": an author's note under an "About the author" heading opens on the name. */
const BIO_OPENING =
  /^((?:Dr\.?\s+|Prof(?:essor)?\.?\s+)?(?:[\p{Lu}][\p{L}'’-]+\s){1,3}[\p{Lu}][\p{L}'’-]+)(?:,\s|\s+(?:is|was|has|leads|works|joined)\b)/u;
const LIST_GLYPH = /^\s*(?:\d{1,2}\.(?=\s)|[-•*–·▪◦])\s*/;
const MAX_BLOCK_AUTHORS = 12;
/** An affiliation under a name is a short line; a longer one is the body. */
const AFFILIATION_WORDS = 20;
/** Lines from the top where a writer is credited; further down, names are the story's people. */
const OPENING_LINES = 20;
/** Lines from the top where a standfirst ("X looks at …") or a byline inside a line still stands. */
const STANDFIRST_LINES = 8;
const INLINE_BYLINE_LINES = 12;
/** Lines after the headline where a credit line ("Jane Smith, Editor") still stands. */
const CREDIT_LINES = 4;
/** The metadata block under a headline is at most this long; a line this long is the body. */
const CREDIT_BLOCK_LINES = 12;
/** A credit line is short and no sentence; a longer line is prose naming others. */
const CREDIT_WORDS = 20;
/** A name-and-role credit ("Jane Smith, CIO, NHS England") is shorter than a headline with a comma in it. */
const NAME_AND_ROLE_WORDS = 12;
/** A metadata line (byline) is short; prose that happens to start "By …" is not one. */
const LONG_LINE_WORDS = 40;
/** A paragraph of the body: this many words, closing on a full stop. */
const BODY_WORDS = 20;

/**
 * Cue strengths. A byline's wording or a credit's place says outright the name is a writer
 * (EXPLICIT); a writer's verb after a name or a role after it on a credit line is a strong cue
 * (STRONG); the outlet's own role before it or a name alone on a line is a weak one.
 */
const EXPLICIT = 3;
const STRONG = 2;
const WEAK = 1;
/** A name needs a strong cue, and cue and likeness together must reach ACCEPT. */
const ACCEPT = 3;

interface Candidate {
  name: string;
  cue: number;
  /** Said outright (a byline's wording, an author list, a credit's place): needed when the name list does not know the phrase. */
  explicit?: boolean;
  /** The line that only credits the writer: it leaves the body when the name is accepted. */
  creditLine?: string;
}

/** The one acceptance rule: a strong cue, and a phrase the name list does not know needs an explicit one. */
function accepted({ name, cue, explicit }: Candidate): boolean {
  const likeness = nameLikeness(name);
  return cue >= STRONG && cue + likeness >= ACCEPT && (likeness > 0 || explicit === true);
}

export interface CaptureWriters {
  authors: string[];
  /** The lines that named them (credits, an author list and its heading): they leave the body. */
  metadataLines: string[];
}

/**
 * The writers of a capture whose headline is line `headlineAt` (null when it shows none), published
 * by `publisher` when known.
 */
export function writersOfCapture(
  captureLines: readonly string[],
  headlineAt: number | null,
  publisher: string | null = null,
): CaptureWriters {
  const lines = withoutTeaserBylines(captureLines, headlineAt);
  const block = authorBlock(lines);
  const candidates: Candidate[] = [
    ...(headlineAt === null
      ? []
      : [
          ...creditBlock(lines, headlineAt),
          ...citedWriters(lines, headlineAt),
          ...houseByline(lines, headlineAt, publisher),
        ]),
    ...block.names.map((name) => ({ name, cue: EXPLICIT, explicit: true })),
    ...wordedBylines(lines, headlineAt === null ? 0 : headlineAt + 1, headlineAt !== null),
    ...namesByPlace(lines),
  ];
  const taken = candidates.filter(accepted);
  return {
    authors: unique(taken.map((c) => c.name)),
    metadataLines: [...block.lines, ...taken.flatMap((c) => (c.creditLine ? [c.creditLine] : []))],
  };
}

/** The writers an extracted page's opening paragraphs name (an HTML page with no byline metadata). */
export function writersOfOpening(paragraphs: readonly string[]): string[] {
  const candidates = [...wordedBylines(paragraphs, 0, false), ...namesByPlace(paragraphs)];
  return unique(candidates.filter(accepted).map((c) => c.name));
}

/**
 * Names a byline's or a standfirst's wording gives: "By …" lines, a byline inside a short opening
 * line, "…, writes X" and the other standfirst forms from `standfirstAt`, and, when the line under
 * a headline is known (`underHeadline`), a person doing a writer's thing there ("X sets out …").
 */
function wordedBylines(lines: readonly string[], standfirstAt: number, underHeadline: boolean): Candidate[] {
  const short = (l: string) => words(l) <= LONG_LINE_WORDS;
  const names = [
    ...lines.filter(short).flatMap(namesInByline),
    ...lines.slice(0, INLINE_BYLINE_LINES).filter(short).flatMap(namesInInlineByline),
    ...lines.slice(standfirstAt, standfirstAt + CREDIT_LINES + 1).flatMap(namesInStandfirst),
    // Only the line right under the headline: further down the same shape is the story's people.
    ...(underHeadline ? writerOpeningStandfirst(lines[standfirstAt] ?? "") : []),
  ];
  return names.map((name) => ({ name, cue: EXPLICIT, explicit: true }));
}

/**
 * The capture with other stories' bylines blanked (lines keep their places): one byline below the
 * body's start may be the writer signing off, but several there are a panel of teasers ("Title /
 * By Jane Doe 25 November 2025 / …", "Popular articles").
 */
function withoutTeaserBylines(lines: readonly string[], headlineAt: number | null): string[] {
  const body = firstProseLine(lines, headlineAt ?? -1);
  const byline = (l: string) => namesInByline(l).length > 0 || (/^by\s/i.test(l) && namesInInlineByline(l).length > 0);
  const teasers = lines.map((l, k) => body !== -1 && k > body && byline(l));
  return teasers.filter(Boolean).length > 1 ? lines.map((l, k) => (teasers[k] ? "" : l)) : [...lines];
}

/**
 * The credit block under the headline, up to the body: a name with its letters ("Jane Smith,
 * M.D."), a bare name beside the date or the reading time or over a role line (as blogging
 * platforms and reports set writers, bulleted or not), and in the first few lines a credit line of
 * names and a role ("Mark Say Managing Editor") that is not the outlet's own promo.
 */
function creditBlock(lines: readonly string[], headlineAt: number): Candidate[] {
  const end = firstProseLine(lines, headlineAt);
  const last = Math.min(end === -1 ? lines.length : end, headlineAt + 1 + CREDIT_BLOCK_LINES);
  const window = Math.max(last, headlineAt + 1 + CREDIT_LINES);
  const found: Candidate[] = [];
  for (let at = Math.max(0, headlineAt - 2); at < Math.min(window, lines.length); at++) {
    const line = lines[at] as string;
    const item = line.replace(LIST_GLYPH, "");
    const credit = (name: string) => found.push({ name, cue: EXPLICIT, explicit: true, creditLine: line });
    const lettered = POST_NOMINALS.exec(item)?.[1];
    if (at <= headlineAt + 2 && lettered && isPersonName(lettered)) credit(lettered);
    // "12 March 2024 | Jane Doe", "Posted on 12 March 2024 by Jane Doe": a dateline carrying its writer.
    const dated = nameOnDateline(item);
    if (dated) found.push({ ...dated, creditLine: line });
    // "Title | Jane Doe": a page title closing on its writer's name (a section closes it otherwise).
    const titleSuffix = at === headlineAt ? /\s\|\s([^|]+)$/.exec(line)?.[1]?.trim() : undefined;
    if (titleSuffix && isPersonName(titleSuffix)) found.push({ name: titleSuffix, cue: STRONG });
    if (at <= headlineAt) continue;
    // A name alone right under the headline is its credit; a known name is needed (a tag or a caption takes the place too).
    if (at === headlineAt + 1 && isPersonName(item) && chromeReason(item) === null)
      found.push({ name: item, cue: STRONG, creditLine: line });
    const beside = [lines[at - 1], lines[at + 1]].map((l) => l?.replace(LIST_GLYPH, ""));
    if (
      isPersonName(item) &&
      chromeReason(item) === null &&
      (beside.some((near) => near && isDateOrReadingTime(near)) || isRoleLine(beside[1] ?? ""))
    )
      credit(item);
    // A credit stands over the body or under its standfirst; further in, a name and a role is a quote's speaker.
    else if (at - headlineAt <= CREDIT_LINES && (end === -1 || at <= end + 1)) {
      const names = namesInCreditLine(line);
      if (names.length > 0 && names.every((n) => knownPublisherIn(n) === null)) for (const n of names) credit(n);
    }
  }
  return found;
}

/**
 * "by Odelle Technology" under the headline of Odelle Technology's own page: the organisation signs
 * the piece. Only the publisher itself is taken this way; any other organisation after "by" may be a
 * team, a sponsor or a tag.
 */
function houseByline(lines: readonly string[], headlineAt: number, publisher: string | null): Candidate[] {
  const line = lines[headlineAt + 1] ?? "";
  const signed = /^by\s+(.+?)\s*$/i.exec(line)?.[1];
  return publisher && signed?.toLowerCase() === publisher.toLowerCase()
    ? [{ name: signed, cue: EXPLICIT, explicit: true, creditLine: line }]
    : [];
}

/**
 * A reference to the piece beside its headline names its writers before the title: "A, B, C, <the
 * headline>? Qualitative study, Journal, Volume 54, January 2025, https://doi.org/…".
 */
function citedWriters(lines: readonly string[], headlineAt: number): Candidate[] {
  const headline = lines[headlineAt] as string;
  for (let at = Math.max(0, headlineAt - CITATION_GAP); at <= headlineAt + CITATION_GAP; at++) {
    const line = lines[at];
    const title = line && at !== headlineAt ? line.indexOf(headline) : -1;
    if (!line || title <= 0) continue;
    const names = line
      .slice(0, title)
      .replace(/[\s,.:;]+$/, "")
      .split(/\s*,\s*|\s+(?:and|&)\s+/);
    if (names.length <= MAX_BLOCK_AUTHORS && names.every(isPersonName))
      return names.map((name) => ({ name, cue: EXPLICIT, explicit: true, creditLine: line }));
  }
  return [];
}
/** Lines from the headline where a reference to the piece stands. */
const CITATION_GAP = 2;

const READING_TIME = /\b\d+\s*min(?:ute)?s?\s+read\b/gi;
const DATE_LABEL = /\b(?:first\s+)?(?:published|posted|updated|last\s+updated|date)\b\s*:?|\bon\b/gi;

/**
 * The writer on a dateline: a short line with a date or a reading time whose only other words are
 * a date label, separators and a name. "12 March 2024 by Jane Doe" says so outright; "Jane Doe |
 * 12 March 2024" is a weaker cue (a section label takes the same place: "Royal Free | 12 March").
 * A name after the date with no "by" is a section or a place, not a writer.
 */
function nameOnDateline(line: string): Candidate | null {
  // "26 January 2021 Dr Jane Doe (Partnerships Manager at X)": the role in brackets says the name is a person's.
  const role = ROLE_IN_BRACKETS.exec(line);
  const dateline = role ? line.slice(0, role.index) : line;
  if (words(dateline) > DATELINE_WORDS) return null;
  const unglued = unglueDates(dateline);
  const undated = withoutDates(unglued).replace(READING_TIME, " ");
  if (undated === unglued) return null;
  const pieces = undated
    .replace(DATE_LABEL, " ")
    .split(/\s[|·•,;–—-]\s|[|·•]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (pieces.length !== 1) return null;
  const piece = pieces[0] as string;
  const byName = /^by\s+(.+)$/i.exec(piece)?.[1];
  const name = byName ?? piece;
  // "Leader Live07-06-2025": an outlet's name beside the date is its masthead.
  if (!isPersonName(name) || chromeReason(name) !== null || knownPublisherIn(name) !== null) return null;
  if (byName) return { name, cue: EXPLICIT, explicit: true };
  return unglued.trim().startsWith(piece) || role ? { name, cue: STRONG } : null;
}

/** A writer's role in brackets closing a dateline: "(Partnerships Manager in the … team at X)". */
const ROLE_IN_BRACKETS =
  /\s+\((?:[^()]*\s)?(?:manager|director|officer|editor|lead|head|chief|fellow|consultant|correspondent|reporter|executive|founder|partner|researcher|lecturer|professor|analyst|adviser|advisor)s?\b[^()]*\)\s*$/i;

/** "Jane Smith, M.D.", "Jane Smith, PhD, FRCP": a name with its letters, as a writer is set above or under a headline. */
const POST_NOMINALS = /^(.{5,40}?),\s*((?:[A-Z][A-Za-z.]{0,5}[A-Z.])(?:,?\s+[A-Z][A-Za-z.]{0,5}[A-Z.])*)$/;

/** A line that names writers ("By …", "Jane Smith, CIO, NHS England", "Deputy Chief Executive"): never a headline. */
export function isWritersLine(line: string): boolean {
  return namesInByline(line).length > 0 || isNameAndRole(line) || isRoleLine(line);
}

/** "Jane Smith, CIO, NHS England": a writer's credit, never the headline. */
export function isNameAndRole(line: string): boolean {
  const name = /^([^,]{3,40}),\s/.exec(line)?.[1];
  return name !== undefined && isPersonName(name) && words(line) <= NAME_AND_ROLE_WORDS;
}

/** A dateline or a reading time ("4 min read", "Dec 14, 2021"), as a credit block sets them beside a name. */
function isDateOrReadingTime(line: string): boolean {
  return (
    /\b\d+\s*min(?:ute)?s?\s+read/i.test(line) ||
    (words(line) <= DATELINE_WORDS && dateFromText([unglueDates(line)], 1) !== null)
  );
}

/**
 * A report's "Authors" heading with one name a line under it (as a PDF's first page or a journal's
 * abstract page shows them, bulleted or not, each name perhaps with its affiliation on the next
 * line), or an "About the author" note whose lines open on the writer's name ("Jane Doe is …").
 * Returns the names and every line the block took, heading included, so they leave the body.
 */
function authorBlock(lines: readonly string[]): { names: string[]; lines: string[] } {
  const at = lines.findIndex((l) => AUTHORS_HEADING.test(l));
  if (at === -1) return { names: [], lines: [] };
  const names: string[] = [];
  const taken = [lines[at] as string];
  let afterName = false;
  for (const line of lines.slice(at + 1, at + 1 + 2 * MAX_BLOCK_AUTHORS)) {
    const item = line.replace(LIST_GLYPH, "");
    const bio = BIO_OPENING.exec(item)?.[1];
    if (isPersonName(item)) {
      names.push(item);
      afterName = true;
    } else if (bio && isPersonName(bio)) {
      names.push(bio);
      afterName = false;
    } else if (afterName && item === line && words(line) <= AFFILIATION_WORDS) {
      // An affiliation under a name ("Usher Institute, University of …"); a second one ends the block.
      afterName = false;
    } else break;
    taken.push(line);
  }
  return names.length > 0 ? { names, lines: taken } : { names: [], lines: [] };
}

const RUN =
  /(?:(?:Dr|Prof|Professor|Sir|Dame|Mr|Mrs|Ms|Miss|Lord|Lady|Baroness)\.?\s+)?\p{Lu}[\p{L}'’-]*\.?(?:\s+(?:(?:de|van|von|der|den|da|di|du|la|le|bin|al|el)\s+)?\p{Lu}[\p{L}'’-]*\.?)+/gu;

/** The best name inside a capitalised run ("InterSystems’ Mike Fuller" → "Mike Fuller"), with its place. */
function nameInRun(run: string, at: number): { name: string; start: number; end: number } | null {
  const words = [...run.matchAll(/\S+/g)];
  let best: { name: string; start: number; end: number; score: number } | null = null;
  for (let i = 0; i < words.length; i++)
    for (let j = i + 2; j <= Math.min(words.length, i + 5); j++) {
      const span = words.slice(i, j);
      // The person, not their title: "Dr Sam Barclay" and "Sam Barclay" are one writer.
      const name = span
        .map((w) => w[0])
        .join(" ")
        .replace(/\.$/, "")
        .replace(/^(?:(?:Dr|Prof|Professor|Sir|Dame|Mr|Mrs|Ms|Miss|Lord|Lady|Baroness)\.?\s+)+/, "");
      if (!isPersonName(name) || MONTH_OR_DAY.test(span[span.length - 1]?.[0] ?? "")) continue;
      // Prefer the likelier name, then the longer one (a middle name or an initial belongs to it).
      const score = nameLikeness(name) * 10 + (j - i);
      const first = span[0] as RegExpMatchArray;
      const last = span[span.length - 1] as RegExpMatchArray;
      if (!best || score > best.score)
        best = { name, start: at + (first.index ?? 0), end: at + (last.index ?? 0) + last[0].length, score };
    }
  return best && { name: best.name, start: best.start, end: best.end };
}

/** "Gary Flood June 21, 2019": a date run into a byline is not part of the name. */
const MONTH_OR_DAY =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
const QUOTED_BEFORE = /\b(?:said|says|say|told|tells|according to|quoted|thanks|thanked|with|and|from|by)\s*:?\s*$/i;
const QUOTED_AFTER = /^\s*,?\s*(?:said|says|told|tells|added|adds|explained|commented|noted)\b/i;
const BYLINE_BEFORE =
  /(?:^|[.!?:]\s+|\s)(?:By|BY|Written by|Words by|Posted by|Reported by|Correspondence to|Authors?)\s*:?\s*$|^by\s*:?\s*$/;
const WRITES_BEFORE = /\b(?:writes|write|argues|argue)\s+(?:[\p{L}'’]+\s+){0,3}$/u;
const WRITER_VERB_AFTER =
  /^\s*,?\s*(?:looks? at|argues?|explains?|reflects? on|considers?|explores?|examines?|shares?|sets? out|outlines?|discuss(?:es)?|describes?|asks?|reports? on|investigates?|analy[sz]es?|assess(?:es)?|unpacks?|rounds? up|takes? a (?:closer )?look at|weighs? up|charts?|traces?)\b/;
const OUR_ROLE_BEFORE =
  /\b(?:our|the)\s+(?:[\p{Lu}][\p{L}-]*\s+){0,3}(?:Director|Editor|Correspondent|Reporter|Officer|Lead|Manager|Chief|Head|Fellow|Analyst|Partner|Adviser|Advisor)s?,?\s*$/u;
const LINE_OPENING = /^\s*(?:\d{1,2}\.|[-•*–·▪◦])?\s*$/;
const ROLE_AFTER =
  /^\s*,\s*(?:the\s+|an?\s+)?(?:[\p{L}-]+\s+){0,3}?(?:professor|chief|director|officer|editor|manager|chair|lead|head|fellow|consultant|correspondent|reporter|executive|founder|co-founder|president|secretary|associate|senior|national|deputy|partner|cio|ceo|cto|cmo|gp|programme|principal|researcher|lecturer)(?!\p{L})/iu;
const AFFILIATION =
  /\b(?:Department|University|Trust|Institute|College|School|Hospital|Foundation|NHS|Centre|Center)\b/;
/** What a neighbouring line says about a name standing alone: a role, an affiliation, a date or a reading time. */
function creditsNeighbour(line: string | undefined): boolean {
  if (!line) return false;
  const text = line.replace(LIST_GLYPH, "");
  const short = text.split(/\s+/).length <= CREDIT_WORDS && !/[.!?]$/.test(text);
  return (
    isRoleLine(text.replace(/,/g, "")) ||
    isRoleLine(text.split(",")[0] ?? "") ||
    (short && AFFILIATION.test(text) && !/^\p{Ll}/u.test(text)) ||
    isDateOrReadingTime(text)
  );
}

/**
 * Names by where they stand and what is around them: every run of two to four capitalised words
 * in the opening lines (an honorific before it, initials and particles inside it) with a name's
 * shape is a candidate; its cue is "By" or "Correspondence to" before it or "…, writes X" closing
 * a line (explicit), a writer's verb after it in the standfirst ("X looks at …") or a role after
 * it on a credit line above the body (strong), the outlet's own role before it ("Our Partnerships
 * Director, X, …") or the name alone on a line (weak, strong beside a role, an affiliation, a date
 * or a reading time). Anyone the line quotes is no candidate.
 */
function namesByPlace(lines: readonly string[]): Candidate[] {
  const found: Candidate[] = [];
  // Credit lines stand above the body; below its first paragraph a name and a role is a caption or a quote's speaker.
  const body = lines.findIndex((l) => words(l) >= BODY_WORDS && /[.!?"”]$/.test(l));
  const creditsEnd = body === -1 ? OPENING_LINES : body;
  lines.slice(0, OPENING_LINES).forEach((line, index) => {
    const count = words(line);
    if (count > LONG_LINE_WORDS) return;
    for (const run of line.matchAll(RUN)) {
      const inRun = nameInRun(run[0], run.index ?? 0);
      if (!inRun) continue;
      const before = line.slice(0, inRun.start);
      const after = line.slice(inRun.end);
      if (QUOTED_AFTER.test(after) || (QUOTED_BEFORE.test(before) && !BYLINE_BEFORE.test(before))) continue;
      // "… said" closing the line above: a quote's speaker wrapped onto the next line.
      if (LINE_OPENING.test(before) && QUOTED_BEFORE.test(lines[index - 1] ?? "")) continue;
      let cue = 0;
      let credit = false;
      const explicit = BYLINE_BEFORE.test(before) || (WRITES_BEFORE.test(before) && /^\s*[.!]?\s*$/.test(after));
      if (explicit) cue += EXPLICIT;
      if (index < STANDFIRST_LINES && WRITER_VERB_AFTER.test(after)) cue += STRONG;
      if (OUR_ROLE_BEFORE.test(before)) cue += WEAK;
      // A credit is not a sentence: "Jane Smith, currently CIO at X, will become …" is news.
      const creditShape = index < creditsEnd && LINE_OPENING.test(before);
      if (creditShape && count <= CREDIT_WORDS && !/[.!?]$/.test(line) && ROLE_AFTER.test(after)) {
        cue += STRONG;
        credit = true;
      }
      if (creditShape && /^[\s\d,.]*$/.test(after)) {
        cue += WEAK;
        if (creditsNeighbour(lines[index + 1]) || creditsNeighbour(lines[index - 1])) cue += STRONG;
        credit = true;
      }
      found.push({ name: inRun.name, cue, explicit, ...(credit ? { creditLine: line } : {}) });
    }
  });
  return found;
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

function words(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}
