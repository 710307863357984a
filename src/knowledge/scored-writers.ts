/**
 * Writers found by what a name is rather than by each site's byline wording. In the opening lines
 * of a capture every run of two to four capitalised words (an honorific before it, initials and
 * particles inside it) that has a person's name's shape is a candidate; it is scored by how much
 * it looks like a name (its words in a list of people's given names and surnames) and by the cue
 * around it: "By" or "Correspondence to" before it, "…, writes / argues X" closing a line, a
 * writer's present-tense verb after it in the standfirst ("X looks at …"), the outlet's own role
 * before it ("Our Partnerships Director, X, …"), a role after it on a credit line ("X, professor of
 * …"), or a name standing alone on a line beside a role, an affiliation, a date or a reading time.
 * A name with no cue is never a writer, and neither is anyone the text quotes ("says X", "X said").
 */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { isPersonName, isRoleLine } from "./bylines.js";

/** Lines from the top where a writer is credited; further down, names are the story's people. */
const OPENING_LINES = 20;
/** Lines from the top where a standfirst ("X looks at …") still stands. */
const STANDFIRST_LINES = 8;
/** A credit line is short; a longer line is prose naming others. */
const CREDIT_WORDS = 20;
const LONG_LINE_WORDS = 40;
/** A paragraph of the body: this many words, closing on a full stop. */
const BODY_WORDS = 20;
/** Cue and name likeness together: a byline's cue alone, or a weaker cue with a name the list knows. */
const ACCEPT = 3;
const MIN_CUE = 2;
const EXPLICIT_CUE = 3;

let peopleNames: Set<string> | null = null;

/**
 * Given names and surnames from many cultures (@cspell/dict-people-names, MIT, ~39,000 entries),
 * read on first use. Without the list every name scores on its shape and cue alone.
 */
function knownPersonNames(): Set<string> {
  if (peopleNames) return peopleNames;
  try {
    const require = createRequire(import.meta.url);
    const ext = require.resolve("@cspell/dict-people-names/cspell-ext.json");
    const text = readFileSync(join(dirname(ext), "dict", "people-names.txt"), "utf8");
    peopleNames = new Set(
      text
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith("#")),
    );
  } catch {
    peopleNames = new Set();
  }
  return peopleNames;
}

const HONORIFIC = /^(?:Dr|Prof|Professor|Sir|Dame|Mr|Mrs|Ms|Miss|Lord|Lady|Baroness)\.?$/;

/** 0 to 2: the first and the last word of a name-shaped phrase are people's names the list knows. */
export function nameLikeness(name: string): number {
  if (!isPersonName(name)) return 0;
  const words = name.split(" ").filter((w) => !HONORIFIC.test(w));
  const list = knownPersonNames();
  const known = (w: string | undefined) => (w && list.has(w.replace(/[’']s$/, "")) ? 1 : 0);
  return known(words[0]) + known(words[words.length - 1]);
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
  /^\s*,?\s*(?:looks? at|argues?|explains?|reflects? on|considers?|explores?|examines?|shares?|sets? out|outlines?|discuss(?:es)?|describes?|asks?)\b/;
const OUR_ROLE_BEFORE =
  /\b(?:our|the)\s+(?:[\p{Lu}][\p{L}-]*\s+){0,3}(?:Director|Editor|Correspondent|Reporter|Officer|Lead|Manager|Chief|Head|Fellow|Analyst|Partner|Adviser|Advisor)s?,?\s*$/u;
const LINE_OPENING = /^\s*(?:\d{1,2}\.|[-•*–·▪◦])?\s*$/;
const ROLE_AFTER =
  /^\s*,\s*(?:the\s+|an?\s+)?(?:[\p{L}-]+\s+){0,3}?(?:professor|chief|director|officer|editor|manager|chair|lead|head|fellow|consultant|correspondent|reporter|executive|founder|co-founder|president|secretary|associate|senior|national|deputy|partner|cio|ceo|cto|cmo|gp|programme|principal|researcher|lecturer)(?!\p{L})/iu;
const AFFILIATION =
  /\b(?:Department|University|Trust|Institute|College|School|Hospital|Foundation|NHS|Centre|Center)\b/;
const DATE_OR_READ =
  /\b\d+\s*min(?:ute)?s?\s+read\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b/i;

/** What a neighbouring line says about a name standing alone: a role, an affiliation, a date or a reading time. */
function creditsNeighbour(line: string | undefined): boolean {
  if (!line) return false;
  const text = line.replace(/^\s*(?:\d{1,2}\.|[-•*–·▪◦])\s*/, "");
  const short = text.split(/\s+/).length <= CREDIT_WORDS && !/[.!?]$/.test(text);
  return (
    isRoleLine(text.replace(/,/g, "")) ||
    isRoleLine(text.split(",")[0] ?? "") ||
    (short && AFFILIATION.test(text) && !/^\p{Ll}/u.test(text)) ||
    (text.length <= 60 && DATE_OR_READ.test(text))
  );
}

export interface ScoredWriters {
  authors: string[];
  /** Lines that are only a credit (a name alone, a name and its role): they leave the body. */
  creditLines: string[];
}

/** The writers the opening lines credit, scored by name likeness and cue (see the file's note). */
export function scoredWriters(lines: readonly string[]): ScoredWriters {
  const authors: string[] = [];
  const creditLines: string[] = [];
  // Credit lines stand above the body; below its first paragraph a name and a role is a caption or a quote's speaker.
  const body = lines.findIndex((l) => l.split(/\s+/).length >= BODY_WORDS && /[.!?"”]$/.test(l));
  const creditsEnd = body === -1 ? OPENING_LINES : body;
  lines.slice(0, OPENING_LINES).forEach((line, index) => {
    const words = line.split(/\s+/).length;
    if (words > LONG_LINE_WORDS) return;
    for (const run of line.matchAll(RUN)) {
      const found = nameInRun(run[0], run.index ?? 0);
      if (!found) continue;
      const before = line.slice(0, found.start);
      const after = line.slice(found.end);
      if (QUOTED_AFTER.test(after) || (QUOTED_BEFORE.test(before) && !BYLINE_BEFORE.test(before))) continue;
      // "… said" closing the line above: a quote's speaker wrapped onto the next line.
      if (LINE_OPENING.test(before) && QUOTED_BEFORE.test(lines[index - 1] ?? "")) continue;
      let cue = 0;
      let credit = false;
      const explicit = BYLINE_BEFORE.test(before) || (WRITES_BEFORE.test(before) && /^\s*[.!]?\s*$/.test(after));
      if (explicit) cue += EXPLICIT_CUE;
      if (index < STANDFIRST_LINES && WRITER_VERB_AFTER.test(after)) cue += 2;
      if (OUR_ROLE_BEFORE.test(before)) cue += 1;
      // A credit is not a sentence: "Jane Smith, currently CIO at X, will become …" is news.
      const aboveBody = index < creditsEnd;
      if (
        aboveBody &&
        LINE_OPENING.test(before) &&
        words <= CREDIT_WORDS &&
        !/[.!?]$/.test(line) &&
        ROLE_AFTER.test(after)
      ) {
        cue += 2;
        credit = true;
      }
      if (aboveBody && LINE_OPENING.test(before) && /^[\s\d,.]*$/.test(after)) {
        cue += 1;
        if (creditsNeighbour(lines[index + 1]) || creditsNeighbour(lines[index - 1])) cue += 2;
        credit = true;
      }
      const likeness = nameLikeness(found.name);
      // A phrase the name list does not know at all ("Transformation Directorate") needs a byline's cue.
      if (cue < MIN_CUE || cue + likeness < ACCEPT || (likeness === 0 && !explicit)) continue;
      authors.push(found.name);
      if (credit) creditLines.push(line);
    }
  });
  return { authors, creditLines };
}
