/**
 * Who wrote a capture: one finder, one set of rules. Every name the capture offers is a
 * candidate with a cue, and one rule accepts it (see `accepted`). Cues come from the wording
 * around a name (a byline "By …", "Written by : …", "Posted by …", "Authors: …", a byline inside
 * an opening line, a standfirst's "…, writes X" or "X looks at …", a report's "Authors" list or an
 * "About the author" note) and from where it stands (a credit line under the headline: a name with
 * a role, a bare name beside the date or the reading time, name lines over role lines, a dateline
 * carrying its writer; a name alone on a short line above the body). How much a phrase looks like
 * a person (knowledge/bylines: its shape and its words in a list of given names and surnames)
 * decides the weaker cues. Never a writer: anyone the text quotes
 * ("says X", "X said"), a lower-case "by" in prose, a team's credit.
 * This unit holds the finder, its rule and the wording-led finders (bylines, the credit block
 * under a headline, the house byline, a citation's writers); the credit-line classifiers are in
 * credit-lines.ts and the by-place scorer in names-by-place.ts.
 */

import {
  isPersonName,
  isPlaceName,
  isRoleLine,
  letterWriter,
  nameLikeness,
  namesInByline,
  namesInCreditLine,
  namesInInlineByline,
  namesInStandfirst,
  organisationAuthor,
  titleCase,
  withoutContacts,
  writerOpeningStandfirst,
} from "../knowledge/bylines.js";
import { chromeReason, escapeRegExp } from "../knowledge/clean-capture.js";
import {
  authorBlock,
  type Candidate,
  EXPLICIT,
  isDateOrReadingTime,
  LIST_GLYPH,
  LONG_LINE_WORDS,
  MAX_BLOCK_AUTHORS,
  nameOnDateline,
  POST_NOMINALS,
  STRONG,
  words,
} from "./credit-lines.js";
import { namesByPlace } from "./names-by-place.js";
import { firstProseLine } from "./pick-headline.js";
import { knownName, knownPublisherIn } from "./publishers.js";

/** Lines from the top where a byline inside a line still stands. */
const INLINE_BYLINE_LINES = 12;
/** Lines after the headline where a credit line ("Jane Smith, Editor") still stands. */
const CREDIT_LINES = 4;
/** The metadata block under a headline is at most this long; a line this long is the body. */
const CREDIT_BLOCK_LINES = 12;
/** A name needs a strong cue, and cue and likeness together must reach ACCEPT. */
const ACCEPT = 3;

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
  const lines = withoutPressContacts(withoutTeaserBylines(captureLines, headlineAt), headlineAt);
  const block = authorBlock(lines);
  const candidates: Candidate[] = [
    ...(headlineAt === null
      ? []
      : [
          ...creditBlock(lines, headlineAt),
          ...citedWriters(lines, headlineAt),
          ...houseByline(lines, headlineAt, publisher),
        ]),
    ...block.names.map((name) => ({ name, cue: EXPLICIT, explicit: true, worded: true })),
    ...wordedBylines(lines, headlineAt === null ? 0 : headlineAt + 1, headlineAt !== null),
    ...namesByPlace(lines, headlineAt),
  ];
  const taken = candidates.filter((c) => accepted(c) && standsAsWriter(c, lines, publisher));
  return {
    authors: unique(taken.map((c) => c.name)),
    metadataLines: [...block.lines, ...taken.flatMap((c) => (c.creditLine ? [c.creditLine] : []))],
  };
}

/** The writers an extracted page's opening paragraphs name (an HTML page with no byline metadata). */
export function writersOfOpening(paragraphs: readonly string[]): string[] {
  const candidates = [...wordedBylines(paragraphs, 0, false), ...namesByPlace(paragraphs)];
  return unique(candidates.filter((c) => accepted(c) && standsAsWriter(c, paragraphs, null)).map((c) => c.name));
}

/**
 * An accepted candidate that is still no writer: a known organisation (a banner or a client under
 * the headline), unless it is the publisher signing its own page ("by Odelle Technology"); and,
 * unless a byline's wording names them, a place ("North Yorkshire" after a date) or someone the
 * story is about.
 */
function standsAsWriter(candidate: Candidate, lines: readonly string[], publisher: string | null): boolean {
  const organisation = knownName(candidate.name);
  const signsItsOwnPage = candidate.worded === true && organisation?.toLowerCase() === publisher?.toLowerCase();
  if (organisation !== null && !signsItsOwnPage && candidate.organisation !== true) return false;
  return candidate.worded === true || (!isPlaceName(candidate.name) && !subjectOfStory(candidate.name, lines));
}

/** A sentence of the story: this many words. */
const SENTENCE_WORDS = 12;

/**
 * The name is someone the story is about: after the line that first names them, a sentence of the
 * story names them again ("…, while Will Smart, currently CIO at …, will become …", "diginomica spoke
 * to Craig York, …"). A writer is credited once; only a byline's wording ("By …", "Authors:", "…, writes X") outweighs this. A note that
 * opens on the name ("Jane Doe is a fellow at …") is the writer's biography, not the story.
 */
function subjectOfStory(name: string, lines: readonly string[]): boolean {
  const first = lines.findIndex((l) => l.includes(name));
  // "Ms Borland said", "said Borland": the story speaks of them by surname, as of someone it quotes.
  const surname = escapeRegExp(name.split(" ").at(-1) ?? "");
  const spokenOf = new RegExp(
    `\\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor)\\.?\\s+${surname}\\b|\\b${surname},?\\s+(?:said|says|told|added|explained)\\b|\\b(?:said|says)\\s+${surname}\\b`,
  );
  return lines.some((line, at) => {
    if (at > first && words(line) >= SENTENCE_WORDS && spokenOf.test(line)) return true;
    const mention = line.indexOf(name);
    // "…, say Martin Marshall and colleagues", "My name is Will Smart": the writer credited again, or speaking.
    const credited = WRITER_CUE_BEFORE.test(line.slice(0, mention));
    const biography = mention === 0 && BIOGRAPHY.test(line.slice(name.length));
    return at > first && words(line) >= SENTENCE_WORDS && mention !== -1 && !credited && !biography;
  });
}
/** "Jane Doe is a fellow at …", "Jane Doe, Partnerships Manager, has an interest in …" opening a line: the writer's note. */
const BIOGRAPHY = /^(?:,\s+[^,]{3,80},)?\s+(?:is|was|has)\b/;
const WRITER_CUE_BEFORE = /\b(?:says?|writes?|argues?|by|my name is|I am|I'm)\s+(?:(?:Dr|Prof|Professor)\.?\s+)?$/i;

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
    ...lines.slice(0, INLINE_BYLINE_LINES).flatMap((l) => letterWriter(l) ?? []),
    ...lines.slice(standfirstAt, standfirstAt + CREDIT_LINES + 1).flatMap(namesInStandfirst),
    // Only the line right under the headline: further down the same shape is the story's people.
    ...(underHeadline ? writerOpeningStandfirst(lines[standfirstAt] ?? "") : []),
  ];
  // "Author: Health and Social Care Committee": the label names an organisation as the author.
  const organisations = lines.slice(0, INLINE_BYLINE_LINES).flatMap((line) => {
    const name = organisationAuthor(line);
    return name ? [{ name, cue: EXPLICIT, explicit: true, worded: true, organisation: true, creditLine: line }] : [];
  });
  return [...names.map((name) => ({ name, cue: EXPLICIT, explicit: true, worded: true })), ...organisations];
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
 * The capture with a press office's contacts blanked: under "Media contacts", "Press enquiries",
 * "For more information contact" the names are whom to call, not who wrote the page.
 */
function withoutPressContacts(lines: readonly string[], headlineAt: number | null): string[] {
  const out = [...lines];
  lines.forEach((line, at) => {
    if (!PRESS_CONTACTS.test(line)) return;
    for (let k = at + 1; k <= at + PRESS_CONTACT_LINES && k < out.length && k !== headlineAt; k++) out[k] = "";
  });
  return out;
}
const PRESS_CONTACTS =
  /^(?:media|press|news)\s+(?:contacts?|enquiries|inquiries|office|team)\s*:?$|^(?:for (?:more|further) information,?\s+)?(?:please\s+)?contact\s*:?$|^notes to editors\s*:?$/i;
/** Lines under a press contacts heading: a name, a role, a telephone number and an email. */
const PRESS_CONTACT_LINES = 4;

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
    const item = nameInCapitals(withoutContacts(line.replace(LIST_GLYPH, "")));
    const credit = (name: string) => found.push({ name, cue: EXPLICIT, explicit: true, creditLine: line });
    const lettered = POST_NOMINALS.exec(item)?.[1];
    if (at <= headlineAt + 2 && lettered && isPersonName(lettered)) credit(lettered);
    // "12 March 2024 | Jane Doe", "Posted on 12 March 2024 by Jane Doe": a dateline carrying its writer.
    const dated = nameOnDateline(item, at === headlineAt + 1);
    if (dated) found.push({ ...dated, creditLine: line });
    // "Title | Jane Doe": a page title closing on its writer's name (a section closes it otherwise).
    const titleSuffix = at === headlineAt ? /\s\|\s([^|]+)$/.exec(line)?.[1]?.trim() : undefined;
    if (titleSuffix && isPersonName(titleSuffix)) found.push({ name: titleSuffix, cue: STRONG });
    // "Dan Milmo and Denis Campbell" over the headline: the writers, as a paper sets them above the title.
    if (at === headlineAt - 1) for (const name of namesOverHeadline(item)) credit(name);
    if (at <= headlineAt) continue;
    // A name alone right under the headline is its credit; a known name is needed (a tag or a caption takes the place too).
    // A short line over list items is the list's heading ("Key Details" over "- 1 The study …").
    const heading = LIST_GLYPH.test(lines[at + 1] ?? "");
    // Both ends of it must be names the list knows: "Grace Period Ends", "Major Incident" or "Rose
    // Garden" under a headline open on a given name and are a subheading.
    if (
      at === headlineAt + 1 &&
      isPersonName(item) &&
      chromeReason(item) === null &&
      !heading &&
      nameLikeness(item) >= 2
    )
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
 * "JANE DOE" beside a dateline, as some sites set the writer: in title case when both of its words
 * are names the list knows (a section in capitals, "LATEST NEWS", is not).
 */
function nameInCapitals(item: string): string {
  if (!/^[\p{Lu}'’-]+(?:\s[\p{Lu}'’-]+){1,2}$/u.test(item)) return item;
  const titled = titleCase(item.toLowerCase());
  return nameLikeness(titled) >= 2 ? titled : item;
}

/** Two or more people's names and nothing else ("A, B and C"), each with a given name or a surname the list knows. */
function namesOverHeadline(line: string): string[] {
  const names = line.replace(/\.$/, "").split(/\s*,\s*|\s+(?:and|&)\s+/);
  return names.length >= 2 && names.every((n) => isPersonName(n) && nameLikeness(n) > 0) ? names : [];
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
    ? [{ name: signed, cue: EXPLICIT, explicit: true, worded: true, creditLine: line }]
    : [];
}

/**
 * A reference to the piece beside its headline names its writers before the title: "A, B, C, <the
 * headline>? Qualitative study, Journal, Volume 54, January 2025, https://doi.org/…".
 */
function citedWriters(lines: readonly string[], headlineAt: number): Candidate[] {
  const headline = lines[headlineAt] as string;
  // Beside the headline, or under a "Suggested citation" heading anywhere on the page.
  const near = Array.from({ length: 2 * CITATION_GAP + 1 }, (_, k) => headlineAt - CITATION_GAP + k);
  const cited = lines.flatMap((l, k) => (CITATION_HEADING.test(l) ? [k + 1] : []));
  for (const at of [...near, ...cited]) {
    const line = lines[at];
    const title = line && at !== headlineAt ? line.indexOf(headline) : -1;
    if (!line || title <= 0) continue;
    const names = line
      .slice(0, title)
      .replace(/\s*\((?:19|20)\d{2}\)/, "")
      .replace(/[\s,.:;]+$/, "")
      .split(/\s*,\s*|\s+(?:and|&)\s+/);
    if (names.length <= MAX_BLOCK_AUTHORS && names.every((n) => isPersonName(n) || SURNAME_INITIALS.test(n)))
      return names.map((name) => ({ name, cue: EXPLICIT, explicit: true, worded: true, creditLine: line }));
  }
  return [];
}
/** Lines from the headline where a reference to the piece stands. */
const CITATION_GAP = 2;
const CITATION_HEADING =
  /^(?:suggested citation|how to cite(?: this (?:article|report|publication))?|cite (?:this|as))\s*:?$/i;
/** "Paddison CAM", "McGill I": a reference's surname and initials. */
const SURNAME_INITIALS = /^\p{Lu}[\p{Ll}'’-]*(?:\p{Lu}[\p{Ll}'’-]+)?\s\p{Lu}{1,3}$/u;

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
