/**
 * Plain-text captures (what a browser's copy gives, like the seeds), read the way a person reads
 * them: the headline is the line the body is about (see pick-headline), bylines, credits and
 * standfirsts name the authors (see capture-authors), the publisher is what the capture shows (a
 * copyright line, a known outlet's name in the masthead or banners, a masthead line, then the
 * site's name as the capture or the domain spells it), and the date is the first one written near
 * the headline in any common English form. Hard-wrapped text is re-flowed into paragraphs first.
 */

import { cleanCapture, withoutDateLabel } from "../knowledge/clean-capture.js";
import type { PublishedDate } from "../knowledge/document.js";
import { type ArticleDraft, failure, MIN_ARTICLE_WORDS, type ReadResult, wordsIn } from "./article-draft.js";
import { writersOfCapture } from "./capture-authors.js";
import { publisherIn } from "./capture-publisher.js";
import { isWritersLine } from "./credit-lines.js";
import { pickHeadline } from "./pick-headline.js";
import { DATELINE_WORDS, dateFromMachine, dateFromText, unglueDates } from "./published-date.js";
import { knownPublisherIn, publisherForUrl } from "./publishers.js";

/**
 * A section's label opening the headline's line as a breadcrumb ("Feature / ", "News | "); after a
 * colon it is the headline's own kicker ("Opinion: data sharing is …").
 */
const SECTION_LABEL =
  /^(?:news|features?|opinion|comment|analysis|blogs?|interview|insights?|press release|case study|explainer|long read)\s+[/|]\s+(?=\S)/i;
/** Lines after the headline where a dateline still stands. */
const NEAR_HEADLINE = 8;
/** Byline lines that may stand between a dateline and the headline under it. */
const KICKER_GAP = 3;
/** The first paragraphs of the story: lines this long. */
const RELEASE_WORDS = 15;
/** "London, 02 December 2025: …", "LEEDS, 5 May 2024 – …": a place and a date opening a press release. */
const RELEASE_DATELINE = /^\p{Lu}[\p{L} .'’-]{1,30},\s+([^,:–—]{6,30}?)\s*[:–—]\s/u;
/** A labelled date counts wherever it stands, even at the head of a longer line. */
const DATE_LABEL = /^[•·\s]*(published|posted|first published|date)\b\s*:?\s*(on\s+)?[\p{L}\d]/iu;
/** "Published on 11 May 2026, this framework …": a sentence of the story about something else's publication. */
const LABELLED_CLAUSE = /^(published|posted)\s+on\s+[^,]{4,30},\s+\p{Ll}/iu;
/** The part of a labelled line where its date stands: "Published: March 27, 2026. The … Desk." */
const LABELLED_DATE_CHARS = 48;

export interface TextCaptureOptions {
  /** Where the capture came from, when known: its host names the publisher if nothing else does. */
  url?: string | null;
}

export function readTextCapture(raw: string, options: TextCaptureOptions = {}): ReadResult<ArticleDraft> {
  // A markup line break copied as text ("How to find … <br>to scale …") joins the words it split.
  const text = reflowHardWrapped(raw.replace(/\r\n?/g, "\n").replace(/[ \t]*<br\s*\/?>[ \t]*/gi, " "));
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  // A labelled date run into the headline's line ("date 2025-08-21 How the NHS …") is not part of it.
  const headline = pickHeadline(lines.map(withoutDateLabel), (line) => isWritersLine(line) || isMasthead(line));
  // "Headline | Section": the site's suffix is not part of the headline.
  // "Feature / Virtual reality": the section's label before it is not part of it either.
  const title = headline?.text.replace(/\s+\|\s+[^|]{1,30}$/, "").replace(SECTION_LABEL, "") ?? null;
  const at = headline?.index ?? 0;
  const publisher =
    publisherIn(lines, headline ? at : null, options.url ?? null) ?? publisherForUrl(options.url ?? null, lines);
  const writers = writersOfCapture(lines, headline ? at : null, publisher);
  const paragraphs = cleanCapture(text, {
    title: headline?.text ?? null,
    publisherNames: publisher ? [publisher] : [],
    metadataLines: writers.metadataLines,
  }).paragraphs;
  const words = wordsIn(paragraphs);
  if (words < MIN_ARTICLE_WORDS) return failure(`is not an article (only ${words} words of text)`);
  const { published, dateNote } = dateOf(lines, headline ? at : -1, options.url ?? null);
  return {
    ok: true,
    value: { title, publisher, authors: writers.authors, published, dateNote, url: options.url ?? null, paragraphs },
  };
}

/**
 * The date a capture shows: a short dateline by the headline (or at the top when there is none),
 * a labelled one ("Published 2 June 2025") above it; a date above the headline without a label may
 * be the site's "today", and a date inside a sentence is news, not the publication date. Failing
 * those, a date in the URL's path ("/2023/11/").
 */
function dateOf(lines: readonly string[], headlineAt: number, url: string | null) {
  const datelines = (from: number, to: number, labelled: boolean) =>
    lines
      .slice(Math.max(0, from), to)
      .flatMap((l) =>
        DATE_LABEL.test(l) && !LABELLED_CLAUSE.test(l)
          ? [l.slice(0, LABELLED_DATE_CHARS)]
          : !labelled && l.split(/\s+/).length <= DATELINE_WORDS
            ? [unglueDates(l)]
            : [],
      );
  const near = datelines(headlineAt + 1, headlineAt + 1 + NEAR_HEADLINE, false);
  // Above the headline, and on its own line ("date 2025-08-21 How the NHS …"), only a labelled date.
  const above = datelines(headlineAt - NEAR_HEADLINE, headlineAt + 1, true);
  // A short dateline right on top of the headline ("17/01/2025", "Research - July 5, 2026") is the
  // article's own; the site's "today" stands higher, among the masthead's links.
  // "22 Mar 2023 / by Jane Doe / <headline>": a byline between them keeps the dateline on top.
  let top = headlineAt - 1;
  while (top > 0 && headlineAt - top < KICKER_GAP && isWritersLine(lines[top] as string)) top--;
  const onTop = top >= 0 ? (lines[top] as string) : "";
  const kicker = onTop.split(/\s+/).length <= DATELINE_WORDS ? [unglueDates(onTop)] : [];
  // "London, 02 December 2025: New survey findings …": a press release's dateline opens its first paragraph.
  const release = lines
    .slice(headlineAt + 1)
    .filter((l) => l.split(/\s+/).length >= RELEASE_WORDS && !/^[-•*–·▪►◦]/.test(l))
    .slice(0, 2)
    .flatMap((l) => RELEASE_DATELINE.exec(l)?.[1] ?? []);
  const written =
    dateFromText([near.join("\n")], 1, { monthYear: true }) ??
    dateFromText([above.join("\n")], 1, { monthYear: true }) ??
    dateFromText(kicker, 1) ??
    dateFromText(release.slice(0, 1), 1);
  if (written) return { published: written, dateNote: "Date read from the capture's text." };
  const fromUrl = dateInUrl(url);
  return fromUrl
    ? { published: fromUrl, dateNote: "Date read from the page's address; the capture shows none." }
    : { published: null, dateNote: null };
}

/** "/2023/11/" → November 2023; "/2024/06/05/" → 5 June 2024; an edition's "/20180703/" → 3 July 2018. */
function dateInUrl(url: string | null): PublishedDate | null {
  const found = url
    ? (/\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\/(?:([0-2]\d|3[01])\/)?/.exec(url) ??
      /\/((?:19|20)\d{2})(0[1-9]|1[0-2])([0-2]\d|3[01])\//.exec(url))
    : null;
  if (!found) return null;
  return dateFromMachine(found[3] ? `${found[1]}-${found[2]}-${found[3]}` : `${found[1]}-${found[2]}`);
}

/** A line that is only a known outlet's name: the masthead, never the headline. */
function isMasthead(line: string): boolean {
  const name = knownPublisherIn(line);
  return name !== null && line.split(/\s+/).length <= 4;
}

/**
 * Re-flows text whose lines were broken inside sentences (a fixed-width copy): a long line that
 * does not end a sentence, or is followed by a line starting in lower case, runs on into the next.
 * Captures whose lines are paragraphs come back unchanged.
 */
function reflowHardWrapped(text: string): string {
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
