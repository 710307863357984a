/**
 * Turns a raw web capture (the text a browser copy gives) into article paragraphs.
 *
 * Captures carry page chrome around the article: cookie banners, "skip to content", image alt
 * text and credits, newsletter boxes, event and podcast promos, "Related News" teasers of other
 * stories and comment forms. None of it is article text, so none of it may be indexed or quoted.
 * The rules below are written against the kinds of chrome news sites use, not against one page.
 */

import type { Paragraph } from "./document.js";

export interface CleanCaptureOptions {
  /** The article's headline: repeats of it are page furniture, not body text. */
  title?: string | null;
  /** Publisher and organisation names: "X recently reported on …" lines plug X's other stories. */
  publisherNames?: string[];
}

export interface CleanedCapture {
  paragraphs: Paragraph[];
  /** What was dropped, with the reason: kept so tests and operators can see the cleaner's work. */
  removed: { text: string; reason: string }[];
}

/** A line that starts the page's trailing chrome: everything from here on belongs to the site. */
const TAIL_MARKERS: RegExp[] = [
  /^related (news|articles|stories|content|posts)\b/i,
  /^more (articles|news|stories)\b/i,
  /^(you (may|might) also like|read next|recommended for you|most read)\b/i,
  /^subscribe to our newsletter\b/i,
  /^sign up for (the |our )?.{0,60}newsletter\b/i,
  /^view all videos\b/i,
  /^(leave a (reply|comment)|post a comment|comments?)$/i,
  /^your email address will not be published\b/i,
  /^[A-Z]{2,6} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}$/i,
];

/** Whole lines that are chrome wherever they stand. */
const CHROME_LINES: { pattern: RegExp; reason: string }[] = [
  { pattern: /\bcookies?\b.*\b(consent|experience|policy|accept)\b|\bwe use cookies\b/i, reason: "cookie banner" },
  { pattern: /^this enables us to understand how you use the site\b/i, reason: "cookie banner" },
  { pattern: /^(skip to (main )?content|menu|search|home|share( this)?( article)?|print)$/i, reason: "navigation" },
  { pattern: /^(news|opinion|analysis|blog|feature|comment|features)$/i, reason: "section label" },
  { pattern: /^(image|photo|picture)( credit| source)?s?\s*:/i, reason: "image credit" },
  { pattern: /^(image|photo|picture) of\b/i, reason: "image description" },
  { pattern: /^(subscribe|sign up|register|log ?in|join now)( to our newsletter| now)?\.?$/i, reason: "sign-up box" },
  {
    pattern: /\bnewsletter\b.{0,40}\b(sign up|subscribe|inbox)\b|\b(sign up|subscribe)\b.{0,40}\bnewsletter\b/i,
    reason: "newsletter box",
  },
  {
    pattern: /^(insight, news,? and opinion\.|direct to your inbox\.|\* ?indicates required|no spam\b)/i,
    reason: "newsletter box",
  },
  { pattern: /\bprivacy (centre|center|policy|notice)\b.{0,20}$/i, reason: "privacy link" },
  { pattern: /\b(sign up|register)\b[^.]{0,80}\b(event|webinar|conference|summit|virtual)\b/i, reason: "event promo" },
  { pattern: /\bregister now\b|\bbook (your|a) (place|ticket)\b/i, reason: "event promo" },
  { pattern: /\bclick here\b\.?$/i, reason: "call to action" },
  { pattern: /\bpodcast\b.{0,20}$|^ep(isode)? ?\d+\.?$/i, reason: "podcast promo" },
  { pattern: /^(akismet|this site uses akismet)\b|required fields are marked/i, reason: "comment form" },
];

const DATE_LINE =
  /^[•·\-–\s]*\d{1,2}(st|nd|rd|th)? (january|february|march|april|may|june|july|august|september|october|november|december) \d{4}$/i;

/** Cleans one capture. The text of every kept paragraph is an exact substring of `raw`. */
export function cleanCapture(raw: string, options: CleanCaptureOptions = {}): CleanedCapture {
  const removed: CleanedCapture["removed"] = [];
  const kept: string[] = [];
  const title = normaliseForCompare(options.title ?? "");
  const plugs = (options.publisherNames ?? []).filter(Boolean).map(escapeRegExp);
  const plugPattern = plugs.length
    ? new RegExp(`^(${plugs.join("|")}) (recently|previously|has) reported\\b`, "i")
    : null;
  let previous = "";

  const lines = raw.replace(/\r\n?/g, "\n").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    if (!line) continue;
    if (TAIL_MARKERS.some((m) => m.test(line))) {
      const rest = lines.slice(i).filter((l) => l.trim());
      for (const text of rest) removed.push({ text: text.trim(), reason: "trailing page chrome" });
      break;
    }
    const reason = chromeReason(line, title, previous, plugPattern);
    if (reason) removed.push({ text: line, reason });
    else kept.push(line);
    previous = normaliseForCompare(line);
  }
  return { paragraphs: groupLists(kept), removed };
}

function chromeReason(line: string, title: string, previous: string, plug: RegExp | null): string | null {
  const compare = normaliseForCompare(line);
  if (title && compare === title) return "headline";
  if (compare === previous) return "repeated line";
  if (DATE_LINE.test(line)) return "date line";
  if (plug?.test(line)) return "teaser of another story";
  if (/^(pic\.twitter\.com|https?:\/\/)\S+$/i.test(line)) return "bare link";
  for (const { pattern, reason } of CHROME_LINES) if (pattern.test(line)) return reason;
  return null;
}

/** Joins a lead-in line ending in ':' with the bullet lines after it, so the list reads as one passage. */
function groupLists(lines: string[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    const isBullet = /^[-•*–]\s+\S/.test(line);
    if (isBullet && last && (last.text.endsWith(":") || /\n[-•*–]\s+\S[^\n]*$/.test(last.text))) {
      last.text = `${last.text}\n${line}`;
      continue;
    }
    out.push({ text: line, heading: isHeading(line) });
  }
  return out;
}

/** Short lines with no closing punctuation are headings (e.g. "2. Fund the change, not just the tech"). */
function isHeading(line: string): boolean {
  if (/^(by|—|–|-)\s/i.test(line)) return false; // a byline or an embed's attribution
  return line.length <= 120 && !/[.!?:"”’)]$/.test(line);
}

function normaliseForCompare(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
