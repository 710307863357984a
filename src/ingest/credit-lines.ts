/**
 * Writer candidates and the credit lines that carry them. A candidate is a name with a cue (how
 * plainly its place or wording says "writer"); this unit holds the cue scale and the line
 * classifiers the finders share: a name on a dateline, a name with its letters, a name and a role,
 * a dateline or reading time beside a name, and a report's "Authors" / "About the author" block.
 */

import { isPersonName, isRoleLine, nameLikeness, namesInByline } from "../knowledge/bylines.js";
import { chromeReason } from "../knowledge/clean-capture.js";
import { DATELINE_WORDS, dateFromText, unglueDates, withoutDates } from "./published-date.js";
import { knownPublisherIn } from "./publishers.js";

const AUTHORS_HEADING =
  /^((?:report\s+)?authors?|author\(s\)|written by|contributors?|about (?:the )?(?:authors?|writers?))\s*:?$/i;
/** "Jane Doe is a senior fellow at …": an author's note under an "About the author" heading opens on the name. */
const BIO_OPENING =
  /^((?:Dr\.?\s+|Prof(?:essor)?\.?\s+)?(?:[\p{Lu}][\p{L}'’-]+\s){1,3}[\p{Lu}][\p{L}'’-]+)(?:,\s|\s+(?:is|was|has|leads|works|joined)\b)/u;
export const LIST_GLYPH = /^\s*(?:\d{1,2}\.(?=\s)|[-•*–·▪◦])\s*/;
export const MAX_BLOCK_AUTHORS = 12;
/** An affiliation under a name is a short line; a longer one is the body. */
const AFFILIATION_WORDS = 20;
/** A name-and-role credit ("Jane Smith, CIO, NHS England") is shorter than a headline with a comma in it. */
const NAME_AND_ROLE_WORDS = 12;
/** A metadata line (byline) is short; prose that happens to start "By …" is not one. */
export const LONG_LINE_WORDS = 40;

/**
 * Cue strengths. A byline's wording or a credit's place says outright the name is a writer
 * (EXPLICIT); a writer's verb after a name or a role after it on a credit line is a strong cue
 * (STRONG); the outlet's own role before it or a name alone on a line is a weak one.
 */
export const EXPLICIT = 3;
export const STRONG = 2;
export const WEAK = 1;

export interface Candidate {
  name: string;
  cue: number;
  /** Said outright (a byline's wording, an author list, a credit's place): needed when the name list does not know the phrase. */
  explicit?: boolean;
  /** Named by a byline's wording ("By", "Authors:", "…, writes X"), not by a credit's place: the story may name them again. */
  worded?: boolean;
  /** An organisation an author's label names ("Author: Health and Social Care Committee"): known organisations may stand. */
  organisation?: boolean;
  /** The line that only credits the writer: it leaves the body when the name is accepted. */
  creditLine?: string;
}

const READING_TIME = /\b\d+\s*min(?:ute)?s?\s+read\b/gi;
const DATE_LABEL = /\b(?:first\s+)?(?:published|posted|updated|last\s+updated|date)\b\s*:?|\bon\b/gi;

/**
 * The writer on a dateline: a short line with a date or a reading time whose only other words are
 * a date label, separators and a name. "12 March 2024 by Jane Doe" says so outright; "Jane Doe |
 * 12 March 2024" is a weaker cue (a section label takes the same place: "Royal Free | 12 March").
 * A name after the date with no "by" is a section or a place, not a writer.
 */
export function nameOnDateline(shown: string, underHeadline = false): Candidate | null {
  // "Jane Doe Profile picture for user jdoe October 6, 2023": the avatar's alt text is no part of the line.
  const line = shown.replace(AVATAR_ALT, " ");
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
  if (byName) return { name, cue: EXPLICIT, explicit: true, worded: true };
  // "20 September 2022 Jane Doe" right under the headline: a name the list knows (a place is refused later).
  const knownAfterDate = underHeadline && nameLikeness(name) > 0;
  return unglued.trim().startsWith(piece) || role || knownAfterDate ? { name, cue: STRONG } : null;
}

/** A blogging platform's avatar alt text beside the writer's name ("Profile picture for user jdoe"). */
const AVATAR_ALT = /\s*\bProfile picture for user\s+\S+\s*/i;

/** A writer's role in brackets closing a dateline: "(Partnerships Manager in the … team at X)". */
const ROLE_IN_BRACKETS =
  /\s+\((?:[^()]*\s)?(?:manager|director|officer|editor|lead|head|chief|fellow|consultant|correspondent|reporter|executive|founder|partner|researcher|lecturer|professor|analyst|adviser|advisor)s?\b[^()]*\)\s*$/i;

/** "Jane Smith, M.D.", "Jane Smith, PhD, FRCP": a name with its letters, as a writer is set above or under a headline. */
export const POST_NOMINALS = /^(.{5,40}?),\s*((?:[A-Z][A-Za-z.]{0,5}[A-Z.])(?:,?\s+[A-Z][A-Za-z.]{0,5}[A-Z.])*)$/;

/** A line that names writers ("By …", "Jane Smith, CIO, NHS England", "Deputy Chief Executive"): never a headline. */
export function isWritersLine(line: string): boolean {
  return namesInByline(line).length > 0 || isNameAndRole(line) || isRoleLine(line) || isRoleAndEmployer(line);
}

/** "Head of Media Relations, Charities Aid Foundation": a writer's role and employer, set under their name. */
function isRoleAndEmployer(line: string): boolean {
  const [role, ...rest] = line.split(",");
  return rest.length > 0 && words(line) <= NAME_AND_ROLE_WORDS && (isRoleLine(role ?? "") || JOB_OF.test(role ?? ""));
}
/** "Head of Communications", "Director of Nursing": a job over a field, whatever the field's words. */
const JOB_OF = /^(?:head|director|chief|deputy|lead|manager|editor)\s+of\s+(?:\p{Lu}[\p{L}&-]*\s*){1,4}$/iu;

/** "Jane Smith, CIO, NHS England": a writer's credit, never the headline. */
export function isNameAndRole(line: string): boolean {
  const name = /^([^,]{3,40}),\s/.exec(line)?.[1];
  return name !== undefined && isPersonName(name) && words(line) <= NAME_AND_ROLE_WORDS;
}

/** A dateline or a reading time ("4 min read", "Dec 14, 2021"), as a credit block sets them beside a name. */
export function isDateOrReadingTime(line: string): boolean {
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
export function authorBlock(lines: readonly string[]): { names: string[]; lines: string[] } {
  const at = lines.findIndex((l) => AUTHORS_HEADING.test(l));
  if (at === -1) return { names: [], lines: [] };
  const names: string[] = [];
  const taken = [lines[at] as string];
  let afterName = false;
  for (const line of lines.slice(at + 1, at + 1 + 2 * MAX_BLOCK_AUTHORS)) {
    const item = line.replace(LIST_GLYPH, "");
    const bio = BIO_OPENING.exec(item)?.[1];
    const lettered = namesWithLetters(item);
    if (isPersonName(item)) {
      names.push(item);
      afterName = true;
    } else if (lettered.length > 0) {
      names.push(...lettered);
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

/**
 * "Jane Doe, BSc, MSc, Sam Roe, BSc, MSc, PhD.": an abstract's author line, each name followed by
 * its degrees. [] unless every piece is a name or a degree's letters.
 */
function namesWithLetters(line: string): string[] {
  const pieces = line.replace(/\.$/, "").split(/\s*,\s*|\s+and\s+/);
  const degree = (p: string) => /^(?:[A-Z][a-z]{0,6}){2,5}$/.test(p) && !isPersonName(p);
  const names = pieces.filter((p) => !degree(p));
  return names.length > 0 && names.length < pieces.length && names.every(isPersonName) ? names : [];
}

/** Words on a line: every length limit in the finders counts these. */
export function words(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}
