/**
 * Writers found by where a name stands and what is around it: every run of capitalised words in a
 * capture's opening lines that has a name's shape becomes a candidate, scored by the cues beside it
 * (a byline's "By", a writer's verb, a role on a credit line, a name alone over a role or a date).
 * Anyone the line quotes is no candidate; the finder's one rule decides which candidates stand.
 */

import { introducesRecording, isPersonName, isRoleLine, nameLikeness } from "../knowledge/bylines.js";
import {
  type Candidate,
  EXPLICIT,
  isDateOrReadingTime,
  LIST_GLYPH,
  LONG_LINE_WORDS,
  STRONG,
  WEAK,
  words,
} from "./credit-lines.js";

/** Lines from the top where a writer is credited; further down, names are the story's people. */
const OPENING_LINES = 20;
/** Lines from the top where a standfirst ("X looks at …") or a byline inside a line still stands. */
const STANDFIRST_LINES = 8;
/** A credit line is short and no sentence; a longer line is prose naming others. */
const CREDIT_WORDS = 20;
/** A paragraph of the body: this many words, closing on a full stop. */
const BODY_WORDS = 20;

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
export function namesByPlace(lines: readonly string[]): Candidate[] {
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
      if (index < STANDFIRST_LINES && WRITER_VERB_AFTER.test(after) && !introducesRecording(line)) cue += STRONG;
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
      found.push({ name: inRun.name, cue, explicit, worded: explicit, ...(credit ? { creditLine: line } : {}) });
    }
  });
  return found;
}
