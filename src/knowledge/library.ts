/**
 * The knowledge base in memory: documents, their passages (one sentence each, with paragraph and
 * position), topic tags and the search index. Adding a document makes it searchable at once.
 */

import type { Document } from "./document.js";
import { SearchIndex } from "./search-index.js";
import { splitSentences } from "./split-sentences.js";
import { tokenize } from "./text-terms.js";
import { documentTopics, type TopicId, tagTopics } from "./topics.js";

export interface Passage {
  /** Index-wide passage number. */
  id: number;
  document: Document;
  paragraph: number;
  /** Sentence number within the paragraph. */
  sentence: number;
  text: string;
  heading: boolean;
  /** Index terms in word order (stop words dropped). */
  terms: string[];
  /** Word positions of `terms`, for proximity. */
  positions: number[];
  topics: TopicId[];
}

export interface LibraryDocument {
  document: Document;
  topics: TopicId[];
  passages: Passage[];
  /** Terms of the title, publisher, organisation and authors: what a question may call it by. */
  metadataTerms: Set<string>;
}

export class Library {
  readonly index = new SearchIndex();
  private readonly passages: Passage[] = [];
  private readonly documents = new Map<string, LibraryDocument>();
  private readonly metadataVocabulary = new Set<string>();

  /** Adds a document (replacing none: ids must be new). */
  add(document: Document): LibraryDocument {
    if (this.documents.has(document.id)) throw new Error(`document ${document.id} is already in the library`);
    const passages: Passage[] = [];
    document.paragraphs.forEach((paragraph, p) => {
      splitSentences(paragraph.text).forEach((span, s) => {
        const tokens = tokenize(span.text);
        const passage: Passage = {
          id: -1,
          document,
          paragraph: p,
          sentence: s,
          text: span.text,
          heading: paragraph.heading,
          terms: tokens.map((t) => t.term),
          positions: tokens.map((t) => t.position),
          topics: tagTopics(span.text),
        };
        passage.id = this.index.add(passage.terms);
        this.passages.push(passage);
        passages.push(passage);
      });
    });
    const entry: LibraryDocument = {
      document,
      passages,
      topics: documentTopics(
        document.title,
        passages.map((p) => p.topics),
      ),
      metadataTerms: metadataTerms(document),
    };
    this.documents.set(document.id, entry);
    for (const t of entry.metadataTerms) this.metadataVocabulary.add(t);
    return entry;
  }

  /** Whether any document's title, publisher, organisation or authors use the term. */
  isMetadataTerm(term: string): boolean {
    return this.metadataVocabulary.has(term);
  }

  passage(id: number): Passage | undefined {
    return this.passages[id];
  }

  get(documentId: string): LibraryDocument | undefined {
    return this.documents.get(documentId);
  }

  /** All documents, in the order added. */
  all(): LibraryDocument[] {
    return [...this.documents.values()];
  }

  get passageCount(): number {
    return this.passages.length;
  }
}

function metadataTerms(doc: Document): Set<string> {
  const names = [doc.title, doc.publisher ?? "", doc.organisation ?? "", ...doc.authors];
  const terms = new Set(names.flatMap((n) => tokenize(n).map((t) => t.term)));
  for (const name of [doc.publisher, doc.organisation]) {
    const initials = acronym(name);
    if (initials) terms.add(initials);
  }
  return terms;
}

/** "National Health Executive" → "nhe": sites are often called by their initials. */
function acronym(name: string | null): string | null {
  if (!name) return null;
  const words = name.split(/\s+/).filter((w) => /^[A-Z]/.test(w));
  return words.length >= 2
    ? words
        .map((w) => w[0])
        .join("")
        .toLowerCase()
    : null;
}
