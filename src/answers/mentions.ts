/**
 * Finds the kinds of answer a sentence holds: sums of money, counts, dates and time phrases,
 * places, and the names of people and organisations. Plain patterns over news English, written
 * for how UK health news states these things ("£21m", "64 trusts", "in time for winter").
 */

import { moneyPattern } from "../knowledge/money.js";
import { normaliseText, termFor, tokenize } from "../knowledge/text-terms.js";

export interface Mention {
  text: string;
  /** Word-level index terms of the mention, to tell whether the question already names it. */
  terms: string[];
  /** For names: a person (a title, a role before it, or a two-to-four-word name) or not. */
  person?: boolean;
}

const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";
const NUMBER_WORDS =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|dozens?|hundreds|thousands|several|a handful";

const MONEY = moneyPattern();
/** A sum written without its currency after a verb of paying: "fined 175,000", "raised 2.5 million". */
const PAID_SUM =
  /\b(?:fined|paid|raised|spent|saved|invested|awarded|costs?|worth|fine of|grant of)\s+(?:(?:of|about|around|over|nearly|almost|more than|some)\s+)?(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s?(?:million|billion|bn|m)\b)/gi;
const TIME = new RegExp(
  [
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s(?:${MONTHS})(?:\\s\\d{4})?\\b`,
    `\\b(?:${MONTHS}),?\\s\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s\\d{4})?\\b`,
    `\\b(?:early|mid|late|end of|in)?\\s?(?:${MONTHS})(?:\\s\\d{4})?\\b`,
    "\\b(?:19|20)\\d{2}\\b",
    "\\b(?:yesterday|today|tomorrow|tonight)\\b",
    "\\b(?:late |early )?(?:last|next|this) (?:week|month|year|spring|summer|autumn|winter)\\b",
    "\\b(?:in time for|by|before|during|this|next|over the) (?:winter|summer|spring|autumn)\\b",
    "\\bover the next (?:few|five|\\w+) (?:years|months|weeks)\\b",
    "\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b",
    "\\bshortly after\\b|\\bjust before\\b",
  ].join("|"),
  "gi",
);
/** A number written as digits (with "m", "bn" or "k" for thousands and millions: "16m prescriptions") or a word. */
const COUNT = new RegExp(`\\b(?:\\d[\\d,]*(?:\\.\\d+)?(?:m|bn|k)?|${NUMBER_WORDS})\\b`, "gi");
/** The nations and countries UK health news names, and words for areas; other places are found by "in/at X". */
const PLACE_NAMES =
  /\b(?:England|Scotland|Wales|Northern Ireland|the UK|UK|Britain|Great Britain|Ireland|the US|US|USA|America|Europe|the EU|Canada|Australia|India|China|Germany|France|nationally|nationwide|across the country|regions?|areas?|all regions of the country)\b/g;
const TITLES = "Sir|Dr|Lord|Lady|Dame|Professor|Prof|Mr|Mrs|Ms|Baroness|Baron|Rt Hon";
const TITLED = new RegExp(`^(?:${TITLES})\\b`);
const ROLE_BEFORE_NAME =
  /\b(?:prime minister|deputy prime minister|health minister|health secretary|minister|secretary|director|chief executive|chair|tsar)\b,?\s/gi;
const CAPITAL_RUN =
  /(?<![\p{L}])(?:[A-Z][\p{L}'’-]+|[A-Z]{2,}[\p{L}]*)(?:\s(?:of|for|and|the|in)?\s?(?:[A-Z][\p{L}'’-]+|[A-Z]{2,}[\p{L}]*))*/gu;
/** Words that make a capitalised name an organisation's; one-word names in capitals ("DHSC") or in camel case ("HealthTech") are too. */
const ORG_WORDS =
  /\b(NHS|NHSE|NHSX|DHSC|Department|Institute|Council|Lab|Foundation|Office|Directorate|Agency|Providers|College|University|Executive|Incubator|Programme|Platform|Government|Service|Trust|Society|Association|Cabinet|Board|Commission|Committee|Authority|Group|Ltd|Limited|Inc|plc|Health|Care|Partnership|Network|Alliance|Unit|Centre|Center|Hospital|Hospitals|Company|Systems|Technologies|Solutions|Labs|Bank|Fund|Confederation|Federation|Union|Ministry|Parliament|Regulator)\b|^\p{Lu}\p{Ll}+\p{Lu}\p{L}*$/u;

/** A country or nation alone ("the US", "England") names where, not who. */
const PLACE_ONLY =
  /^(?:England|Scotland|Wales|Northern Ireland|UK|Britain|Great Britain|Ireland|US|USA|America|Europe|EU|Canada|Australia|India|China|Germany|France)$/;

/** Capitalised words that name no one: abbreviations of things, and the NHS as a whole. */
const NOT_NAMES = /^(AI|IT|CT|EHRs?|GPs?|TV|PDF|NHS|The NHS|UK)$/;

export function moneyMentions(sentence: string): Mention[] {
  // Terms as the index reads them ("£21m" → £, 21, million), so a sum the question gives is known.
  return remember("money", sentence, () =>
    [...sentence.matchAll(MONEY), ...sentence.matchAll(PAID_SUM)].map((m) => ({
      text: m[0].trim(),
      terms: tokenize(m[0]).map((t) => t.term),
    })),
  );
}

export function timeMentions(sentence: string): Mention[] {
  return remember("time", sentence, () =>
    mentions(sentence, TIME).filter((m) => m.text.trim().length > 2 && !/^(in|may)$/i.test(m.text.trim())),
  );
}

const memos = new Map<string, Map<string, unknown>>();
/** Sentences remembered per kind of mention; then begun afresh (a few MB at most). */
const MEMO_LIMIT = 8_000;

/**
 * Candidate sentences recur from question to question: remember the last few thousand findings,
 * one map per kind keyed by the sentence itself (a string keeps its hash; a joined "kind +
 * sentence" key was a new string to build and hash on every call).
 */
function remember<T>(kind: string, sentence: string, find: () => T): T {
  let memo = memos.get(kind);
  if (!memo) {
    memo = new Map();
    memos.set(kind, memo);
  }
  const known = memo.get(sentence);
  if (known !== undefined) return known as T;
  if (memo.size > MEMO_LIMIT) memo.clear();
  const found = find();
  memo.set(sentence, found);
  return found;
}

/** Numbers with the words that follow them ("64 trusts"), so a count can be matched to what it counts. */
export function countMentions(sentence: string): { number: string; following: string[] }[] {
  return remember("count", sentence, () => findCounts(sentence));
}

function findCounts(sentence: string): { number: string; following: string[] }[] {
  const out: { number: string; following: string[] }[] = [];
  for (const m of sentence.matchAll(COUNT)) {
    const at = (m.index ?? 0) + m[0].length;
    const before = sentence.slice(Math.max(0, (m.index ?? 0) - 1), m.index ?? 0);
    if (before === "£" || before === "$") continue;
    const after = sentence.slice(at, at + 60);
    // "151-page": the word joined by a hyphen is what is counted.
    const following = [...after.matchAll(/[\p{L}-]+/gu)]
      .slice(0, 4)
      .map((w) => termFor(normaliseText(w[0].replace(/^-+/, ""))));
    out.push({ number: m[0], following });
  }
  return out;
}

/** Places, and where something sits: "at the summit venue", "within a directorate", "via the … Hub". */
export function placeMentions(sentence: string): Mention[] {
  return remember("place", sentence, () => findPlaces(sentence));
}

function findPlaces(sentence: string): Mention[] {
  const named = mentions(sentence, PLACE_NAMES);
  const located = mentions(sentence, /\b(?:at|in|within|inside|via|on)\s(?:the\s)?[A-Z][\p{L}]+(?:\s[A-Z][\p{L}]+)*/gu);
  return [...named, ...located];
}

/** People (a title or a role before a capitalised name, or a two-word capitalised name) and organisations. */
export function nameMentions(sentence: string): Mention[] {
  return remember("name", sentence, () => findNames(sentence));
}

function findNames(sentence: string): Mention[] {
  const out: Mention[] = [];
  for (const m of sentence.matchAll(CAPITAL_RUN)) {
    // "An AI tsar…", "The Incubator…": a capitalised first word of a sentence is not part of a name.
    const lead =
      /^(?:An?|The|This|That|These|Those|It|Its|In|On|At|As|But|And|So|If|When|While|With|For|By|From)\s+/.exec(m[0]);
    // "In the US": the run may start with a lower-case joining word once the lead is cut.
    const text = (lead ? m[0].slice(lead[0].length) : m[0]).replace(/^(?:(?:of|for|and|the|in)\s+)+/, "");
    if (!text) continue;
    const words = text.split(/\s+/);
    const start = (m.index ?? 0) + m[0].length - text.length;
    const sentenceInitial = start === 0 || /[.!?“"‘']\s*$/.test(sentence.slice(0, start));
    const titled = TITLED.test(text);
    const roleBefore = ROLE_BEFORE_NAME.test(sentence.slice(Math.max(0, start - 40), start));
    ROLE_BEFORE_NAME.lastIndex = 0;
    if (NOT_NAMES.test(text) || PLACE_ONLY.test(text)) continue;
    const isOrg = ORG_WORDS.test(text) || /^[A-Z]{2,}$/.test(text);
    const isPerson = titled || roleBefore || (words.length >= 2 && words.length <= 4 && !isOrg);
    if (!isOrg && !isPerson) continue;
    if (sentenceInitial && words.length === 1 && !isOrg) continue;
    out.push({ ...toMention(text), person: isPerson && !isOrg });
  }
  return out;
}

function mentions(sentence: string, pattern: RegExp): Mention[] {
  return [...sentence.matchAll(pattern)].map((m) => toMention(m[0]));
}

function toMention(text: string): Mention {
  const terms = [...normaliseText(text).matchAll(/[\p{L}\p{N}]+/gu)].map((w) => termFor(w[0]));
  return { text: text.trim(), terms };
}
