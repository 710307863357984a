/** How exactly a publication date is known: the seeds often give only a month or a year. */
type DatePrecision = "day" | "month" | "year";

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

/**
 * Another outlet's copy of a document's story (a syndicated article with near-identical text):
 * kept as where else it appeared, not as a second document, so it is answered once.
 */
export interface Appearance {
  publisher: string | null;
  url: string | null;
  published: PublishedDate | null;
  /** When the copy was read (ISO time). */
  addedAt: string;
}

/** The fields `nhsai ingest --refresh` may correct in a held document: what the page says about itself. */
export const REFRESHABLE_FIELDS = ["title", "titleEditorial", "authors", "publisher", "published", "dateNote"] as const;

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
  /** Other outlets' copies of the same text, oldest first; absent when there are none. */
  appearances?: Appearance[];
}

/** "www.example.org/…" → "example.org": an outlet named by its site when it names itself nowhere. */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return null; // not a URL: no site to name
  }
}

/** The name shown for where a document came from. */
export function sourceName(doc: Pick<Document, "publisher" | "organisation">): string {
  return doc.publisher ?? doc.organisation ?? "publisher not stated";
}
