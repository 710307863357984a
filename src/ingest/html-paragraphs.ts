/**
 * Article paragraphs from an HTML element: each block (heading, paragraph, list item, quote) once,
 * as plain text, then through the capture cleaner, so chrome that survives extraction (cookie
 * lines, "sign up to our newsletter", image credits, related-story tails) is dropped by the same
 * rules as in the seeds.
 */

import { cleanCapture } from "../knowledge/clean-capture.js";
import type { Paragraph } from "../knowledge/document.js";

const BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,blockquote,pre";

/** The minimal DOM this needs; linkedom's and a browser's elements both fit. */
export interface BlockElement {
  tagName: string;
  textContent: string | null;
  parentElement: BlockElement | null;
  querySelectorAll(selector: string): Iterable<BlockElement>;
}

export interface ParagraphOptions {
  title?: string | null;
  publisherNames?: string[];
  /** Lines that are the byline, said again in the body ("By Jane Smith"): dropped. */
  bylines?: string[];
}

export function paragraphsOf(root: BlockElement, options: ParagraphOptions = {}): Paragraph[] {
  const lines: string[] = [];
  const bylines = new Set((options.bylines ?? []).map((b) => squash(b).toLowerCase()));
  for (const element of root.querySelectorAll(BLOCKS)) {
    if (hasBlockAncestor(element, root)) continue;
    const text = squash(element.textContent ?? "");
    if (!text || bylines.has(text.toLowerCase())) continue;
    lines.push(element.tagName.toLowerCase() === "li" ? `- ${text}` : text);
  }
  return cleanCapture(lines.join("\n"), {
    title: options.title ?? null,
    publisherNames: options.publisherNames ?? [],
  }).paragraphs;
}

function hasBlockAncestor(element: BlockElement, root: BlockElement): boolean {
  for (let at = element.parentElement; at && at !== root; at = at.parentElement)
    if (BLOCKS.split(",").includes(at.tagName.toLowerCase())) return true;
  return false;
}

/** One line of text: runs of white space (newlines, non-breaking spaces) become one space. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}
