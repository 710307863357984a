/**
 * What a question asks for, read from its wording: who → a person or organisation, how much →
 * money, how many → a count of something, when → a date or time, where → a place, and "who is X" /
 * "what is X's job" → a role. Knowing this lets the answerer prefer the sentence that holds that
 * kind of answer, and refuse one that merely shares words with the question.
 */

import { isVerbForm, phrasesIn } from "../knowledge/synonyms.js";
import { normaliseText, STOP_WORDS, termFor, tokenize } from "../knowledge/text-terms.js";

export type QuestionKind =
  | "who"
  | "author"
  | "role"
  | "how_much"
  | "how_many"
  | "when"
  | "where"
  | "which"
  | "how"
  | "why"
  | "what";

export interface QuestionTerm {
  term: string;
  word: string;
  /** 1 for the words that carry the question, less for filler such as "say" or "mention". */
  weight: number;
  /** Written with a capital letter mid-sentence, or a number: a name or figure the answer must be about. */
  specific: boolean;
  /** The one word a phrasal verb stands for ("set up" → establish): an event the question asks about. */
  phrase?: boolean;
}

export interface AnalysedQuestion {
  text: string;
  kind: QuestionKind;
  /** For "how many X" / "which X": the stems of X. */
  focus: string[];
  /** Names written in the question ("Dr Priya Smith"), as index terms, for surname references. */
  names: string[][];
  terms: QuestionTerm[];
  /** For "what did X say (about Y)?": the index terms of X, whose own quoted words answer. */
  speaker: string[];
  /** "When will … be appointed?" asks about the future, "when was … set up?" the past. */
  tense: QuestionTense;
}

export type QuestionTense = "past" | "future" | "none";

/** Words that say little about what is asked: kept for ranking, not required of an answer. */
const WEAK_WORDS = new Set(
  [
    "say",
    "says",
    "said",
    "tell",
    "told",
    "mention",
    "mentioned",
    "mentions",
    "describe",
    "described",
    "according",
    "article",
    "piece",
    "report",
    "reported",
    "story",
    "news",
    "kind",
    "kinds",
    "type",
    "types",
    "sort",
    "sorts",
    "way",
    "ways",
    "thing",
    "things",
    "get",
    "gets",
    "getting",
    "got",
    "go",
    "going",
    "goes",
    "want",
    "wants",
    "wanted",
    "happen",
    "happening",
    "make",
    "made",
    "use",
    "used",
    "using",
    "look",
    "looking",
    "give",
    "given",
    "gave",
    "put",
    "exactly",
    "actually",
    "quote",
    "full",
    "verbatim",
    "whole",
    "mostly",
    "basically",
    "specifically",
    "literally",
    "just",
    "really",
    "currently",
    "main",
    "key",
    "new",
    "role",
    "job",
    "part",
    "number",
    "much",
    "many",
    "name",
    "called",
    "known",
    "think",
    "thinks",
    "believe",
    "believes",
    "argue",
    "argues",
    "see",
    "back",
    "roughly",
    "approximately",
    "exactly",
    "precisely",
    "source",
    "sources",
    "author",
    "authors",
    "writer",
    "big",
    "large",
    "size",
    "suggest",
    "suggests",
    "suggested",
    "set",
    "sets",
    "follow",
    "following",
    "meant",
    "intended",
    "supposed",
    "expected",
    "aim",
    "aims",
    "aimed",
    "talk",
    "talks",
    "talking",
    "hold",
    "holds",
    "held",
    "point",
    "points",
    "cite",
    "cites",
    "cited",
    "show",
    "shows",
    "offer",
    "offers",
    "consider",
    "considers",
    "regard",
    "regards",
    "seen",
  ].map(termFor),
);

const ROLE_NOUNS =
  /\b(person|people|minister|secretary|prime minister|director|official|leader|man|woman|chief executive|ceo|head|chair|tsar|organisation|organization|body|company|agency|group|department|government|team|charity|firm|minister)\b/;

const AUXILIARY = /^(do|does|did|is|are|was|were|will|would|can|could|should|has|have|had|may|might|must)$/;

const LEAD_IN =
  /^((please|so|and|but|ok|okay|hi|hey|roughly|approximately|exactly|about|remind me|tell me|can you tell me|could you tell me|do you know|any idea|i wonder),?\s+)+/;

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

/** Analyses a question's wording. */
export function analyseQuestion(question: string): AnalysedQuestion {
  const text = question.replace(/\s+/g, " ").trim();
  // "Roughly when…", "so who…", "can you tell me how many…": the question word comes after a lead-in.
  const lower = normaliseText(text)
    .replace(/[?!.]+$/, "")
    .replace(LEAD_IN, "");
  const kind = isWhoIsName(text) ? "role" : questionKind(lower);
  const focus = focusOf(lower, kind);
  const terms = questionTerms(text);
  // "Who set up…" asks who established it: the phrase's one word joins the question's own, as an
  // alternative (an answer may say "set up" or "established"), so each weighs half.
  for (const phrase of phrasesIn(lower)) {
    for (const t of terms) if (phrase.words.includes(t.word)) t.weight = Math.min(t.weight, 0.5);
    if (!terms.some((t) => t.term === phrase.term))
      terms.push({ term: phrase.term, word: phrase.term, weight: 0.5, specific: false, phrase: true });
  }
  // "What three areas…": the count says how many items are wanted, not a word the answer uses.
  const counted = /\b(two|three|four|five|six|seven|eight|nine|ten)\s+(?:main |key |big |core |top )?[a-z]+s\b/.exec(
    lower,
  )?.[1];
  if (counted && kind !== "how_many") for (const t of terms) if (t.word === counted) t.weight = 0.25;
  const frame = QUANTITY_FRAME.exec(lower)?.[2];
  if (frame) for (const t of terms) if (t.word === frame) t.weight = 0.25;
  // In "which organisation…" the noun names the kind of answer, not a word the answer must use.
  // "Which government department…": the last noun names the kind of answer.
  const head = focus[focus.length - 1];
  if (head && TYPE_NOUNS.has(head)) {
    focus.splice(0, focus.length, head);
    for (const t of terms) if (t.term === head) t.weight = 0.25;
  }
  // "The HSJ piece on…", "according to Digital Health": the outlet only points at an article; the
  // library may not know it by that name, so it weighs little and is not a name the answer needs.
  for (const word of outletWords(text))
    for (const t of terms)
      if (t.word === word) {
        t.weight = Math.min(t.weight, 0.25);
        t.specific = false;
      }
  const speaker = speakerOf(text);
  // "Say", "think", "warn" ask for the speaker's words; they need not be in the answer.
  if (speaker.length > 0) for (const t of terms) if (SAYING.test(t.word)) t.weight = Math.min(t.weight, 0.25);
  return { text, kind, focus, terms, names: namesIn(text), speaker, tense: tenseOf(lower) };
}

/**
 * The time the question's auxiliary puts its event in. "Would" is left out: "when would…" is
 * conditional, not a date in the future.
 */
function tenseOf(q: string): QuestionTense {
  if (/\b(will|shall|going to|set to|due to)\b|\w'll\b/.test(q)) return "future";
  if (/^(?:\w+ ){0,3}?(did|was|were|had)\b/.test(q)) return "past";
  return "none";
}

/** The words of an outlet's name before "piece", "blog", "article"…, or after "according to" / "per" at the end. */
function outletWords(text: string): string[] {
  const before =
    /((?:[\p{Lu}\d][\p{L}\d&'’.-]*\s+){1,4})(?:piece|article|blog|story|op-?ed|column|post|coverage|feature|interview|newsletter|write-?up)\b/u.exec(
      text,
    )?.[1];
  const after = /\b(?:according to|per)\s+(?:the\s+)?((?:[\p{Lu}\d][\p{L}\d&'’.-]*\s*){1,4})[?.!]*$/u.exec(text)?.[1];
  return tokenize(`${before ?? ""} ${after ?? ""}`).map((t) => t.word);
}

const SAYING =
  /^(announce|announces|announced|reveal|reveals|revealed|promise|promises|promised|pledge|pledges|pledged|unveil|unveils|unveiled|say|says|said|saying|think|thinks|thought|tell|tells|told|warn|warns|warned|argue|argues|argued|claim|claims|claimed|add|adds|added|explain|explains|explained|describe|describes|described|call|calls|called|note|notes|noted|reckon|reckons|feel|feels|felt|comment|comments|commented)$/;

/**
 * "What did Dr Priya Smith say success will depend on?", "how did the minister describe…",
 * "what does Smith think about…": the words between the auxiliary and the verb of saying name
 * the speaker.
 */
function speakerOf(text: string): string[] {
  const m =
    /\b(?:what|how|why)\s+(?:does|did|do|has|have|had|is|was|would)\s+(.{2,80}?)\s+(?:say|said|think|tell|warn|argue|claim|add|explain|describe|call|note|reckon|feel|comment|announce|reveal|promise|pledge|unveil|recommend|propose|urge)(?:ing|s|ed|d)?\b/i.exec(
      text,
    ) ?? /^(?:according to|per)\s+(.{2,60}?),/i.exec(text);
  if (!m?.[1]) return [];
  return tokenize(m[1].replace(/['’]s\b/g, "")).map((t) => t.term);
}

/** "Who is Dr Hatim Abdulhussein?": a name alone after "who is" asks for the person's role. */
function isWhoIsName(text: string): boolean {
  const rest = /^who (?:is|was|are) (.+?)[?.!]*$/i.exec(text)?.[1];
  return Boolean(rest) && (rest ?? "").split(/\s+/).every((w) => /^[A-Z][\p{L}'’.-]*$/u.test(w) && !/['’]s$/.test(w));
}

const MONEY_WORDS =
  /[£$€]|\b(money|fund\w*|cash|invest\w*|budget\w*|cost\w*|costing|worth|spen[dt]\w*|pa(y|id)|price\w*|grants?|financ\w*|pounds|million|billion|ringfenced|allocat\w*)\b/;

/** "How much does the NHS rely on…", "how much time…": a degree or an amount of something other than money. */
const DEGREE =
  /\bhow much (more|less|longer|time|of|effort|difference|pressure|impact|attention|progress|data|work)\b|\bhow much (do|does|did|can|could|should|will|would|has|have|is|are)\b.*\b(rely|relies|depend|depends|use|uses|help|helps|matter|matters|care|know|knows|benefit|improve|affect|change|changed|trust|value|understand|worry|worried|concerned)\b/;

/** Frames that say a quantity is asked for, not a thing ("what share of trusts…"). */
const QUANTITY_FRAME = /^(what|which) (share|proportion|percentage|fraction|part) of\b/;

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
  if (/^how many\b|\bhow many\b|\bwhat number of\b/.test(q)) return "how_many";
  if (/^when\b|\b(what|which) (date|day|time|year|month|season)s?\b|\bhow (soon|long ago)\b|\bby when\b/.test(q))
    return "when";
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
function focusOf(q: string, kind: QuestionKind): string[] {
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

/** Runs of two or more capitalised words after the first word: the people and bodies a question names. */
function namesIn(text: string): string[][] {
  const runs = text.slice(1).matchAll(/(?:[A-Z][\p{L}'’-]+)(?:\s+[A-Z][\p{L}'’-]+)+/gu);
  return [...runs].map((m) => tokenize(m[0]).map((t) => t.term)).filter((terms) => terms.length >= 2);
}

function questionTerms(text: string): QuestionTerm[] {
  const firstWord = /^\W*(\S+)/.exec(text)?.[1] ?? "";
  const seen = new Set<string>();
  const out: QuestionTerm[] = [];
  const capitalised = new Set(
    [...text.matchAll(/(?<!^)(?<![.?!]\s)\b([A-Z][\p{L}'’-]*|[A-Z]{2,}\w*)/gu)]
      .map((m) => m[1] ?? "")
      .filter((w) => w && w !== firstWord)
      .map((w) => normaliseText(w).replace(/'s$/, "")),
  );
  for (const token of tokenize(text)) {
    if (seen.has(token.term)) continue;
    seen.add(token.term);
    const weak = WEAK_WORDS.has(token.term) && !capitalised.has(token.word);
    const specific = capitalised.has(token.word) || /^\d/.test(token.word);
    out.push({ term: token.term, word: token.word, weight: weak ? 0.25 : 1, specific });
  }
  return out;
}
