/**
 * The reply model as terminal text: wrapped to the terminal's width, bold and dim only on a TTY.
 * One exhaustive switch on `kind` decides what each reply adds after its sections (sources under
 * an answer, a "show all" hint under a briefing); a new kind fails to compile until it is handled.
 */

import type { Action, Block, Reply, ReplyCitation, Run, Section } from "../../src/index.js";
import { type Piece, type Tone, wrapPieces } from "./wrap-runs.js";

export interface TextStyle {
  /** Columns to wrap at. */
  width: number;
  /** Bold and dim (ANSI); only for a TTY. */
  color: boolean;
}

export const PLAIN: TextStyle = { width: 80, color: false };

/** Commands up to this length are never split across lines. */
const WHOLE_COMMAND = 24;

/**
 * The whole reply, ending with a newline. `withTitle: false` leaves the title out where the reader
 * has it already (an answer's title is the question they just typed).
 */
export function renderText(reply: Reply, style: TextStyle = PLAIN, { withTitle = true } = {}): string {
  const out: string[] = withTitle ? [...wrap([{ text: reply.title, tone: "strong" }], style, ""), ""] : [];
  for (const section of reply.sections) out.push(...renderSection(section, reply.citations, style), "");
  out.push(...renderFooter(reply, style));
  while (out.at(-1) === "") out.pop();
  return `${out.join("\n")}\n`;
}

function renderFooter(reply: Reply, style: TextStyle): string[] {
  switch (reply.kind) {
    case "answer":
      return reply.citations.flatMap((c) => renderSource(c, style));
    case "briefing":
      return renderHints(reply.actions, style);
    case "digest":
    case "help":
    case "topics":
    case "sources":
    case "about":
    case "no_match":
    case "unknown_command":
    case "text":
      return [];
    default: {
      const unreachable: never = reply;
      throw new Error(`no text rendering for ${JSON.stringify(unreachable)}`);
    }
  }
}

function renderSection(section: Section, citations: ReplyCitation[], style: TextStyle): string[] {
  const indent = section.heading ? "  " : "";
  const heading = section.heading ? wrap(pieces(section.heading, style, "strong"), style, "") : [];
  // A blank line between blocks, except before a note: it belongs to what it follows.
  const body = section.blocks.flatMap((block, i) => [
    ...(i > 0 && block.type !== "note" ? [""] : []),
    ...renderBlock(block, citations, style, indent),
  ]);
  return [...heading, ...body];
}

function renderBlock(block: Block, citations: ReplyCitation[], style: TextStyle, indent: string): string[] {
  switch (block.type) {
    case "paragraph":
      return wrap(pieces(block.runs, style), style, indent);
    case "note":
      return wrap(pieces(block.runs, style, "subtle"), style, indent);
    case "bullets":
      return block.items.flatMap((item) => {
        const cited = item.citation === null ? undefined : citations[item.citation];
        const tail: Piece[] = cited ? [{ text: ` — ${cited.publisher}, ${cited.publishedLabel}`, tone: "subtle" }] : [];
        return wrap([...pieces(item.runs, style), ...tail], style, `${indent}• `, `${indent}  `);
      });
    default: {
      const unreachable: never = block;
      throw new Error(`no text rendering for block ${JSON.stringify(unreachable)}`);
    }
  }
}

/** "Source: <title>, <publisher>, <date>" and the link when known. */
function renderSource(citation: ReplyCitation, style: TextStyle): string[] {
  const line: Piece[] = [
    { text: "Source: ", tone: "subtle" },
    { text: `${citation.title} — ${citation.publisher}, ${citation.publishedLabel}`, tone: "subtle" },
  ];
  if (citation.url) line.push({ text: ` ${citation.url}`, tone: "subtle" });
  return wrap(line, style, "", "  ");
}

function renderHints(actions: Action[], style: TextStyle): string[] {
  return actions.flatMap((action) =>
    action.type === "show_more"
      ? wrap(
          [
            { text: `${action.label}: type `, tone: "subtle" },
            { ...inlineCommand(action.command, style), tone: style.color ? "strong" : "plain" },
          ],
          style,
          "",
        )
      : [],
  );
}

/** Runs as styled pieces: commands in bold on a TTY (in backticks elsewhere), links followed by their address. */
function pieces(runs: Run[], style: TextStyle, base: Tone = "plain"): Piece[] {
  return runs.flatMap((run): Piece[] => {
    switch (run.type) {
      case "text":
        return [{ text: run.text, tone: run.style ?? base }];
      case "command":
        return [{ ...inlineCommand(run.text, style), tone: style.color ? "strong" : base }];
      case "link":
        return [
          { text: run.text, tone: base },
          { text: ` (${run.url})`, tone: "subtle" },
        ];
      default: {
        const unreachable: never = run;
        throw new Error(`no text rendering for run ${JSON.stringify(unreachable)}`);
      }
    }
  });
}

/** Something to type: bold on a TTY, in backticks in a transcript or pipe; short ones never split. */
export function inlineCommand(command: string, style: TextStyle): { text: string; whole: boolean } {
  return { text: style.color ? command : `\`${command}\``, whole: command.length <= WHOLE_COMMAND };
}

function wrap(parts: Piece[], style: TextStyle, first: string, rest = first): string[] {
  return wrapPieces(parts, Math.max(20, style.width), first, rest, style.color);
}
