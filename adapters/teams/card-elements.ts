/**
 * The reply model's runs and blocks as Adaptive Card elements. Text goes into RichTextBlock
 * TextRuns, which Teams never reads as markdown or HTML: article text and user input are shown
 * exactly as written, with no escaping to get wrong and no way to smuggle a link or a mention.
 */

import type { Block, ReplyCitation, Run } from "../../src/index.js";
export type CardElement = Record<string, unknown> & { type: string };

/** Longest text in one TextRun: longer article text is cut into several runs, never dropped. */
const MAX_RUN_CHARS = 2_000;

/** One inline run as TextRuns: commands in monospace, links clickable (https and http only). */
function textRuns(run: Run, subtle = false): CardElement[] {
  const base = subtle ? { isSubtle: true, size: "Small" } : {};
  switch (run.type) {
    case "text":
      return chunks(run.text).map((t) => ({
        type: "TextRun",
        text: t,
        ...base,
        ...(run.style === "strong" ? { weight: "Bolder" } : {}),
        ...(run.style === "subtle" ? { isSubtle: true } : {}),
      }));
    case "command":
      return chunks(run.text).map((t) => ({ type: "TextRun", text: t, fontType: "Monospace", ...base }));
    case "link":
      return chunks(run.text).map((t) => ({
        type: "TextRun",
        text: t,
        ...base,
        ...(isWebUrl(run.url) ? { underline: true, selectAction: { type: "Action.OpenUrl", url: run.url } } : {}),
      }));
    default: {
      const unreachable: never = run;
      throw new Error(`no card rendering for run ${JSON.stringify(unreachable)}`);
    }
  }
}

/** A paragraph of runs; empty when the runs hold no text (cards refuse empty inlines). */
export function richText(runs: readonly Run[], subtle = false, extra: Record<string, unknown> = {}): CardElement[] {
  const inlines = runs.flatMap((run) => textRuns(run, subtle)).filter((r) => (r.text as string).length > 0);
  return inlines.length ? [{ type: "RichTextBlock", inlines, ...extra }] : [];
}

/** One block of a section as card elements; bullets name their source after a dash. */
export function blockElements(block: Block, citations: readonly ReplyCitation[]): CardElement[] {
  switch (block.type) {
    case "paragraph":
      return richText(block.runs, false, { spacing: "Small" });
    case "note":
      return richText(block.runs, true, { spacing: "None" });
    case "bullets":
      return block.items.flatMap((item) => {
        const cited = item.citation === null ? undefined : citations[item.citation];
        const tail: Run[] = cited
          ? [{ type: "text", text: ` — ${cited.publisher}, ${cited.publishedLabel}`, style: "subtle" }]
          : [];
        return richText([{ type: "text", text: "• " }, ...item.runs, ...tail], false, { spacing: "Small" });
      });
    default: {
      const unreachable: never = block;
      throw new Error(`no card rendering for block ${JSON.stringify(unreachable)}`);
    }
  }
}

/** A source: its title (a link when known), a fact set for publisher and date, and the quote. */
export function citationElements(citation: ReplyCitation): CardElement[] {
  const title: Run = citation.url
    ? { type: "link", text: citation.title, url: citation.url }
    : { type: "text", text: citation.title, style: "strong" };
  return [
    {
      type: "Container",
      separator: true,
      items: [
        ...richText([title]),
        {
          type: "FactSet",
          facts: [
            { title: "Publisher", value: oneLine(citation.publisher) },
            { title: "Published", value: oneLine(citation.publishedLabel) },
          ],
        },
        ...richText([{ type: "text", text: `“${citation.quote}”` }], true),
      ],
    },
  ];
}

/** FactSet values are markdown in Teams: keep them to one plain line with markdown marks escaped. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").replace(/([\\`*_[\]<>#~])/g, "\\$1");
}

function chunks(text: string): string[] {
  if (text.length <= MAX_RUN_CHARS) return [text];
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + MAX_RUN_CHARS, text.length);
    // Never cut a surrogate pair (emoji, rare CJK) in two.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}
