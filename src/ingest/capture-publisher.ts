/**
 * The publisher a text capture shows: a copy's "Published in <paper>", a copyright line, a known
 * outlet's address in a contact email, a logo's alt text, the known outlet whose address the page is
 * on, a known outlet named in the chrome above the headline, in a banner right under it or in the
 * page's closing lines, and last a short masthead line opening the capture. The caller falls back to
 * the page's address (publisherForUrl).
 */

import { chromeReason, escapeRegExp } from "../knowledge/clean-capture.js";
import { isNameAndRole } from "./credit-lines.js";
import { firstProseLine } from "./pick-headline.js";
import { withoutDates } from "./published-date.js";
import {
  knownByLetters,
  knownLabelIn,
  knownPublisherForHost,
  knownPublisherForUrl,
  publisherInCopyright,
} from "./publishers.js";

/** Lines under the headline where the site's own banner ("Get UKAuthority News") still stands. */
const BANNER_LINES = 4;
/** Banners above a headline and footer lines are short; longer lines are the story, naming others. */
const BANNER_WORDS = 12;
const FOOTER_WORDS = 6;
/** The page's closing lines, where its footer (a copyright line, the outlet's name) stands. */
const FOOTER_LINES = 6;

/**
 * The publisher as the capture shows it: a copyright line anywhere; else a known outlet named in
 * the chrome above the headline or in the page's closing lines; else a short masthead line that
 * opens the capture above the headline.
 */
export function publisherIn(lines: readonly string[], headlineIndex: number | null, url: string | null): string | null {
  const headlineAt = headlineIndex ?? 0;
  // "Published in The Times 8:12:15" on a copy: the paper that first published it.
  for (const line of lines) {
    const said = REPUBLISHED.exec(line);
    const original = said?.[1] ?? said?.[2];
    const outlet = original ? knownLabelIn(original) : null;
    // Only the outlet and a date: "Published in The Lancet, the study found …" is the story's source.
    const rest = outlet ? withoutDates(original?.replace(outlet.label, "") ?? "") : "";
    if (outlet && /^[\s\d:/.,–-]*$/.test(rest)) return outlet.name;
  }
  const closing = lines.length - FOOTER_LINES;
  for (const [at, line] of [...lines.entries()].reverse()) {
    if (!/^(copyright|©|\(c\))/i.test(line) && !/©/.test(line)) continue;
    // "image: ©photographer | iStock" credits a picture, not the page; so does a bare "© Pexels/Pixabay"
    // or "(c) Access" under a picture in the story: the site's own line closes the page or carries a year.
    if (chromeReason(line) === "image credit") continue;
    if (at < closing && !/\b(19|20)\d{2}\b|rights reserved/i.test(line)) continue;
    const name = publisherInCopyright(line.slice(line.search(/copyright|©|\(c\)/i)));
    if (name) return name;
  }
  for (const line of lines) {
    const email = /\b[\w.+-]+@([\w-]+(?:\.[\w-]+)+)\s*\(/.exec(line);
    const outlet = email?.[1] ? knownPublisherForHost(email[1]) : null;
    if (outlet) return outlet;
  }
  // The footer follows the body: in a short capture a writer's organisation under the headline is not it.
  const bodyAt = firstProseLine(lines, headlineAt);
  const numbered = [...lines.entries()];
  // A banner under the headline stands before the body: once the story has begun, a short line is
  // one of its own (a link's title: "BMA general practitioners committee England").
  const bannerEnd = Math.min(headlineAt + 1 + BANNER_LINES, bodyAt === -1 ? lines.length : bodyAt);
  const chrome = [
    ...numbered.slice(0, headlineAt).filter(([, l]) => l.split(/\s+/).length <= BANNER_WORDS),
    // A banner just under the headline ("Get UKAuthority News") is the site's own.
    // With no headline found there is no "under it": those lines are the capture's opening (credits, standfirst).
    ...numbered
      .slice(headlineAt + 1, headlineIndex === null ? 0 : bannerEnd)
      .filter(([, l]) => l.split(/\s+/).length <= FOOTER_WORDS && !isNameAndRole(l)),
    // The page's closing lines: in a short capture these must still come after the headline.
    ...numbered
      .slice(Math.max(headlineAt + 1, bodyAt + 1, lines.length - FOOTER_LINES))
      // "The ICO investigation found:" leads into the body's list; a footer is no sentence, and
      // "The Health Foundation, 2024" under a report's title is a reference to another's work.
      .filter(([, l]) => l.split(/\s+/).length <= FOOTER_WORDS && !/[.:;]$/.test(l) && !/,\s*(19|20)\d{2}$/.test(l)),
  ];
  // "digitalhealth-logo": a logo's alt text before the body, in the letters of a known outlet's name.
  for (const line of lines.slice(0, bodyAt === -1 ? lines.length : bodyAt)) {
    const logo = /^([\p{L}\p{N}&.-]{4,40}?)[\s_-]logo$/iu.exec(line)?.[1];
    const outlet = logo ? knownByLetters(logo) : null;
    if (outlet) return outlet;
  }
  // A known outlet's own address outranks a name in its chrome: "Welsh Government" atop a WiredGov
  // copy is the release's source. Sites no list knows are named by their chrome, as below.
  const byAddress = knownPublisherForUrl(url);
  if (byAddress) return byAddress;
  for (const [at, line] of chrome) {
    // "THE TIMES OF LONDON": a masthead set in capitals names the outlet as a title-case one does.
    const named = knownLabelIn(line) ?? (isCapitals(line) ? knownLabelIn(titleCase(line)) : null);
    if (!named) continue;
    const labels = [named.name, named.label];
    if (labels.some((label) => namesOutletAsSubject(line, label) || opensSentence(lines[at + 1], label))) continue;
    return named.name;
  }
  const first = lines[0];
  if (headlineAt > 0 && first && isMastheadShape(first) && chromeReason(first) === null && namesHost(first, url))
    return first;
  return null;
}

/**
 * "NHS Digital" over "NHS Digital has announced five new projects …": a source's name set over the
 * story it sent (an aggregator's copy of a press release), the subject of its first sentence, is not
 * the site's masthead.
 */
function opensSentence(next: string | undefined, label: string): boolean {
  return next !== undefined && new RegExp(`^(?:[Tt]he\\s+)?${escapeRegExp(label)}\\s+\\p{Ll}`, "u").test(next);
}

/** "Published in The Times", "This article first appeared in The Guardian": a copy names its original. */
const REPUBLISHED =
  /^(?:(?:first|originally)\s+)?(?:published|appeared)\s+in\s+(.+)$|^this (?:article|story|piece) (?:was )?(?:first |originally )?(?:published|appeared) in\s+(.+)$/i;

/** A line of two or more words, all in capitals. */
function isCapitals(line: string): boolean {
  return /\s/.test(line.trim()) && /\p{Lu}{2}/u.test(line) && !/\p{Ll}/u.test(line);
}

function titleCase(line: string): string {
  return line
    .toLowerCase()
    .replace(/(^|\s)(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/**
 * "NHS England’s position (June 2025)", "Key recommendations from the BMA", "HSJ Awards logo": an
 * outlet owning something, a heading's object or an award's badge is the story's subject or a
 * prize, not the site.
 */
function namesOutletAsSubject(line: string, label: string): boolean {
  const name = escapeRegExp(label);
  return new RegExp(
    `${name}['’]s\\b|\\b(?:from|about|against|with)\\s+the\\s+${name}\\b|${name}\\s+awards?\\b`,
    "i",
  ).test(line);
}

/**
 * Whether a masthead line may be the site's name: with no address it may; with one, a word of it
 * must appear in the host ("London Daily" on londondaily.news), so tags or a section line opening
 * the capture ("Data Privacy Health") are not taken for the outlet. A reader site carrying a
 * paper's edition names the paper in its path ("The Daily Telegraph" on
 * pressreader.com/uk/the-daily-telegraph/…): the masthead is the original's, every word of it there.
 */
function namesHost(line: string, url: string | null): boolean {
  if (!url) return true;
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    return true;
  }
  const host = address.hostname.toLowerCase();
  const path = address.pathname.toLowerCase();
  const words = line
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  // A folder, not the page's own slug: "/automating-waiting-list-validation/" is the story's title.
  const folder = path.indexOf(`/${words.join("-")}/`);
  // "/news-hub/…": a section's folder, all its words a section's, is no paper's name.
  const section = words.every((word) => SECTION_WORD.test(word));
  return (
    words.some((word) => word.length >= 3 && host.includes(word)) ||
    (folder !== -1 && !section && path.length > folder + words.join("-").length + 2)
  );
}
const SECTION_WORD =
  /^(?:news|hub|blogs?|insights?|articles?|features?|opinion|comment|press|media|centre|center|latest|updates?|stories|resources|views|analysis|room|releases?)$/;

/** "London Daily", "Health Tech World": two to four capitalised words, no verb-like ending, no digits. */
function isMastheadShape(line: string): boolean {
  const words = line.split(/\s+/);
  return words.length >= 2 && words.length <= 4 && words.every((w) => /^[\p{Lu}][\p{L}&'’.-]*$/u.test(w));
}
