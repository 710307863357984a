/**
 * The knowledge base in memory: the documents, their passages and the search index. Adding a
 * document analyses it (sentences, terms, topics, abbreviations it defines) and makes it
 * searchable at once. What a passage and a document entry hold, and how passages' terms are laid
 * out in memory, is in library-contents.ts; saving and restoring the analysis in library-state.ts.
 */

import { Abbreviations } from "./abbreviations.js";
import { type Document, REFRESHABLE_FIELDS } from "./document.js";
import { type LibraryDocument, metadataTerms, type Passage, StoredPassage, TermStore } from "./library-contents.js";
import {
  checkStateArrays,
  exportLibraryState,
  type LibraryState,
  RestoredDocument,
  RestoredPassages,
} from "./library-state.js";
import { SearchIndex } from "./search-index.js";
import { splitSentences } from "./split-sentences.js";
import { tokenize } from "./text-terms.js";
import { documentTopics, passageTopics, type TopicId } from "./topics.js";

export type { LibraryDocument, Passage } from "./library-contents.js";

export class Library {
  readonly index: SearchIndex;
  /** The glossary's abbreviations and those the documents define: "FDP" is "federated data platform". */
  readonly abbreviations = new Abbreviations();
  private readonly store: TermStore;
  /** By id; a restored snapshot's are made when first read, so there may be holes. */
  private readonly passages: Passage[] = [];
  private restored: RestoredPassages | null = null;
  private readonly documents = new Map<string, LibraryDocument>();
  private readonly metadataVocabulary = new Set<string>();
  /** Metadata updates so far (refreshes, appearances), for `revision`. */
  private updates = 0;
  /** One frozen array per combination of topics, shared by every passage tagged with it. */
  private readonly topicSets = new Map<string, TopicId[]>();

  constructor(index = new SearchIndex()) {
    this.index = index;
    this.store = new TermStore(index);
  }

  /** Adds a document (replacing none: ids must be new). */
  add(document: Document): LibraryDocument {
    if (this.documents.has(document.id)) throw new Error(`document ${document.id} is already in the library`);
    const passages: Passage[] = [];
    for (const paragraph of document.paragraphs) this.abbreviations.learn(paragraph.text);
    const topics = documentTopics(
      document.title,
      document.paragraphs.map((p) => p.text),
    );
    document.paragraphs.forEach((paragraph, p) => {
      splitSentences(paragraph.text).forEach((span, s) => {
        const words = tokenize(span.text);
        // A phrase spelled out is indexed under its abbreviation too.
        const abbreviated = this.abbreviations.abbreviationTokens(words);
        const tokens = abbreviated.length > 0 ? [...words, ...abbreviated] : words;
        const start = this.store.append(
          tokens.map((t) => t.term),
          tokens.map((t) => t.position),
        );
        const passage = new StoredPassage(
          document,
          p,
          s,
          sliceOf(paragraph.text, span),
          paragraph.heading,
          this.sharedTopics(passageTopics(span.text, tokens, topics)),
          this.store,
          start,
          tokens.length,
        );
        passage.id = this.index.addTermIds(this.store.termIds, start, start + tokens.length);
        this.passages.push(passage);
        passages.push(passage);
      });
    });
    const entry: LibraryDocument = {
      document,
      passages,
      topics,
      metadataTerms: metadataTerms(document),
    };
    this.documents.set(document.id, entry);
    for (const t of entry.metadataTerms) this.metadataVocabulary.add(t);
    return entry;
  }

  /**
   * Corrects a held document's metadata (a refresh, another outlet's appearance) in place: its
   * passages keep pointing at the same document, so answers cite the new title at once.
   */
  update(document: Document): void {
    const entry = this.documents.get(document.id);
    if (!entry) return;
    // A replica's first sync lists every stored document: those already held as they are cost nothing.
    const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
    if (
      REFRESHABLE_FIELDS.every((f) => same(entry.document[f], document[f])) &&
      same(entry.document.appearances, document.appearances)
    )
      return;
    for (const field of REFRESHABLE_FIELDS)
      (entry.document as unknown as Record<string, unknown>)[field] = document[field];
    entry.document.appearances = document.appearances;
    entry.metadataTerms = metadataTerms(entry.document);
    this.updates++;
    for (const t of entry.metadataTerms) this.metadataVocabulary.add(t);
  }

  /** Whether any document's title, publisher, organisation or authors use the term. */
  isMetadataTerm(term: string): boolean {
    return this.metadataVocabulary.has(term);
  }

  private sharedTopics(topics: TopicId[]): TopicId[] {
    const key = topics.join();
    let shared = this.topicSets.get(key);
    if (!shared) {
      shared = Object.freeze(topics) as TopicId[];
      this.topicSets.set(key, shared);
    }
    return shared;
  }

  /** The library's analysis as flat arrays, for a saved snapshot (see library-state.ts). */
  exportState(): LibraryState {
    return exportLibraryState({
      index: this.index,
      store: this.store,
      documents: this.all(),
      passageCount: this.passageCount,
      passage: (id) => this.passage(id),
    });
  }

  /**
   * A library holding `documents` (the same, in the same order, as when `state` was exported)
   * without analysing them again. Throws when the state does not fit them; never half-restores.
   */
  static fromState(state: LibraryState, documents: readonly Document[]): Library {
    checkStateArrays(state, documents);
    const library = new Library(SearchIndex.fromState(state.index));
    const topicSets = state.topicSets.map((topics) => library.sharedTopics([...topics]));
    const restored = new RestoredPassages(state, documents, topicSets, library.store);
    library.restored = restored;
    library.passages.length = restored.count;
    const passageOf = (id: number) => library.passage(id) as Passage;
    library.store.termIds = state.termIds;
    library.store.positions = state.positions;
    library.store.length = state.termIds.length;
    documents.forEach((document, d) => {
      const saved = state.documents[d] as LibraryState["documents"][number];
      const topics = topicSets[saved.topics];
      if (!topics) throw new Error("a document's topics are missing");
      // Null: its authors or publisher changed since the snapshot, so they are read again.
      const terms = saved.metadataTerms ?? [...metadataTerms(document)];
      const entry = new RestoredDocument(
        document,
        [...topics],
        terms,
        restored.firstPassages[d] as number,
        restored.firstPassages[d + 1] as number,
        passageOf,
      );
      // Only a paragraph with a parenthesis can define an abbreviation ("… Platform (FDP)").
      for (const { text } of document.paragraphs) if (text.includes("(")) library.abbreviations.learn(text);
      library.documents.set(document.id, entry);
      for (const t of terms) library.metadataVocabulary.add(t);
    });
    return library;
  }

  passage(id: number): Passage | undefined {
    const held = this.passages[id];
    if (held || !this.restored) return held;
    // A passage of a restored snapshot, made the first time it is read (see `fromState`).
    const made = this.restored.passage(id);
    if (made) this.passages[id] = made;
    return made;
  }

  get(documentId: string): LibraryDocument | undefined {
    return this.documents.get(documentId);
  }

  /** All documents, in the order added. */
  all(): LibraryDocument[] {
    return [...this.documents.values()];
  }

  /** Changes whenever a document is added or its metadata updated: what caches of replies key on. */
  get revision(): number {
    return this.documents.size + this.updates;
  }

  get passageCount(): number {
    return this.passages.length;
  }
}

/**
 * The sentence as a slice of its paragraph's string: the engine then keeps a pointer and two
 * numbers instead of a second copy of the characters.
 */
function sliceOf(paragraph: string, span: { text: string; start: number }): string {
  const slice = paragraph.slice(span.start, span.start + span.text.length);
  return slice === span.text ? slice : span.text;
}

/** A library holding the given documents, in order. */
export function buildLibrary(documents: readonly Document[]): Library {
  const library = new Library();
  for (const doc of documents) library.add(doc);
  return library;
}
