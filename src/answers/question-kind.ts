/**
 * What a question asks for, read from its wording: who → a person or organisation, how much →
 * money, how many → a count of something, when → a date or time, where → a place, and "who is X" /
 * "what is X's job" → a role, "what share of…" → a percentage or fraction; and the noun it asks about ("how many *trusts*", "which *health
 * minister*"). Knowing this lets the answerer prefer the sentence that holds that kind of answer.
 */

import { isVerbForm } from "../knowledge/synonyms.js";
import { STOP_WORDS, termFor, tokenize } from "../knowledge/text-terms.js";

export type QuestionKind =
  | "who"
  | "author"
  | "role"
  | "how_much"
  | "how_many"
  | "how_long"
  | "share"
  | "when"
  | "where"
  | "which"
  | "how"
  | "why"
  | "what";

const ROLE_NOUNS =
  /\b(person|people|minister|secretary|prime minister|director|official|leader|man|woman|chief executive|ceo|head|chair|tsar|organisation|organization|body|company|agency|group|department|government|team|charity|firm|minister)\b/;

const AUXILIARY = /^(do|does|did|is|are|was|were|will|would|can|could|should|has|have|had|may|might|must)$/;

/** Nouns that ask about nothing in particular ("what things…", "what ways…"). */
const GENERIC = new Set(["thing", "things", "stuff", "ones", "ways", "way", "sort", "sorts"]);

/** Describing words that come before the noun a "which" question asks about. */
const QUALIFIERS = new Set([
  "old",
  "new",
  "latest",
  "recent",
  "current",
  "previous",
  "former",
  "main",
  "key",
  "big",
  "small",
  "major",
  "first",
  "last",
  "next",
  "proven",
  "national",
  "local",
  "american",
  "british",
  "english",
  "early",
  "late",
]);

/** Nouns that name a kind of answer ("which organisation", "what person"): any name of that kind answers. */
export const TYPE_NOUNS: ReadonlySet<string> = new Set(
  [
    "organisation",
    "organization",
    "company",
    "body",
    "firm",
    "charity",
    "group",
    "person",
    "people",
    "man",
    "woman",
    "individual",
    "team",
    "department",
    "agency",
  ].map((w) => termFor(w)),
);

/** The kind of answer asked for; `lower` is the question lower-cased, its lead-in ("so", "tell me") cut. */
export function kindOf(text: string, lower: string): QuestionKind {
  return isWhoIsName(text) ? "role" : questionKind(lower);
}

/** "Who is Dr Hatim Abdulhussein?": a name alone after "who is" asks for the person's role. */
function isWhoIsName(text: string): boolean {
  const rest = /^who (?:is|was|are) (.+?)[?.!]*$/i.exec(text)?.[1];
  return Boolean(rest) && (rest ?? "").split(/\s+/).every((w) => /^[A-Z][\p{L}'’.-]*$/u.test(w) && !/['’]s$/.test(w));
}

export const MONEY_WORDS =
  /[£$€]|\b(money|fund\w*|cash|invest\w*|budget\w*|cost\w*|costing|worth|spen[dt]\w*|pa(y|id)|price\w*|grants?|financ\w*|pounds|million|billion|ringfenced|allocat\w*)\b/;

/** "How much does the NHS rely on…", "how much time…": a degree or an amount of something other than money. */
const DEGREE =
  /\bhow much (more|less|longer|time|of|effort|difference|pressure|impact|attention|progress|data|work)\b|\bhow much (do|does|did|can|could|should|will|would|has|have|is|are)\b.*\b(rely|relies|depend|depends|use|uses|help|helps|matter|matters|care|know|knows|benefit|improve|affect|change|changed|trust|value|understand|worry|worried|concerned)\b/;

/** Frames that say a quantity is asked for, not a thing ("what share of trusts…"). */
export const QUANTITY_FRAME = /^(what|which) (share|proportion|percentage|fraction|part) of\b/;

/**
 * "What share of…", "what proportion…", "what % of…", "how many per cent…": a part of a whole,
 * answered by a percentage or a fraction ("81.1%", "one in four", "two-thirds"), not a count.
 */
const SHARE_ASKED =
  /\b(?:what|which) (?:share|proportion|percentage|fraction|percent|per cent|%)|\bwhat ?%|\bhow many (?:percent|per cent|%)|\b(?:what|which) (?:is|was|are|were) the (?:share|proportion|percentage)\b/;

function questionKind(q: string): QuestionKind {
  if (/^(what|which) (kinds?|types?|sorts?|forms?) of\b/.test(q)) return "which";
  if (
    /^who (wrote|authored|penned|is behind|are behind)\b|\bwho (is|are|was|were) the (authors?|writers?)\b|\b(written|authored) by whom\b/.test(
      q,
    )
  )
    return "author";
  if (/\b(job|role|title|position)\b/.test(q) && /^(what|which)\b/.test(q)) return "role";
  if (/^(who|whom)\b|\bby whom\b|^according to whom\b/.test(q)) return "who";
  // "How much does the NHS rely on pen and paper?" asks for a degree, not a sum: money words decide.
  if (/\bhow much\b/.test(q) && (MONEY_WORDS.test(q) || !DEGREE.test(q))) return "how_much";
  if (
    /\b(what|which) (amount|sum|budget|funding total|salary|salaries|fee|fees|price|cost)\b|\bhow (big|large) is the (fund|investment|pot|budget)\b/.test(
      q,
    ) ||
    /\bwhat(?:'s|s| is| was| will be) (?:the |its |their )?(?:total )?(budget|cost|price|value|salary|fee|bill)\b/.test(
      q,
    ) ||
    (/\bhow (big|large)\b/.test(q) && (MONEY_WORDS.test(q) || /\bmoney[- ]wise\b/.test(q)))
  )
    return "how_much";
  // "What did the trust spend on…", "what will it cost…": a sum, though no "how much" is written.
  // ("What did X say the NHS shouldn't spend the cash on?" asks for X's words, not a sum.)
  if (
    /^what (?:did|does|do|will|would|has|have|is|was) (?:(?!\b(?:say|said|think|tell|warn|argue|claim|reckon|suggest)\b).){1,80}?\b(spend|spent|pay|paid|cost|charge|charged)\b/.test(
      q,
    )
  )
    return "how_much";
  if (SHARE_ASKED.test(q)) return "share";
  if (/^how many\b|\bhow many\b|\bwhat number of\b/.test(q)) return "how_many";
  if (/^when\b|\b(what|which) (date|day|time|year|month|season)s?\b|\bhow (soon|long ago)\b|\bby when\b/.test(q))
    return "when";
  // "How long was it left online?", "how long is the partnership?": a stretch of time.
  if (/^how long\b|\bfor how long\b/.test(q)) return "how_long";
  if (
    /^where\b|\b(what|which) (place|city|town|region|country|venue|location|site)\b|\bin which (place|city|region|country)\b/.test(
      q,
    )
  )
    return "where";
  // "Which health minister…", "what organisation…" (but not "what do people find…").
  // The noun the question is about decides: "which government programme…" asks for a programme.
  const [, second = ""] = q.split(/\s+/);
  if (/^(which|what)\s/.test(q) && !AUXILIARY.test(second) && ROLE_NOUNS.test(headNoun(q))) return "who";
  if (
    /^(which|what) \w+/.test(q) &&
    !/^(what|which) (is|are|was|were|does|do|did|will|would|can|could|should|has|have|had)\b/.test(q)
  )
    return "which";
  if (/^how\b/.test(q)) return "how";
  if (/^why\b/.test(q)) return "why";
  return "what";
}

/** A word that ends a noun phrase: a function word, a past or -ing form, or a word used mostly as a verb ("won"). */
function verbLike(word: string): boolean {
  return STOP_WORDS.has(word) || /(ed|ing)$/.test(word) || isVerbForm(termFor(word));
}

const NUMBER_WORDS = /^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|several|few|couple)$/;

/** The last noun of the phrase after "which"/"what": "which government programme funds…" → "programme". */
function headNoun(q: string): string {
  const words: string[] = [];
  for (const w of q.split(/\s+/).slice(1, 5)) {
    if (AUXILIARY.test(w) || (words.length > 0 && !ROLE_NOUNS.test(w) && verbLike(w))) break;
    words.push(w);
  }
  // Two-word posts stay whole ("prime minister", "chief executive").
  const last2 = words.slice(-2).join(" ");
  if (/^(prime minister|chief executive)s?$/.test(last2)) return last2;
  const last = words[words.length - 1] ?? "";
  return /^(people|bodies|companies|agencies|charities)$/.test(last) ? last : last.replace(/s$/, "");
}

/** The noun(s) right after "how many" / "which" / "what": what the answer must be a value of. */
export function focusOf(q: string, kind: QuestionKind): string[] {
  // "who is the chief executive of …", "who is nhsx's director of ai": the role asked about.
  const role =
    kind === "who"
      ? /^who (?:is|was|will be|are|were) (?:the |a |an )?((?:[a-z'-]+ ){0,2}?[a-z'-]+?)(?: of| for| at| in| on|$)/.exec(
          q,
        )
      : null;
  if (role?.[1] && /^who (?:is|was|will be|are|were) (the|a|an) |'s /.test(q)) {
    const words = role[1].split(" ").filter((w) => !/'s$/.test(w) && !STOP_WORDS.has(w));
    return tokenize(words.join(" ")).map((t) => t.term);
  }
  const m =
    kind === "how_many"
      ? /\bhow many ([a-z'-]+(?: [a-z'-]+)?)/.exec(q)
      : kind === "which" || kind === "who"
        ? /^(?:which|what) (?:(?:kinds?|types?|sorts?|forms?) of )?([a-z0-9'-]+(?: [a-z0-9'-]+){0,2})/.exec(q)
        : null;
  if (!m?.[1]) return [];
  // Up to the verb: "which old 2016 review does…" asks about a review; describing words and
  // figures are left to the question's other words.
  const words: string[] = [];
  for (const w of m[1].split(" ")) {
    if (AUXILIARY.test(w) || (words.length > 0 && !ROLE_NOUNS.test(w) && verbLike(w))) break;
    const figure = /^\d/.test(w) || NUMBER_WORDS.test(w);
    if (!STOP_WORDS.has(w) && !QUALIFIERS.has(w) && !GENERIC.has(w) && !figure) words.push(w);
  }
  return tokenize(words.join(" ")).map((t) => t.term);
}

/**
 * Nouns that name the kind of answer, not a thing its sentence says ("what is the *name* of…",
 * "what was the *reason*…").
 */
const FRAME_NOUNS: ReadonlySet<string> = new Set(
  [
    "name",
    "title",
    "number",
    "amount",
    "total",
    "figure",
    "date",
    "point",
    "purpose",
    "aim",
    "goal",
    "reason",
    "idea",
    "difference",
    "story",
    "news",
    "article",
    "piece",
    "headline",
    "answer",
    "detail",
    "thing",
    "deal",
    "status",
    "upshot",
    "gist",
    "outcome",
    "result",
    "verdict",
    "plan",
  ].map((w) => termFor(w)),
);

/**
 * The thing a "what is X's Y" / "which Y" / "how many Y" question asks the value of: "what's the
 * Scottish government's cyber security *budget* for NHS boards", "what *profit* does…". A sentence
 * that never says it (nor a synonym) tells of the subject, not of the asked fact.
 */
export function askedNounOf(q: string, kind: QuestionKind, focus: readonly string[]): string | undefined {
  const head = focus[focus.length - 1];
  // "Which football team…": of a kind-of-body noun, the word before it says which kind.
  if (head && TYPE_NOUNS.has(head) && /^(which|what) /.test(q)) return asked(focus[focus.length - 2]);
  if (kind === "which" || kind === "how_many") return asked(head);
  if (kind !== "what") return undefined;
  const m = /^what(?:'s|’s| is| was| are| were) (.+)$/.exec(q);
  if (!m?.[1]) return undefined;
  let words: string[] = [];
  for (const w of m[1].split(/\s+/)) {
    // Past a possessive the head is still to come: "the government's … budget".
    if (/['’]s$/.test(w)) {
      words = [];
      continue;
    }
    if (STOP_WORDS.has(w) || AUXILIARY.test(w)) {
      if (words.length === 0) continue; // "the", "its", or the word "it" in "IT budget"
      break;
    }
    words.push(w);
  }
  const last = words[words.length - 1];
  if (!last || GENERIC.has(last) || /^\d/.test(last)) return undefined;
  return asked(tokenize(last)[0]?.term);
}

/** The term, unless it only names the kind of answer. */
function asked(term: string | undefined): string | undefined {
  return term && !FRAME_NOUNS.has(term) ? term : undefined;
}
