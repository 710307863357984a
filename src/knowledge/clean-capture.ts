/**
 * Turns a raw web capture (the text a browser copy gives) into article paragraphs.
 *
 * Captures carry page chrome around the article: cookie banners, "skip to content", search boxes,
 * survey and report banners, image alt text and credits, bylines, newsletter boxes, event and
 * podcast promos, "Related News" teasers of other stories and comment forms. None of it is article
 * text, so none of it may be indexed or quoted. The rules below are written against the kinds of
 * chrome news sites use, not against one page.
 *
 * Lists are structure, not text: bullet and number glyphs are taken off, and a list's items (with
 * the line that leads into them) become one list paragraph, one item a line.
 */

import { namesInByline } from "./bylines.js";
import type { Paragraph } from "./document.js";

export interface CleanCaptureOptions {
  /** The article's headline: repeats of it are page furniture, not body text. */
  title?: string | null;
  /** Publisher and organisation names: "X recently reported on …" lines plug X's other stories. */
  publisherNames?: string[];
  /** Lines the reader took as metadata (a credit line under the headline): dropped as bylines. */
  metadataLines?: string[];
}

export interface CleanedCapture {
  paragraphs: Paragraph[];
  /** What was dropped, with the reason: kept so tests and operators can see the cleaner's work. */
  removed: { text: string; reason: string }[];
}

/** A line that starts the page's trailing chrome: everything from here on belongs to the site. */
const TAIL_MARKERS: RegExp[] = [
  /^related (news|articles|stories|content|posts|reading)\b/i,
  /^more (articles|news|stories) (from|on|like)\b|^more (articles|news|stories)$/i,
  /^(you (may|might) also like|read next|recommended for you|most read|trending now)\b/i,
  /^subscribe to our newsletter\b/i,
  /^sign up for (the |our )?.{0,60}newsletter\b/i,
  /^view all videos\b/i,
  /^(leave a (reply|comment)|post a comment|comments?)$/i,
  /^your email address will not be published\b/i,
  /^[A-Z]{2,6} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}$/i,
];

/** "Jane Smith - Fotolia", "Photo: Getty Images", "(Image: PA)": a picture's credit, never text. */
const IMAGE_CREDIT =
  /^(\(?(image|photo|picture|credit)s?( credit| source)?\s*:.{0,80}\)?|.{0,160}\((photo|image|picture)s? by [^)]{2,80}\)|.{0,160}\((image |photo |picture )?(credit|source|copyright|©)\s*:?[^)]{0,80}\)|.{0,60}\s[-–—|/©]\s*(©\s*)?(fotolia|getty( images)?|istock(photo)?|shutterstock|alamy|adobe ?stock|pa( wire| images| media)?|reuters|afp|ap|epa|bloomberg|unsplash|pexels)\.?|.{0,60}\b(via|\/) (getty|istock|shutterstock|alamy|unsplash)\b.{0,20})$/i;
/** A picture library or a photo site: a "©" naming one credits a picture, not the page. */
export const PICTURE_LIBRARY =
  /\b(?:fotolia|getty images|istock(?:photo)?|shutterstock|alamy|adobe ?stock|unsplash|pexels|pixabay)\b/i;

const MONTH_NAME = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
/** A line that is only a date (with a weekday, a time, or a "Published" label): the date is metadata. */
const DATE_LINE = new RegExp(
  `^[•·\\-–\\s]*((published|posted|updated|last updated|date)( on)?\\s*:?\\s*)?((mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?` +
    `(\\d{1,2}(st|nd|rd|th)?( of)?\\s+${MONTH_NAME},?\\s+\\d{4}|${MONTH_NAME}\\s+\\d{1,2}(st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{4}|\\d{4}-\\d{2}-\\d{2})` +
    `(\\s*[,|@•·-]?\\s*(at\\s+)?\\d{1,2}[:.]\\d{2}\\s*(am|pm)?\\s*(gmt|bst|utc)?)?` +
    `(\\s*[|•·]\\s*\\d+ min(ute)?s? read)?$`,
  "i",
);

/** A labelled date opening a line of text: "date 2024-06-21 …", "Published: 3 June 2024 – …". */
const LEADING_DATE_LABEL = new RegExp(
  `^(published|posted|date)( on)?\\s*:?\\s*(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\s+${MONTH_NAME}\\s+\\d{4}|${MONTH_NAME}\\s+\\d{1,2},?\\s+\\d{4})\\s*[-–—|:.]?\\s+`,
  "i",
);

/** Whole lines that are chrome wherever they stand. */
const CHROME_LINES: { pattern: RegExp; reason: string }[] = [
  {
    pattern:
      /\bcookies?\b.*\b(consent|experience|policy|accept)\b|\bwe use (\w+ )?cookies\b|\b(optional|analytics|necessary|essential) cookies\b|\b(consent|agree) to (the )?(use of |using |use )?cookies\b/i,
    reason: "cookie banner",
  },
  { pattern: /^this enables us to understand how you use the site\b/i, reason: "cookie banner" },
  {
    pattern: /^(cookie|privacy) (settings|preferences|choices)$|^manage (cookies|(cookie )?preferences)$/i,
    reason: "cookie banner",
  },
  {
    pattern:
      /^(skip to (main )?content|menu|search|home|share( this)?( article| page| news| story| post| blog)?|print|close|back to top)$/i,
    reason: "navigation",
  },
  { pattern: /^search( (the|this|our) (web)?site| for\b.{0,30}| ?(\.{3}|…))?$/i, reason: "search box" },
  { pattern: /^(hi, )?what are you looking for\??$/i, reason: "search box" },
  { pattern: /^(connect with us|follow us|share on (facebook|x|twitter|linkedin))$/i, reason: "social promo" },
  {
    pattern: /^(news|opinion|analysis|blog|feature|comment|features|press release|insight|report|key points|summary)$/i,
    reason: "section label",
  },
  {
    pattern: /^(download|get|read|take) (our|the) .{0,60}\b(survey|report|guide|white ?paper|e-?book)\b/i,
    reason: "promo banner",
  },
  {
    pattern: /^watch more (of )?(our )?videos\b|\btry our (platform|app|free trial|product)\b/i,
    reason: "promo banner",
  },
  // "3h agoHunt warns …": a list of other stories, each led by how long ago it ran.
  { pattern: /^\d{1,2}\s*(s|m|h|d|mins?|hrs?|hours?|days?)\s+ago(?!\p{Ll})/u, reason: "teaser of another story" },
  // "Published in The Times 8:12:15" on a copy: where it first ran, not its headline.
  {
    pattern: /^([Ff]irst |[Oo]riginally )?([Pp]ublished|[Aa]ppeared) in ([Tt]he )?\p{Lu}[^.!?]{1,40}$/u,
    reason: "republication note",
  },
  { pattern: /\b(learn|read|find out) more\.?$|^category img$|^\d{1,2}:\d{2}$/i, reason: "promo banner" },
  { pattern: IMAGE_CREDIT, reason: "image credit" },
  { pattern: /^(image|photo|picture) of\b/i, reason: "image description" },
  // "Two people using a tablet PC", "A nurse holding a phone": a picture's alt text, not a headline.
  {
    pattern:
      /^(a|an|two|three|four|several|a group of)\s+(\p{Ll}+\s+){0,2}(using|holding|wearing|sitting|standing|looking at|typing on|talking to|working on|walking)\b[^.!?\d]{0,40}$/iu,
    reason: "image description",
  },
  // "… Nine exclamation marks are superimposed over the photo, …", "Photo shows …": alt text and a
  // caption ("The image shows a shadow on the lung" is the story's).
  {
    pattern:
      /\b(is|are) (superimposed|overlaid|shown|pictured)\b.{0,40}\b(photo|photograph|image|picture)\b|^(photo|photograph|image|picture) shows\b/i,
    reason: "image description",
  },
  { pattern: /\S+@\S+\.\w+\s*\([^)]+\)$/, reason: "feed author line" },
  { pattern: /\bexternal link icon$|^(female|male) .{0,30}\b(doctor|nurse|patient)s?\b.{0,30}$/i, reason: "alt text" },
  { pattern: /^(all rights reserved|copyright\b|©).{0,120}$/i, reason: "copyright line" },
  { pattern: /^(about |approximately |approx\.? )?\d+ min(ute)?s?( to)?( read)?$/i, reason: "reading time" },
  {
    pattern:
      /\b(your|this) (web )?browser\b.{0,60}\b(out of date|outdated|too old|not supported|no longer supported|unsupported|upgrade|cookies)\b|\bupgrade to a newer version\b.{0,40}\bbrowser\b|\blimited functionality in (this|your) browser\b|^(internet explorer|this browser) is no longer supported\b|\b(recommends?|please) us(e|ing) an? (updated|modern|newer|supported|up-to-date) (web )?browser\b/i,
    reason: "browser notice",
  },
  // "heart monitoring tech image", "hospital ward photo": a picture's alt text in lower case.
  { pattern: /^\p{Ll}[\p{L}\s-]{2,60}\s(image|photo|picture|graphic|illustration)$/u, reason: "alt text" },
  // "This site is intended for health professionals only": who the site is for, on every page.
  {
    pattern: /^this (site|website|content|page|section) is (intended |only )?(for|aimed at)\b.{0,60}$/i,
    reason: "audience notice",
  },
  // "Creating a new NHS England: … have merged. More about the merger.": a site-wide notice with its link.
  { pattern: /[.!?]\s+(find out |read |learn )?more about (the|this|our) [^.]{2,40}\.?$/i, reason: "site notice" },
  // "Featured image for <the headline>", "Header Image": a picture's alt text.
  { pattern: /^(featured|header|hero|banner|cover) image\b(\s+(for|of)\b.*)?$/i, reason: "alt text" },
  { pattern: /\bprofile (picture|photo|image)$|^profile picture for user\b/i, reason: "alt text" },
  { pattern: /^(\d+|an?) (minute|hour|day|week|month|year)s? ago$/i, reason: "date line" },
  {
    pattern:
      /^follow (us|[\p{Lu}][\p{L} ]{1,30}) on (facebook|x|twitter|instagram|linkedin|bluesky)\b|^send (us )?your story ideas\b/iu,
    reason: "social promo",
  },
  {
    pattern: /^(contact (sales|us)|book a demo|request a demo|get in touch|you are here|categories:?)$/i,
    reason: "navigation",
  },
  { pattern: /^(subscribe|sign up|register|log ?in|join now)( to our newsletter| now)?\.?$/i, reason: "sign-up box" },
  {
    pattern: /\bnewsletter\b.{0,40}\b(sign up|subscribe|inbox)\b|\b(sign up|subscribe)\b.{0,40}\bnewsletter\b/i,
    reason: "newsletter box",
  },
  { pattern: /^newsletter$/i, reason: "newsletter box" },
  {
    pattern: /^(insight, news,? and opinion\.|direct to your inbox\.|\* ?indicates required|no spam\b)/i,
    reason: "newsletter box",
  },
  { pattern: /\bprivacy (centre|center|policy|notice)\b.{0,20}$/i, reason: "privacy link" },
  { pattern: /\b(sign up|register)\b[^.]{0,80}\b(event|webinar|conference|summit|virtual)\b/i, reason: "event promo" },
  { pattern: /\bregister now\b|\bbook (your|a) (place|ticket)\b/i, reason: "event promo" },
  { pattern: /\bclick here\b\.?$/i, reason: "call to action" },
  // "View commentaries on this research", "Download the full report": a link to more of the page.
  {
    pattern:
      /^(view|read|see|download|browse|explore|watch|listen to)\b.{0,40}\b(this|the full) (research|article|report|study|story|paper|page|publication|evidence)$/i,
    reason: "call to action",
  },
  // "Chemist + Druggist is part of Pharma Intelligence UK Limited", "… a company registered in
  // England and Wales with company number …", "This copy is for your personal, non-commercial use":
  // the owner's legal notice and a reprint's terms head some trade papers' pages.
  {
    pattern:
      /^.{2,60}\bis (part of|a (trading name|division|brand) of|owned by|operated by)\b.{2,80}\b(limited|ltd|plc|inc|llc|llp)\.?$|\ba company registered in (england|scotland|wales|northern ireland)\b|\bfor your personal,? non-commercial use\b/i,
    reason: "legal notice",
  },
  { pattern: /\bpodcast\b.{0,20}$|^ep(isode)? ?\d+\.?$/i, reason: "podcast promo" },
  { pattern: /^(akismet|this site uses akismet)\b|required fields are marked/i, reason: "comment form" },
  // Notices a site sets on every page, worded the same everywhere: a page's history, a paywall,
  // a feedback box, links back, a sponsor's line, a script warning.
  {
    pattern:
      /^this (was|is) published under the\b|^this (news article|article|page|guidance|publication|content|document|story) (was|has been) (withdrawn|archived)\b|^this (page|content|article|guidance) is (no longer (being )?updated|archived)\b/i,
    reason: "history notice",
  },
  {
    pattern:
      /^(sign|log) in to (continue|read|keep reading)\b|^subscribe to (read|continue|unlock)\b|^already (a subscriber|registered|have an account)\b|^you have \d+ free (articles?|stories) (left|remaining)\b/i,
    reason: "paywall",
  },
  {
    pattern:
      /^is this page useful\??|^report a problem with this page\b|^(was|did) this (page|article) (useful|helpful|help( you)?)\??$/i,
    reason: "feedback box",
  },
  {
    pattern:
      /^(go )?back to (the )?(news|blogs?|articles?|all news|news homepage|homepage|search results)$|^(previous|next) (article|post|story)\b.{0,80}$|^open in (the )?app$|^(share|print|email) this (page|article|story|post)\b.{0,30}$|^download this (page|article) as (a )?pdf$/i,
    reason: "navigation",
  },
  { pattern: /^(estimated )?reading time:?\s*\d+\s*min(ute)?s?$/i, reason: "reading time" },
  { pattern: /^(in partnership with|sponsored by|brought to you by|promoted by)\b.{0,60}$/i, reason: "sponsor line" },
  { pattern: /\b(please )?enable javascript\b/i, reason: "browser notice" },
];

/** A list item's glyph: bullets of every kind, or a number ("1.", "2)") when it is one of a run. */
const BULLET = /^(?:[-•*–·▪▫►▸◦‣○●■□✓✔]\s*)+(?=\S)/;
const NUMBER = /^\(?\d{1,2}[.)]\s+(?=\S)/;

/** Cleans one capture. Every line of a kept paragraph is an exact substring of `raw`. */
export function cleanCapture(raw: string, options: CleanCaptureOptions = {}): CleanedCapture {
  const removed: CleanedCapture["removed"] = [];
  const kept: string[] = [];
  const title = normaliseForCompare(options.title ?? "");
  const metadata = new Set((options.metadataLines ?? []).map(normaliseForCompare));
  const plugs = (options.publisherNames ?? []).filter(Boolean).map(escapeRegExp);
  const plugPattern = plugs.length
    ? new RegExp(`^(${plugs.join("|")}) (recently|previously|has) reported\\b`, "i")
    : null;
  let previous = "";

  const lines = raw.replace(/\r\n?/g, "\n").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = withoutDateLabel((lines[i] ?? "").trim());
    if (!line) continue;
    if (TAIL_MARKERS.some((m) => m.test(line))) {
      const rest = lines.slice(i).filter((l) => l.trim());
      for (const text of rest) removed.push({ text: text.trim(), reason: "trailing page chrome" });
      break;
    }
    const reason = metadata.has(normaliseForCompare(line))
      ? "byline"
      : chromeReason(line, title, previous, plugPattern);
    if (reason) removed.push({ text: line, reason });
    else kept.push(line);
    previous = normaliseForCompare(line);
  }
  return { paragraphs: groupLists(kept.flatMap(splitInlineBullets)), removed };
}

/** Why `line` is page chrome, or null when it is article text. */
export function chromeReason(line: string, title = "", previous = "", plug: RegExp | null = null): string | null {
  const compare = normaliseForCompare(line);
  const bare = normaliseForCompare(line.replace(BULLET, ""));
  if (!bare || /^[\p{P}\p{S}\s]+$/u.test(bare)) return "stray glyph";
  if (title && (compare === title || bare === title)) return "headline";
  if (compare === previous) return "repeated line";
  if (DATE_LINE.test(line)) return "date line";
  if (plug?.test(line)) return "teaser of another story";
  if (/^(pic\.twitter\.com|https?:\/\/)\S+$/i.test(line)) return "bare link";
  if (namesInByline(line).length > 0) return "byline";
  // "• 3 min read": a bullet in front of chrome is chrome too.
  const unbulleted = line.replace(BULLET, "");
  for (const { pattern, reason } of CHROME_LINES) if (pattern.test(line) || pattern.test(unbulleted)) return reason;
  return null;
}

/** "Published 3 June 2024 The trust said…": the label is metadata, the rest is the story. */
export function withoutDateLabel(line: string): string {
  const label = LEADING_DATE_LABEL.exec(line);
  return label && line.length > label[0].length ? line.slice(label[0].length) : line;
}

/** "First point • Second point": items a capture ran onto one line become lines of their own. */
function splitInlineBullets(line: string): string[] {
  const parts = line.split(/\s+[•▪►·]\s+/);
  return parts.length > 1 && parts.every((p) => p.trim().split(/\s+/).length >= 2)
    ? parts.map((p) => p.trim())
    : [line];
}

/**
 * Bullet lines lose their glyphs and join into one list paragraph with the line that leads into
 * them (one ending in ':'); numbered lines count as items only in a run of two or more, since a
 * lone "2. Fund the change" is a numbered heading.
 */
function groupLists(lines: string[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const item = listItem(line, lines[i - 1], lines[i + 1]);
    if (item === null) {
      out.push({ text: line, heading: isHeading(line) });
      continue;
    }
    const last = out[out.length - 1];
    if (last && (last.list || last.text.endsWith(":"))) {
      last.text = `${last.text}\n${item}`;
      last.list = true;
      last.heading = false;
    } else out.push({ text: item, heading: false, list: true });
  }
  return out;
}

/** The item's text without its glyph, or null when the line is not a list item. */
function listItem(line: string, before: string | undefined, after: string | undefined): string | null {
  const bullet = BULLET.exec(line);
  if (bullet) return line.slice(bullet[0].length);
  const number = NUMBER.exec(line);
  if (!number) return null;
  const numbered = (l: string | undefined) => l !== undefined && NUMBER.test(l);
  return numbered(before) || numbered(after) ? line.slice(number[0].length) : null;
}

/** Short lines with no closing punctuation are headings (e.g. "2. Fund the change, not just the tech"). */
function isHeading(line: string): boolean {
  if (/^(by|—|–|-)\s/i.test(line)) return false; // an embed's attribution
  return line.length <= 120 && !/[.!?:"”’)]$/.test(line);
}

function normaliseForCompare(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
