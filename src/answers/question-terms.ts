/**
 * A question's words as the ranking reads them: index terms weighted by how much they carry the
 * question (filler such as "say" or "exactly" weighs little), the names it writes ("Dr Priya
 * Smith"), an outlet it points at ("the HSJ piece on…"), and for "what did X say…" the speaker X.
 */

import { normaliseText, type Token, termFor, tokenize } from "../knowledge/text-terms.js";

export interface QuestionTerm {
  term: string;
  word: string;
  /** 1 for the words that carry the question, less for filler such as "say" or "mention". */
  weight: number;
  /** Written with a capital letter mid-sentence, or a number: a name or figure the answer must be about. */
  specific: boolean;
  /** The one word a phrasal verb stands for ("set up" → establish): an event the question asks about. */
  phrase?: boolean;
  /** A word of such a phrase ("kick" of "kick in"): the phrase's word, not this one, names the event. */
  inPhrase?: boolean;
}

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
    // How people talk in chat: "so who's…", "so far", "the guy warning…", "apart from", "do they reckon".
    "so",
    "far",
    "apart",
    "guy",
    "guys",
    "reckon",
    "reckons",
    "apparently",
    "supposedly",
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

/** The words of an outlet's name before "piece", "blog", "article"…, or after "according to" / "per" at the end. */
export function outletWords(text: string): string[] {
  const before =
    /((?:[\p{Lu}\d][\p{L}\d&'’.-]*\s+){1,4})(?:piece|article|blog|story|op-?ed|column|post|coverage|feature|interview|newsletter|write-?up)\b/u.exec(
      text,
    )?.[1];
  const after = /\b(?:according to|per)\s+(?:the\s+)?((?:[\p{Lu}\d][\p{L}\d&'’.-]*\s*){1,4})[?.!]*$/u.exec(text)?.[1];
  return tokenize(`${before ?? ""} ${after ?? ""}`).map((t) => t.word);
}

export const SAYING =
  /^(announce|announces|announced|reveal|reveals|revealed|promise|promises|promised|pledge|pledges|pledged|unveil|unveils|unveiled|say|says|said|saying|think|thinks|thought|tell|tells|told|warn|warns|warned|argue|argues|argued|claim|claims|claimed|add|adds|added|explain|explains|explained|describe|describes|described|call|calls|called|note|notes|noted|reckon|reckons|feel|feels|felt|comment|comments|commented)$/;

/**
 * "What did Dr Priya Smith say success will depend on?", "how did the minister describe…",
 * "what does Smith think about…": the words between the auxiliary and the verb of saying name
 * the speaker.
 */
export function speakerOf(text: string): string[] {
  const m =
    /\b(?:what|how|why)\s+(does|did|do|has|have|had|is|was|would)\s+(.{2,80}?)\s+(say|said|think|tell|warn|argue|claim|add|explain|describe|call|note|reckon|feel|comment|announce|reveal|promise|pledge|unveil|recommend|propose|urge)(?:ing|s|ed|d)?\b/i.exec(
      text,
    ) ?? /^(?:according to|per)()\s+(.{2,60}?),/i.exec(text);
  if (!m?.[2]) return [];
  // "What was X called?" asks for a name, not X's words.
  if (/^(is|was)$/i.test(m[1] ?? "") && /^(call|describe)$/i.test(m[3] ?? "")) return [];
  return tokenize(m[2].replace(/['’]s\b/g, "")).map((t) => t.term);
}

/** Runs of two or more capitalised words after the first word: the people and bodies a question names. */
export function namesIn(text: string): string[][] {
  const runs = text.slice(1).matchAll(/(?:[A-Z][\p{L}'’-]+)(?:\s+[A-Z][\p{L}'’-]+)+/gu);
  return [...runs].map((m) => tokenize(m[0]).map((t) => t.term)).filter((terms) => terms.length >= 2);
}

/**
 * The question's words as index tokens. The ranking reads them again (names typed in lower case),
 * so the last question's are kept rather than tokenized twice.
 */
export function questionTokens(text: string): readonly Token[] {
  if (text !== lastQuestion) {
    lastTokens = tokenize(text);
    lastQuestion = text;
  }
  return lastTokens;
}

let lastQuestion = "";
let lastTokens: readonly Token[] = tokenize("");

export function questionTerms(text: string): QuestionTerm[] {
  const firstWord = /^\W*(\S+)/.exec(text)?.[1] ?? "";
  const seen = new Set<string>();
  const out: QuestionTerm[] = [];
  const capitalised = new Set(
    [...text.matchAll(/(?<!^)(?<![.?!]\s)\b([A-Z][\p{L}'’-]*|[A-Z]{2,}\w*)/gu)]
      .map((m) => m[1] ?? "")
      .filter((w) => w && w !== firstWord)
      .map((w) => normaliseText(w).replace(/'s$/, "")),
  );
  // "money-wise", "cost-wise": the word names the kind of answer ("regarding money"), not a word the answer must use.
  const regarding = new Set(
    [...text.matchAll(/\b(\p{L}+)-?wise\b/giu)].flatMap((m) => tokenize(m[0]).map((t) => t.term)),
  );
  for (const token of questionTokens(text)) {
    if (seen.has(token.term)) continue;
    seen.add(token.term);
    const weak = (WEAK_WORDS.has(token.term) || regarding.has(token.term)) && !capitalised.has(token.word);
    const specific = capitalised.has(token.word) || /^\d/.test(token.word);
    out.push({ term: token.term, word: token.word, weight: weak ? 0.25 : 1, specific });
  }
  return out;
}
