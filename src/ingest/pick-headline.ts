/**
 * The headline of a text capture: the line near the top that the body is about. Every short line
 * in the opening is a candidate unless it is chrome (a survey banner, a search box label, an image
 * credit, a byline, a date); each is scored by how many of its words the body repeats, how early it
 * stands, and whether it has a headline's length and shape. A masthead or a banner shares few
 * words with the story; a headline shares most of its particulars.
 */

import { chromeReason } from "../knowledge/clean-capture.js";
import { termsOf } from "../knowledge/text-terms.js";
import { dateFromText, withoutDates } from "./published-date.js";

/** Lines from the top that may hold the headline: captures put a dozen lines of chrome above it at most. */
const OPENING_LINES = 20;
/** A body line: long enough to be prose rather than a label. */
const PROSE_WORDS = 15;
/** Headlines are short; a longer line without a full stop is a cut-off sentence or a standfirst. */
const MAX_WORDS = 22;
/** "November 2023 – NHS Fife": an entry in a list of dated items, not a headline. */
const STARTS_WITH_DATE = /^(\d{1,2}\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}\b/i;
/**
 * "June 2022: Supporting residents and empowering staff: …": a month set before a colon and a
 * headline's worth of words dates the headline (a newsletter's archive of its issues).
 */
export const DATED_HEADLINE = new RegExp(`${STARTS_WITH_DATE.source}:\\s+(?:\\S+\\s+){4,}\\S`, "i");
const PROMO = new Set(["promo banner", "event promo", "newsletter box", "sign-up box", "podcast promo"]);
/** The score a line needs to be taken for the headline. */
const MIN_SCORE = 1.5;
/**
 * Headline over standfirst: at most this many lines above it, with at least this share of its
 * words in the body, scoring at most this much less (chosen on writers c, d and s's pages, where
 * the standfirst won; it changes nothing on a, b, e, f or r).
 */
const STANDFIRST_GAP = 2;
const HEADLINE_OVERLAP = 0.5;
const STANDFIRST_MARGIN = 1;
/**
 * A line right over "Published 10 March 2025" is how pages set their title (GOV.UK, blogs, trusts):
 * worth this much, about a third of the body's full agreement.
 */
const DATED_BONUS = 1;
/** The body the candidates are compared with: its first lines carry the story's particulars. */
const BODY_LINES = 8;

export interface HeadlinePick {
  text: string;
  /** Position among the capture's non-empty lines. */
  index: number;
}

/** The best-scoring headline candidate among `lines` (trimmed, non-empty), or null when none fits. */
export function pickHeadline(lines: readonly string[], isMetadata: (line: string) => boolean): HeadlinePick | null {
  const named = headlineByImage(lines);
  if (named) return named;
  const prose = lines.map((l) => wordCount(l) >= PROSE_WORDS);
  const scored: (HeadlinePick & { score: number; overlap: number })[] = [];
  // The headline stands above the story: a line after the first sentence of prose is a caption,
  // a subheading or a teaser inside the body.
  // (A long line asking a question is a headline's shape, not the body's.)
  const titled = opensWithTitleSentence(lines);
  // A cookie banner or a site-wide notice in sentences is chrome, not the start of the story.
  // A promo's own sentence under its banner ("Need Regulatory Help? Try Our Platform" / "Post your
  // questions …") is the promo's, not the story's.
  const bodyStart = lines.findIndex(
    (l, k) =>
      prose[k] &&
      /[.!"”’]$/.test(l) &&
      !(titled && k === 0) &&
      chromeReason(l) === null &&
      !PROMO.has(chromeReason(lines[k - 1] ?? "") ?? ""),
  );
  const last = Math.min(lines.length, OPENING_LINES, bodyStart === -1 ? lines.length : bodyStart);
  for (let i = 0; i < last; i++) {
    const shown = titled && i === 0 ? (lines[0] as string).slice(0, -1) : (lines[i] as string);
    const line = loneItemOverProse(lines, i) ? shown.replace(GLYPH, "") : shown;
    if (!isCandidate(line) || isMetadata(line)) continue;
    // The story's lines, not a cookie banner's: "Cookie settings" over "We use necessary cookies …" is no headline.
    const body = lines
      .filter((l, k) => k > i && prose[k] && l !== line && chromeReason(l) === null)
      .slice(0, BODY_LINES);
    if (body.length === 0) continue;
    const shared = overlap(line, body.join(" "));
    const score = shared * 3 + (1 - i / OPENING_LINES) + shape(line) + (overDateline(lines[i + 1]) ? DATED_BONUS : 0);
    scored.push({ text: line, index: i, score, overlap: shared });
  }
  const best = scored.reduce<(typeof scored)[number] | null>((b, c) => (!b || c.score > b.score ? c : b), null);
  if (!best || best.score < MIN_SCORE) return null;
  // A standfirst repeats the body more than the headline over it does: a shorter line just above the
  // best, about the body too and scoring nearly as well, is the headline it stands under.
  const over = scored.find(
    (c) =>
      c.index < best.index &&
      best.index - c.index <= STANDFIRST_GAP &&
      wordCount(c.text) < wordCount(best.text) &&
      wordCount(c.text) > 2 &&
      c.overlap >= HEADLINE_OVERLAP &&
      c.score >= Math.max(MIN_SCORE, best.score - STANDFIRST_MARGIN),
  );
  const pick = over ?? best;
  return { text: pick.text, index: pick.index };
}

/**
 * "Featured image for <a line above>": the page's picture is captioned with its headline, so that
 * line is the headline whatever its length.
 */
function headlineByImage(lines: readonly string[]): HeadlinePick | null {
  for (const line of lines.slice(0, OPENING_LINES)) {
    const title = FEATURED_IMAGE.exec(line)?.[1]?.trim();
    const index = title ? lines.slice(0, OPENING_LINES).indexOf(title) : -1;
    if (title && index !== -1) return { text: title, index };
  }
  return null;
}
const FEATURED_IMAGE = /^(?:featured|header|hero|banner|cover) image (?:for|of)(?: the current page)?\s*:?\s+(.+)$/i;

/**
 * A paper's title closes with a full stop ("A mixed methods evaluation of X."): a capture opening
 * with one short sentence and then short lines (journal, date, "Abstract") opens with its title.
 */
function opensWithTitleSentence(lines: readonly string[]): boolean {
  const [first, next] = lines;
  return (
    first !== undefined &&
    next !== undefined &&
    /[^.]\.$/.test(first) &&
    !/[.!?]\s+\p{Lu}/u.test(first) &&
    wordCount(first) <= MAX_WORDS &&
    wordCount(next) < PROSE_WORDS / 2
  );
}

const GLYPH = /^[-•*–·▪►◦]\s*/;
/**
 * "• Virtual Services Team Transforms Patient Care at Home" over the story's first paragraph: a
 * bullet no other item stands beside, set by the copy on the headline (a list item has a sibling).
 */
function loneItemOverProse(lines: readonly string[], at: number): boolean {
  const item = (l: string | undefined) => l !== undefined && GLYPH.test(l);
  return (
    item(lines[at]) && !item(lines[at - 1]) && !item(lines[at + 1]) && wordCount(lines[at + 1] ?? "") >= PROSE_WORDS
  );
}

/** "Published 10 March 2025", "Posted on 3 June 2024 by …": a labelled dateline. */
function overDateline(next: string | undefined): boolean {
  return (
    next !== undefined &&
    /^(?:published|posted|updated|first published)\b/i.test(next) &&
    wordCount(next) <= 8 &&
    dateFromText([next], 1) !== null
  );
}

/** The first line of prose after line `after`: where the story starts under a headline (-1 if none). */
export function firstProseLine(lines: readonly string[], after: number): number {
  return lines.findIndex((l, k) => k > after && wordCount(l) >= PROSE_WORDS);
}

const TYPE_LABEL = /\s(?:story|post|blog|editorial|article|release|paper|update|news|item|page|report)$/i;

const TWO_WORDS = 0.5;

function isCandidate(line: string): boolean {
  const words = wordCount(line);
  // A line ending in a full stop is a sentence of the body or the standfirst; a bullet is a list item.
  return (
    // Two words are a headline only in a page's own shape ("Virtual wards", "Digital care"); a
    // piece's type with a word before it ("News story", "Blog post", "Observer editorial") labels it.
    (words >= 3 || (words === 2 && !TYPE_LABEL.test(line))) &&
    words <= MAX_WORDS &&
    chromeReason(line) === null &&
    !/[.:;,]$/.test(line) &&
    !/^[-•*–·▪►◦]/.test(line) &&
    // "to scale NHS health innovation": the second half of a headline broken over two lines.
    !/^(?:to|and|of|the|in|for|on|with|a|an|or|at|by|from|but)\s/.test(line) &&
    (!STARTS_WITH_DATE.test(line) || DATED_HEADLINE.test(line)) &&
    !isLabelTrail(line) &&
    withoutDates(line) === line
  );
}

/**
 * Labels, not a sentence: a breadcrumb ("Public Services > Healthcare"), a list of tags or sections
 * ("News, NHS trust"), a numbered affiliation or note ("1. NHS England, London, UK").
 */
function isLabelTrail(line: string): boolean {
  if (/\s[>»›]\s/.test(line) || /^\d{1,2}\.\s/.test(line)) return true;
  const pieces = line.split(/\s*[,|]\s*/);
  return pieces.length >= 2 && pieces.every((p) => wordCount(p) <= 2) && wordCount(line) <= 6;
}

/** Share of the line's content words the body repeats (stemmed, stop words left out). */
function overlap(line: string, body: string): number {
  const own = termsOf(line);
  if (own.size === 0) return 0;
  const bodyTerms = termsOf(body);
  let shared = 0;
  for (const term of own) if (bodyTerms.has(term)) shared++;
  return shared / own.size;
}

/**
 * Headlines run 5 to 20 words and open with a capital, a figure or a quote mark. A few capitalised
 * words with no small word among them ("Data Privacy Health") are a label: a section, tags, a name.
 */
function shape(line: string): number {
  const words = line.split(/\s+/).filter(Boolean);
  let score = words.length >= 5 && words.length <= 20 ? 0.5 : 0;
  if (/^[\p{Lu}\p{N}£$€"“‘']/u.test(line)) score += 0.2;
  if (words.length <= 4 && words.every((w) => /^[\p{Lu}&]/u.test(w))) score -= 1;
  // Two words win only where no longer line is about the story: over a headline they are its section.
  if (words.length === 2) score -= TWO_WORDS;
  return score;
}

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}
