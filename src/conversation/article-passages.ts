/**
 * Passages of one article for a conversation: its key sentences (the digest's picker), the
 * next-best ones after what was already shown, and quotes that stay verbatim (sentences that do
 * not follow each other in the text are joined with "…").
 */

import { isPageChrome } from "../briefings/page-chrome.js";
import { pickKeySentences, standsAlone, tidy, wordCount } from "../briefings/pick-key-sentences.js";
import type { LibraryDocument, Passage } from "../knowledge/library.js";
import { relatedList } from "../knowledge/synonyms.js";
import { normaliseText, termsOf } from "../knowledge/text-terms.js";
import { articleTerms } from "./article-words.js";

/** Passages a "tell me more" shows at once. */
const MORE_PASSAGES = 3;
/** The digest's lead sentences are kept shorter than a summary may run. */
const LEAD_MAX_WORDS = 60;
/** A summary: the lead and the sentences carrying the asked facts, short enough to read in chat. */
const SUMMARY_SENTENCES = 3;
const SUMMARY_MAX_WORDS = 110;
/** News puts the story first: a summary's sentences come from the article's opening sentences. */
const SUMMARY_REACH = 25;
/** A sentence must be worth this much to join a summary (a few facts, the asked words, or both). */
const SUMMARY_MIN_SCORE = 0.2;
/** A sentence whose words are mostly in the summary already says nothing new. */
const MAX_REPEATED = 0.6;
const MIN_WORDS = 6;
const MAX_WORDS = 80;

/** Where a passage sits in its article: stable across replicas, unlike index-wide passage ids. */
const passageKey = (p: Pick<Passage, "paragraph" | "sentence">) => `${p.paragraph}.${p.sentence}`;

/**
 * What a sentence tells, as news reports it: sums and shares most, counts next, findings and
 * announcements, then dates. 0 for a sentence of opinion or background.
 */
const FACTS: [RegExp, number][] = [
  [/[£$€]\s?\d|\b\d[\d,.]*\s?(?:bn|billion|m|million)\b|\d\s?%|\bper ?cent\b/i, 1],
  [/\b(?!(?:19|20)\d\d\b)\d[\d,]*\b/, 0.7],
  [
    /\b(?:found|finds|shows?|showed|shown|reveal(?:s|ed)?|conclude[sd]?|suggest(?:s|ed)?|warn(?:s|ed)?|announce[sd]?|estimate[sd]?|fined?|awarded|signed|launched|published)\b/i,
    0.5,
  ],
  [
    /\b(?:19|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/,
    0.3,
  ],
];

function factWeight(text: string): number {
  for (const [pattern, weight] of FACTS) if (pattern.test(text)) return weight;
  return TURN.test(text) ? TURN_WEIGHT : 0;
}

/**
 * "But the evidence remains limited", "Nevertheless, there are hazards": in a piece's opening, the
 * turn from what is said to what the writer argues. A summary quotes it after the lead it turns
 * from, so it does not lean on a sentence the reader has not seen, and it weighs like a finding.
 */
const TURN = /^(?:but|however|nevertheless|nonetheless|yet|even so|still)\b/i;
const TURN_WEIGHT = 0.5;

/**
 * The article's key sentences, in reading order: the digest's lead (one or two sentences), then
 * up to three in all that carry what was asked (`about`: the words the article was called by,
 * outlet hints aside) and the story's facts (sums, shares, counts, findings, dates), early in the
 * article, readable on their own and not repeating what is already there.
 */
export function keyPassages(entry: LibraryDocument, about = ""): Passage[] {
  const chosen = [...pickKeySentences(entry, LEAD_MAX_WORDS).passages];
  const asked = articleTerms(about)
    .filter((t) => !t.hint)
    .map((t) => [t.term, ...relatedList(t.term).slice(0, 8)]);
  const candidates = readablePassages(entry, new Set(chosen.map(passageKey)))
    .filter((p) => wordCount(p.text) <= LEAD_MAX_WORDS)
    .slice(0, SUMMARY_REACH);
  const scored = candidates.map((p, rank) => {
    const holds = asked.length ? asked.filter((words) => words.some((w) => p.has(w))).length / asked.length : 0;
    const position = 1 / (1 + 0.25 * rank);
    const standing = TURN.test(p.text) ? 1 : standsAlone(p.text);
    return { p, score: (0.4 * holds + 0.35 * factWeight(p.text) + 0.25 * position) * standing };
  });
  scored.sort((a, b) => b.score - a.score);
  let words = chosen.reduce((n, p) => n + wordCount(p.text), 0);
  for (const { p, score } of scored) {
    if (chosen.length >= SUMMARY_SENTENCES || score < SUMMARY_MIN_SCORE) break;
    if (words + wordCount(p.text) > SUMMARY_MAX_WORDS || repeats(p, chosen)) continue;
    chosen.push(p);
    words += wordCount(p.text);
  }
  return chosen.sort((a, b) => a.id - b.id);
}

/** Whether most of the passage's words are in the chosen ones already. */
function repeats(p: Passage, chosen: readonly Passage[]): boolean {
  const own = new Set(p.terms);
  if (own.size === 0) return true;
  const said = new Set(chosen.flatMap((c) => c.terms));
  return [...own].filter((t) => said.has(t)).length / own.size > MAX_REPEATED;
}

/** Passages worth quoting on their own: not headings or page furniture, not shown yet, 6–80 words. */
function readablePassages(entry: LibraryDocument, shown: ReadonlySet<string>): Passage[] {
  return entry.passages.filter(
    (p) =>
      !shown.has(passageKey(p)) &&
      !p.heading &&
      wordCount(p.text) >= MIN_WORDS &&
      wordCount(p.text) <= MAX_WORDS &&
      !isPageChrome(p.text, entry.document),
  );
}

/**
 * The best passages not yet shown: those sharing most words with what was asked, early in the
 * article and readable on their own; returned in reading order.
 */
export function nextPassages(
  entry: LibraryDocument,
  question: string,
  shown: ReadonlySet<string>,
  count = MORE_PASSAGES,
): Passage[] {
  const asked = termsOf(question);
  const candidates = readablePassages(entry, shown);
  const scored = candidates.map((p, rank) => {
    const overlap = asked.size ? [...asked].filter((t) => p.has(t)).length / asked.size : 0;
    const position = 1 / (1 + 0.15 * rank);
    return { p, score: (0.6 * overlap + 0.4 * position) * standsAlone(p.text) };
  });
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map((s) => s.p)
    .sort((a, b) => a.id - b.id);
}

/**
 * The passages as one verbatim quote: neighbours joined by a space, gaps marked "…". A list's
 * items are apart in the text (a bullet between them), so they are never joined as neighbours.
 */
export function verbatimQuote(passages: readonly Passage[]): string {
  const ordered = [...passages].sort((a, b) => a.id - b.id);
  return ordered
    .map((p, i) => {
      const previous = ordered[i - 1];
      const follows =
        previous &&
        previous.paragraph === p.paragraph &&
        previous.sentence + 1 === p.sentence &&
        !p.document.paragraphs[p.paragraph]?.list;
      return `${i === 0 ? "" : follows ? " " : " … "}${tidy(p.text)}`;
    })
    .join("");
}

/** The keys of the article's passages that a quote shows (a quote may elide with "…"). */
export function passagesQuoted(entry: LibraryDocument, quotes: readonly string[]): string[] {
  const fragments = quotes
    .flatMap((q) => normaliseText(tidy(q)).split(/\s*(?:\.\.\.|…)\s*/))
    .map((f) => f.trim())
    .filter((f) => f.length >= 12);
  return entry.passages
    .filter((p) => {
      const text = normaliseText(tidy(p.text));
      return fragments.some((f) => f.includes(text) || text.includes(f));
    })
    .map(passageKey);
}
