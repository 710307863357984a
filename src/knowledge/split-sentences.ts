/**
 * Sentence splitting with the platform's own Unicode segmenter (ICU), plus two repairs it needs
 * for news copy: a list number ("1.") is joined to its heading, and a split after a title
 * abbreviation ("Dr.", "St.") is undone. A list paragraph's lead-in and items (one a line) are
 * sentences of their own, so a quote of one is the capture's own words. Every sentence is an
 * exact slice of the paragraph.
 */

// Made on first use: creating it loads ICU's break rules (~12 ms), which a start that restores a
// saved library, with nothing new to split, never needs.
let segmenter: Intl.Segmenter | undefined;
const ABBREVIATION_END = /\b(dr|mr|mrs|ms|prof|st|sr|jr|vs|no|e\.g|i\.e|etc|approx|inc|ltd|co)\.\s*$/i;

export interface SentenceSpan {
  text: string;
  start: number;
}

export function splitSentences(paragraph: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  segmenter ??= new Intl.Segmenter("en", { granularity: "sentence" });
  for (const { segment, index } of segmenter.segment(paragraph)) {
    const previous = spans[spans.length - 1];
    const continues = /^\s*\d{1,2}\.\s*$/.test(previous?.text ?? "") || ABBREVIATION_END.test(previous?.text ?? "");
    if (previous && continues) {
      previous.text += segment;
      continue;
    }
    spans.push({ text: segment, start: index });
  }
  return spans
    .map(({ text, start }) => {
      const lead = text.length - text.trimStart().length;
      return { text: text.trim(), start: start + lead };
    })
    .filter((s) => s.text.length > 0);
}
