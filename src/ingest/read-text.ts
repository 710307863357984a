/**
 * Plain-text captures (what a browser's copy gives, like the seeds), read the way a person reads
 * them: the headline is the line the body is about (see pick-headline), bylines become authors,
 * the publisher is what the capture shows (a copyright line, a known outlet's name in the masthead
 * or banners, a masthead line, then the URL's host), and the date is the first one written near
 * the headline in any common English form. Hard-wrapped text is re-flowed into paragraphs first.
 */

import { namesInByline } from "../knowledge/bylines.js";
import { cleanCapture } from "../knowledge/clean-capture.js";
import { type ArticleDraft, failure, MIN_ARTICLE_WORDS, type ReadResult, wordsIn } from "./article-draft.js";
import { pickHeadline } from "./pick-headline.js";
import { dateFromText } from "./published-date.js";
import { knownPublisherIn, publisherForUrl, publisherInCopyright } from "./publishers.js";

/** Lines after the headline where a dateline or byline still stands. */
const NEAR_HEADLINE = 8;
/** A metadata line (byline, masthead) is short; prose that happens to start "By …" is not one. */
const SHORT_LINE_WORDS = 25;

export interface TextCaptureOptions {
  /** Where the capture came from, when known: its host names the publisher if nothing else does. */
  url?: string | null;
}

export function readTextCapture(raw: string, options: TextCaptureOptions = {}): ReadResult<ArticleDraft> {
  const text = reflowHardWrapped(raw.replace(/\r\n?/g, "\n"));
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const authors = authorsIn(lines);
  const headline = pickHeadline(lines, (line) => namesInByline(line).length > 0 || isMasthead(line));
  const title = headline?.text ?? null;
  const at = headline?.index ?? 0;
  const publisher = publisherIn(lines, at) ?? publisherForUrl(options.url ?? null);
  const paragraphs = cleanCapture(text, { title, publisherNames: publisher ? [publisher] : [] }).paragraphs;
  const words = wordsIn(paragraphs);
  if (words < MIN_ARTICLE_WORDS) return failure(`is not an article (only ${words} words of text)`);
  // A date by the headline is the article's; one above it may be the site's "today" in the masthead.
  const near = lines.slice(at, at + NEAR_HEADLINE + 1);
  const above = lines.slice(Math.max(0, at - NEAR_HEADLINE), at);
  const published = dateFromText([near.join("\n")], 1) ?? dateFromText([above.join("\n")], 1);
  return {
    ok: true,
    value: {
      title,
      publisher,
      authors,
      published,
      dateNote: published ? "Date read from the capture's text." : null,
      url: options.url ?? null,
      paragraphs,
    },
  };
}

/** Every name on the capture's byline lines, in order, once. */
function authorsIn(lines: readonly string[]): string[] {
  const names = lines
    .filter((l) => l.split(/\s+/).length <= SHORT_LINE_WORDS)
    .flatMap((l) => namesInByline(l).map((n) => n.replace(/’/g, "'")));
  return [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
}

/** A line that is only a known outlet's name: the masthead, never the headline. */
function isMasthead(line: string): boolean {
  const name = knownPublisherIn(line);
  return name !== null && line.split(/\s+/).length <= 4;
}

/**
 * The publisher as the capture shows it: a copyright line anywhere; else a known outlet named in
 * the chrome above the headline or in the page's closing lines; else a short masthead line that
 * opens the capture above the headline.
 */
function publisherIn(lines: readonly string[], headlineAt: number): string | null {
  for (const line of [...lines].reverse()) {
    if (!/^(copyright|©|\(c\))/i.test(line) && !/©/.test(line)) continue;
    const name = publisherInCopyright(line.slice(line.search(/copyright|©|\(c\)/i)));
    if (name) return name;
  }
  const chrome = [...lines.slice(0, headlineAt), ...lines.slice(-6)].filter(
    (l) => l.split(/\s+/).length <= SHORT_LINE_WORDS,
  );
  for (const line of chrome) {
    const name = knownPublisherIn(line);
    if (name) return name;
  }
  const first = lines[0];
  if (headlineAt > 0 && first && isMastheadShape(first)) return first;
  return null;
}

/** "London Daily", "Health Tech World": two to four capitalised words, no verb-like ending, no digits. */
function isMastheadShape(line: string): boolean {
  const words = line.split(/\s+/);
  return words.length >= 1 && words.length <= 4 && words.every((w) => /^[\p{Lu}][\p{L}&'’.-]*$/u.test(w));
}

/**
 * Re-flows text whose lines were broken inside sentences (a fixed-width copy): a long line that
 * does not end a sentence, or is followed by a line starting in lower case, runs on into the next.
 * Captures whose lines are paragraphs come back unchanged.
 */
export function reflowHardWrapped(text: string): string {
  const lines = text.split("\n");
  const long = lines.map((l) => l.trim()).filter((l) => l.length >= 30);
  if (long.length < 4) return text;
  const width = [...long.map((l) => l.length)].sort((a, b) => a - b)[Math.floor(long.length * 0.9)] ?? 0;
  const broken = lines.filter((line, i) => {
    const next = (lines[i + 1] ?? "").trim();
    return line.trim().length >= 30 && next !== "" && runsOn(line.trim(), next);
  }).length;
  if (width > 120 || broken < long.length * 0.3) return text;
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    const last = out[out.length - 1];
    if (last && line && last.length >= width * 0.6 && runsOn(last, line) && !/^[-•*–·]\s/.test(line))
      out[out.length - 1] = `${last} ${line}`;
    else out.push(line);
  }
  return out.join("\n");
}

function runsOn(line: string, next: string): boolean {
  return !/[.!?:"”’)]$/.test(line) || /^[\p{Ll}(]/u.test(next);
}
