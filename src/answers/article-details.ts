/**
 * Questions about an article itself rather than its news: who wrote it, who published it, when,
 * its headline, where to read it. The answer is the article's own details (every answer prints
 * them), cited with its headline as the quote. The article is the one the question's other words
 * point at: its title, publisher and authors count double, its text once.
 */

import { findArticle } from "../conversation/find-article.js";
import { formatPublished } from "../knowledge/format-date.js";
import type { Library, LibraryDocument } from "../knowledge/library.js";
import { tokenize } from "../knowledge/text-terms.js";
import { type Citation, citationFor } from "./answer.js";

export type ArticleDetail = "author" | "publisher" | "date" | "url" | "headline";

const DETAIL_PATTERNS: [ArticleDetail, RegExp][] = [
  [
    "author",
    /\bwho(?:'s|’s| is| was)? (?:wrote|authored|penned|the (?:author|writer|journalist|reporter))\b|\b(?:author|writer|byline) of\b|\bwritten by (?:whom|who)\b|\bwhose (?:piece|article|blog|op-?ed|column|post|story)\b|\bwho (?:is|was) (?:the )?(?:piece|article|blog|op-?ed|report|story) (?:by|from)\b/i,
  ],
  [
    "publisher",
    /\b(?:which|what) (?:outlet|publication|site|website|paper|newspaper|magazine|publisher|news site|trade title|title|journal)\b.{0,40}\b(?:ran|run|published|publish|carried|carry|reported|report|covered|cover|wrote|write|is|was)\b|\bwho (?:published|publishes|is the publisher of)\b|\bwho (?:ran|carried|put out) (?:the|this|that) (?:piece|article|story|report|blog|op-?ed|item)\b|\bpublished (?:by|in) (?:whom|what|which)\b|\bwhere (?:was|did) .{3,80} (?:published|appear|run)\b/i,
  ],
  [
    "date",
    /\bwhen (?:was|did|were) .{3,100} (?:published|come out|came out|written|posted|released|appear|run|go up|put out|report)\b|\b(?:what|which) (?:date|day) (?:was|did) .{3,100} (?:published|come out|posted|written)\b|\b(?:publication|publish|published) date\b|\bhow (?:old|recent) is (?:the|this|that)\b/i,
  ],
  [
    "url",
    /\bwhere (?:can|could|do|should) (?:i|we|you) (?:read|find|see|get)\b|\b(?:link|url|web address) (?:to|for|of)\b|\b(?:send|give|share)(?: me)? (?:the|a) link\b/i,
  ],
  [
    "headline",
    /\b(?:what(?:'s|’s| is| was)|give me) the (?:headline|title)\b|\b(?:headline|title) of (?:the|that|this)\b/i,
  ],
];

/** Words of such questions that say which detail is asked, not which article. */
const DETAIL_WORDS =
  /\b(who|whom|whose|wrote|written|write|authored|author|writer|journalist|reporter|byline|penned|published|publish|publication|publisher|outlet|site|website|paper|newspaper|magazine|journal|title|headline|date|day|when|ran|run|carried|covered|posted|released|appear|link|url|address|read|find|piece|article|blog|post|story|op-?ed|opinion|column|report|coverage|take)\b/gi;

export function articleDetailAsked(question: string): ArticleDetail | null {
  for (const [detail, pattern] of DETAIL_PATTERNS) if (pattern.test(question)) return detail;
  return null;
}

export interface DetailAnswer {
  answer: string;
  citations: Citation[];
}

/**
 * The answer to a question about an article's details, or null when no one article is clearly
 * meant (the ordinary answerer then tries) or when the detail is not known (`known: false`: the
 * answerer says so rather than guess).
 */
export function answerArticleDetail(
  library: Library,
  question: string,
  detail: ArticleDetail,
): (DetailAnswer & { known: true }) | { known: false; answer: string } | null {
  const entry = articleMeant(library, question) ?? articleCalled(library, question);
  if (!entry) return null;
  const doc = entry.document;
  const title = `“${doc.title}”`;
  const source = doc.publisher ?? doc.organisation;
  const date = doc.published ? formatPublished(doc.published) : null;
  const where = [source, date].filter(Boolean).join(", ");
  const cite = (): Citation[] => [citationFor(doc, quoteFor(entry))];
  switch (detail) {
    case "author": {
      const authors = doc.authors.length > 0 ? doc.authors : bylineOf(entry);
      if (authors.length === 0)
        return { known: false, answer: `${title}${where ? ` (${where})` : ""} does not name its author.` };
      return {
        known: true,
        answer: `${title} was written by ${listOf(authors)}${where ? ` (${where})` : ""}.`,
        citations: cite(),
      };
    }
    case "publisher":
      if (!source) return { known: false, answer: `I hold ${title}, but not who published it.` };
      return {
        known: true,
        answer: `${title} was published by ${source}${date ? ` (${date})` : ""}.`,
        citations: cite(),
      };
    case "date":
      if (!date) return { known: false, answer: `${title}${source ? ` (${source})` : ""} gives no publication date.` };
      return {
        known: true,
        answer: `${title} was published ${doc.published?.precision === "day" ? "on" : "in"} ${date}${source ? ` by ${source}` : ""}.`,
        citations: cite(),
      };
    case "url":
      if (!doc.url)
        return { known: false, answer: `I hold ${title}${where ? ` (${where})` : ""}, but not a link to it.` };
      return {
        known: true,
        answer: `You can read ${title}${where ? ` (${where})` : ""} at ${doc.url}`,
        citations: cite(),
      };
    case "headline":
      return { known: true, answer: `The headline is ${title}${where ? ` (${where})` : ""}.`, citations: cite() };
  }
}

/** How many candidate passages are read to find the article meant. */
const HITS = 40;

/**
 * The article the question's words point at: each word found in its title, publisher or authors
 * counts twice its rarity, in its text once; the best must hold most of the question's weight
 * and stand clear of the next.
 */
function articleMeant(library: Library, question: string): LibraryDocument | undefined {
  const quoted = quotedTitle(library, question);
  if (quoted) return quoted;
  const terms = [...new Set(tokenize(question.replace(DETAIL_WORDS, " ")).map((t) => t.term))];
  if (terms.length === 0) return undefined;
  const hits = library.index.search(
    terms.map((term) => ({ term, weight: 1 })),
    HITS,
  );
  const seen = new Set<string>();
  let best: { entry: LibraryDocument; score: number } | undefined;
  let second = 0;
  const total = terms.reduce((sum, t) => sum + 2 * library.index.idf(t), 0);
  for (const hit of hits) {
    const id = library.passage(hit.passage)?.document.id;
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const entry = library.get(id);
    if (!entry) continue;
    let score = 0;
    for (const t of terms) {
      if (entry.metadataTerms.has(t)) score += 2 * library.index.idf(t);
      else if (entry.passages.some((p) => p.has(t))) score += library.index.idf(t);
    }
    if (!best || score > best.score) {
      second = best?.score ?? 0;
      best = { entry, score };
    } else second = Math.max(second, score);
  }
  if (!best || best.score < 0.35 * total || best.score < 1.2 * second) return undefined;
  return best.entry;
}

/** What a details question asks, not which article: "who wrote", "which outlet ran", "when was … published". */
const ASKING_WORDS =
  /\b(?:who|whom|whose|when|which|what|wrote|written|authored|penned|published|publish|put out|came out|come out|ran|outlet|publication|publisher|journal|date|title|headline|link|url)\b/gi;

/**
 * The article the question calls by its outlet, kind and subject ("the National Voices blog on
 * the FDP"), found as a summary request finds it (synonyms, initials, outlet hints), when exactly
 * one fits.
 */
function articleCalled(library: Library, question: string): LibraryDocument | undefined {
  const match = findArticle(library, question.replace(ASKING_WORDS, " ").replace(/\s+/g, " "));
  return match.kind === "found" ? match.entry : undefined;
}

/**
 * "Who wrote the 'NHS App after the pandemic' blog?": the article whose headline or text holds the
 * quoted words, found among the passages that best match them.
 */
function quotedTitle(library: Library, question: string): LibraryDocument | undefined {
  const phrase = /['‘"“]([^'’"”]{8,120})['’"”]/.exec(question)?.[1];
  if (!phrase) return undefined;
  const wanted = normaliseForMatch(phrase);
  const terms = [...new Set(tokenize(phrase).map((t) => t.term))].map((term) => ({ term, weight: 1 }));
  for (const hit of library.index.search(terms, HITS)) {
    const passage = library.passage(hit.passage);
    if (!passage) continue;
    if (normaliseForMatch(passage.text).includes(wanted) || normaliseForMatch(passage.document.title).includes(wanted))
      return library.get(passage.document.id);
  }
  return undefined;
}

function normaliseForMatch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, " ")
    .trim();
}

/** The headline when it is the page's own (so it stands in the capture), else the opening sentence. */
function quoteFor(entry: LibraryDocument): string {
  if (!entry.document.titleEditorial) return entry.document.title;
  return (entry.passages.find((p) => !p.heading) ?? entry.passages[0])?.text ?? entry.document.title;
}

/** A person's name: two or three words in title case, after an optional title. */
const PERSON =
  "(?:(?:Dr|Professor|Prof|Sir|Dame)\\.?\\s+)?((?:\\p{Lu}\\p{Ll}[\\p{L}'’-]*)(?:\\s\\p{Lu}\\p{Ll}[\\p{L}'’-]*){1,2})";
/** What a standfirst says its writer does: "Jane Smith, chief nurse, argues that…". */
const WRITER_VERBS =
  "argues|looks at|admires|reflects|explains|considers|writes|asks|sets out|explores|discusses|examines|describes|shares|outlines|warns";
const BYLINES = [
  // "By Jane Smith", "Written by: Jane Smith", "Author: Jane Smith" opening a line.
  new RegExp(`^(?:by|written by|author|words by)\\s*:?\\s+${PERSON}`, "iu"),
  // "…, writes Jane Smith", "Opinion article by Dr Jane Smith", "gsmith By Jane Smith June 2019".
  new RegExp(`\\b(?:writes?|written by|[Bb]y)\\s*:?\\s+${PERSON}`, "u"),
  // A standfirst: "Jane Smith of the Example Trust argues…", "Jane Smith, chief nurse, looks at…".
  new RegExp(`^${PERSON}(?:,[^.]{0,120}?,| of [^.]{0,60}?)?\\s+(?:${WRITER_VERBS})\\b`, "u"),
];
const MONTH_AFTER = /\s(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** Words that make a capitalised run a body or a date rather than a person. */
const NOT_A_PERSON =
  /\b(NHS|Trust|Department|Team|Office|Health|Digital|News|Foundation|Institute|Council|University|Agency|Group|England|Partnership|Programme|Service|Care|January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/**
 * The writers an article names in its opening lines: "By Jane Smith", "Written by: …", "…, writes
 * Jane Smith", a standfirst ("Jane Smith, chief nurse, argues…"), with co-writers joined by "and".
 */
function bylineOf(entry: LibraryDocument): string[] {
  for (const p of entry.passages.slice(0, 8)) {
    for (const pattern of BYLINES) {
      const m = pattern.exec(p.text);
      // "By Jane Smith June 21, 2019": the date is not part of the name.
      const name = m?.[1]?.replace(MONTH_AFTER, "").trim();
      if (!m || !name || !/\s/.test(name) || NOT_A_PERSON.test(name)) continue;
      const names = [name];
      // "By Jane Smith, Professor of …, and Raj Patel, Director of …"
      const rest = p.text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 200);
      const more = new RegExp(`^[^.]{0,160}?\\band\\s+${PERSON}`, "u").exec(rest)?.[1];
      if (more && !NOT_A_PERSON.test(more)) names.push(more);
      return names;
    }
  }
  return [];
}

function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
