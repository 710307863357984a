/** What `answer(question)` returns: the shape `nhsai ask --json` prints (docs/commands.md). */

import type { Document } from "../knowledge/document.js";
import { sourceName } from "../knowledge/document.js";

export interface Citation {
  documentId: string;
  title: string;
  publisher: string;
  /** The date at its precision: "2023-10" for a month, "2023" for a year, null when unknown. */
  published: string | null;
  url: string | null;
  /** Sentence(s) copied verbatim from the document; "…" marks where text between them was left out. */
  quote: string;
}

export interface Answer {
  question: string;
  answer: string;
  abstained: boolean;
  /** 0 to 1: how sure the engine is that the quote answers the question. */
  confidence: number;
  citations: Citation[];
  /** Why the engine abstained, when it did. */
  reason?: "not_found" | "clinical" | "empty" | "unknown_name";
}

export function citationFor(doc: Document, quote: string): Citation {
  return {
    documentId: doc.id,
    title: doc.title,
    publisher: sourceName(doc),
    published: doc.published?.value ?? null,
    url: doc.url,
    quote,
  };
}
