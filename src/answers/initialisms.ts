/**
 * Initialisms staff type for a name an article writes out: "HVH" for Harwood Valley Hospitals,
 * "NVFT" for North Vale NHS Foundation Trust. The article need not define them ("… (HVH)"): a run of capitalised words in an article the rest
 * of the question finds, whose initials spell the letters, is the name asked about.
 */

import type { Library } from "../knowledge/library.js";
import { relatedTerms } from "../knowledge/synonyms.js";
import { STOP_WORDS, tokenize } from "../knowledge/text-terms.js";
import type { AnalysedQuestion } from "./analyse-question.js";
import type { QuestionTerm } from "./question-terms.js";

/** Articles of the best candidates searched for a spelling-out. */
const ARTICLES_SEARCHED = 10;

/**
 * A question word typed as an initialism (two to six capitals, "HVH", "NVFTs", "HVH's") that the
 * library never writes, nor its glossary's expansions: a name it may write out in full.
 */
export function isUnknownInitialism(library: Library, q: AnalysedQuestion, t: QuestionTerm): boolean {
  if (!t.specific || !/^[a-z]{2,6}$/.test(t.word) || !unknownToLibrary(library, t.term)) return false;
  return new RegExp(`(?:^|[^\\p{L}])${t.word.toUpperCase()}(?:s|['’]s)?(?![\\p{L}])`, "u").test(q.text);
}

/** Neither the term nor any word related to it is in the library's text or its articles' details. */
export function unknownToLibrary(library: Library, term: string): boolean {
  const known = (t: string) => library.index.documentFrequency(t) > 0 || library.isMetadataTerm(t);
  return !known(term) && ![...relatedTerms(term)].some(known);
}

/**
 * The question with each unknown initialism replaced by the name an article among the candidates
 * spells it out as (held whole, as a name), the question itself when it has none, or undefined
 * when one of them no candidate article spells out: the library cannot be about it.
 */
export function withInitialismsSpelledOut(
  library: Library,
  q: AnalysedQuestion,
  candidates: Iterable<number>,
): AnalysedQuestion | undefined {
  const unknown = q.terms.filter((t) => isUnknownInitialism(library, q, t));
  if (unknown.length === 0) return q;
  const texts: string[] = [];
  const seen = new Set<string>();
  for (const id of candidates) {
    const document = library.passage(id)?.document;
    if (!document || seen.has(document.id)) continue;
    seen.add(document.id);
    texts.push(document.title, ...document.paragraphs.map((p) => p.text));
    if (seen.size >= ARTICLES_SEARCHED) break;
  }
  let terms = q.terms;
  const names = [...q.names];
  for (const t of unknown) {
    let phrase: string | undefined;
    for (let i = 0; i < texts.length && !phrase; i++) phrase = spelledOutIn(texts[i] as string, t.word);
    if (!phrase) return undefined;
    const spelled = tokenize(phrase).map((p) => p.term);
    names.push(spelled);
    terms = terms.flatMap((x) =>
      x === t ? spelled.map((term) => ({ term, word: term, weight: t.weight, specific: true })) : [x],
    );
  }
  return { ...q, terms, names };
}

/**
 * The first run of capitalised words in `text` whose initials spell `letters` in order, passing
 * over function words and capitalised abbreviations inside the name ("North Vale NHS Foundation
 * Trust" for NVFT).
 */
function spelledOutIn(text: string, letters: string): string | undefined {
  const words = [...text.matchAll(/[\p{L}][\p{L}&'’-]*/gu)];
  for (let i = 0; i < words.length; i++) {
    let need = 0;
    let last = -1;
    for (let j = i; j < words.length && need < letters.length; j++) {
      const word = (words[j] as RegExpMatchArray)[0];
      const capital = /^\p{Lu}/u.test(word);
      if (capital && word[0]?.toLowerCase() === letters[need] && (need > 0 || j === i)) {
        need++;
        last = j;
      } else if (j === i || !(STOP_WORDS.has(word.toLowerCase()) || /^\p{Lu}{2,}$/u.test(word))) break;
      // Words of one name stand side by side: no sentence break or comma between them.
      const next = words[j + 1];
      if (next && /[.,;:!?()]/.test(text.slice(((words[j] as RegExpMatchArray).index ?? 0) + word.length, next.index)))
        break;
    }
    if (need === letters.length && last > i) {
      const start = (words[i] as RegExpMatchArray).index ?? 0;
      const end = ((words[last] as RegExpMatchArray).index ?? 0) + (words[last] as RegExpMatchArray)[0].length;
      return text.slice(start, end);
    }
  }
  return undefined;
}
