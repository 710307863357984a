/** How exactly a publication date is known: the seeds often give only a month or a year. */
export type DatePrecision = "day" | "month" | "year";

/** A publication date at the precision the source supports (`value` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
export interface PublishedDate {
  value: string;
  precision: DatePrecision;
}

/** One paragraph of article text, copied verbatim from its capture. */
export interface Paragraph {
  text: string;
  /** Headings (short lines without a full stop) are indexed but never quoted alone as an answer. */
  heading: boolean;
  /** A list block: a lead-in line (when there is one) and one item a line, glyphs taken off. */
  list?: boolean;
}

/** An article in the knowledge base. */
export interface Document {
  id: string;
  title: string;
  /** True when the page had no headline and the title was written by us. */
  titleEditorial: boolean;
  publisher: string | null;
  /** The organisation behind the piece when it differs from, or stands in for, the publisher. */
  organisation: string | null;
  authors: string[];
  published: PublishedDate | null;
  /** Plain words on how the date was worked out, e.g. when the page states none. */
  dateNote: string | null;
  url: string | null;
  paragraphs: Paragraph[];
  /** When the document entered the library (ISO time); the seeds use their build date. */
  addedAt: string;
}

/** The name shown for where a document came from. */
export function sourceName(doc: Pick<Document, "publisher" | "organisation">): string {
  return doc.publisher ?? doc.organisation ?? "publisher not stated";
}
