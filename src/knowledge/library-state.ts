/**
 * The library's analysis as flat arrays and back: what a saved snapshot (library-snapshot.ts)
 * writes, so a restart restores every document's sentences, terms, topics and index instead of
 * analysing them again. Every reference in a state is checked before it is followed, in one pass
 * over its arrays, but a restored passage's object is made only when something reads it: a restart
 * at 10,000 documents would otherwise build 150,000 objects (and collect their garbage) before its
 * first answer.
 */

import type { Document } from "./document.js";
import { type LibraryDocument, type Passage, StoredPassage, type TermStore } from "./library-contents.js";
import type { SearchIndex, SearchIndexState } from "./search-index.js";
import type { TopicId } from "./topics.js";

/** Numbers kept per passage in a snapshot's passage table (see `LibraryState.passages`). */
const PASSAGE_FIELDS = 7;

/**
 * Everything adding the documents worked out (sentences, terms, topics, the index), as flat arrays,
 * so a restart restores it instead of analysing every document again.
 */
export interface LibraryState {
  index: SearchIndexState;
  termIds: Int32Array<ArrayBuffer>;
  positions: Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>;
  topicSets: readonly (readonly TopicId[])[];
  /**
   * Per document, in the order added: its topic set (into `topicSets`) and its metadata terms
   * (null: worked out again, for a document whose authors or publisher changed since).
   */
  documents: readonly { topics: number; metadataTerms: readonly string[] | null }[];
  /**
   * Per passage, PASSAGE_FIELDS numbers: document, paragraph, sentence, text start (-1 - k: the
   * text is `texts[k]`, not a slice of its paragraph), text length, topic set, term count; a
   * passage's terms follow the previous one's in `termIds`.
   */
  passages: Int32Array<ArrayBuffer>;
  texts: readonly string[];
}

/** What exporting reads of a library. */
export interface LibraryContents {
  index: SearchIndex;
  store: TermStore;
  /** In the order added. */
  documents: readonly LibraryDocument[];
  passageCount: number;
  passage(id: number): Passage | undefined;
}

/** The library's analysis as flat arrays, for a saved snapshot. */
export function exportLibraryState(library: LibraryContents): LibraryState {
  const topicSets: TopicId[][] = [];
  const setNumbers = new Map<string, number>();
  const setNumber = (topics: readonly TopicId[]): number => {
    const key = topics.join();
    let n = setNumbers.get(key);
    if (n === undefined) {
      n = topicSets.push([...topics]) - 1;
      setNumbers.set(key, n);
    }
    return n;
  };
  const documentNumbers = new Map<string, number>();
  const documents = library.documents.map((entry, d) => {
    documentNumbers.set(entry.document.id, d);
    return { topics: setNumber(entry.topics), metadataTerms: [...entry.metadataTerms] };
  });
  const passages = new Int32Array(library.passageCount * PASSAGE_FIELDS);
  const texts: string[] = [];
  let searchFrom = 0;
  for (let i = 0; i < library.passageCount; i++) {
    const passage = library.passage(i) as Passage;
    const paragraph = passage.document.paragraphs[passage.paragraph]?.text ?? "";
    if (passage.sentence === 0) searchFrom = 0;
    let start = paragraph.indexOf(passage.text, searchFrom);
    if (start < 0) start = -1 - (texts.push(passage.text) - 1);
    else searchFrom = start + passage.text.length;
    passages.set(
      [
        documentNumbers.get(passage.document.id) as number,
        passage.paragraph,
        passage.sentence,
        start,
        passage.text.length,
        setNumber(passage.topics),
        passage.termCount,
      ],
      i * PASSAGE_FIELDS,
    );
  }
  const { store } = library;
  return {
    index: library.index.exportState(),
    termIds: store.termIds.subarray(0, store.length),
    positions: store.positions.subarray(0, store.length),
    topicSets,
    documents,
    passages,
    texts,
  };
}

/** Throws unless the state's arrays fit together and `documents` are as many as it was exported with. */
export function checkStateArrays(state: LibraryState, documents: readonly Document[]): void {
  const count = state.passages.length / PASSAGE_FIELDS;
  const fits =
    Number.isInteger(count) &&
    state.documents.length === documents.length &&
    state.index.lengths.length === count &&
    state.positions.length === state.termIds.length &&
    allBelow(state.termIds, state.index.terms.length) &&
    state.index.offsets.length === state.index.terms.length + 1 &&
    state.index.offsets[state.index.terms.length] === state.index.ids.length &&
    allBelow(state.index.ids, count);
  if (!fits) throw new Error("the snapshot's arrays do not fit together");
}

/** A restored state's passages, each made the first time it is read. */
export class RestoredPassages {
  /** Each document's first passage id; one more entry, closing the last run. */
  readonly firstPassages: Int32Array;
  /** Where each passage's terms start in the term store; one more entry than there are passages. */
  private readonly termStarts: Int32Array;

  /** Checks the whole passage table against the documents (see `checkPassageTable`); throws when it does not fit. */
  constructor(
    private readonly state: LibraryState,
    private readonly documents: readonly Document[],
    private readonly topicSets: readonly TopicId[][],
    private readonly store: TermStore,
  ) {
    const { termStarts, firstPassages } = checkPassageTable(state, documents, topicSets.length);
    this.termStarts = termStarts;
    this.firstPassages = firstPassages;
  }

  get count(): number {
    return this.termStarts.length - 1;
  }

  passage(id: number): Passage | undefined {
    if (!Number.isInteger(id) || id < 0 || id >= this.count) return undefined;
    const { passages: table, texts } = this.state;
    const at = id * PASSAGE_FIELDS;
    const document = this.documents[table[at] as number] as Document;
    const p = table[at + 1] as number;
    const paragraph = document.paragraphs[p] as Document["paragraphs"][number];
    const start = table[at + 3] as number;
    const length = table[at + 4] as number;
    const passage = new StoredPassage(
      document,
      p,
      table[at + 2] as number,
      start >= 0 ? paragraph.text.slice(start, start + length) : (texts[-1 - start] as string),
      paragraph.heading,
      this.topicSets[table[at + 5] as number] as TopicId[],
      this.store,
      this.termStarts[id] as number,
      table[at + 6] as number,
    );
    passage.id = id;
    return passage;
  }
}

/**
 * A document of a restored library: its passages (ids `first` to `end`) are made when first read,
 * and its metadata terms become a set only when asked for (the library's vocabulary of them is
 * filled from the saved lists directly).
 */
export class RestoredDocument implements LibraryDocument {
  private held: Passage[] | null = null;
  private terms: Set<string> | null = null;

  constructor(
    readonly document: Document,
    readonly topics: TopicId[],
    private readonly savedTerms: readonly string[],
    private readonly first: number,
    private readonly end: number,
    private readonly passageOf: (id: number) => Passage,
  ) {}

  get passages(): Passage[] {
    if (!this.held) {
      this.held = [];
      for (let id = this.first; id < this.end; id++) this.held.push(this.passageOf(id));
    }
    return this.held;
  }

  get metadataTerms(): Set<string> {
    this.terms ??= new Set(this.savedTerms);
    return this.terms;
  }

  set metadataTerms(terms: Set<string>) {
    this.terms = terms;
  }
}

/**
 * Checks every passage of a saved table against its documents without making any object: its
 * document (in order, so each document's passages are one run of ids), paragraph, text and topics
 * exist and its terms stay inside the term store. Returns where each passage's terms start and
 * each document's first passage (one more entry each, closing the last run).
 */
function checkPassageTable(
  state: LibraryState,
  documents: readonly Document[],
  topicSetCount: number,
): { termStarts: Int32Array; firstPassages: Int32Array } {
  const table = state.passages;
  const count = table.length / PASSAGE_FIELDS;
  const termStarts = new Int32Array(count + 1);
  const firstPassages = new Int32Array(documents.length + 1).fill(count);
  let nextDocument = 0;
  let termStart = 0;
  for (let i = 0, at = 0; i < count; i++, at += PASSAGE_FIELDS) {
    const d = table[at] as number;
    if (d < nextDocument - 1 || d >= documents.length) throw new Error(`passage ${i} is out of its document's order`);
    while (nextDocument <= d) firstPassages[nextDocument++] = i;
    const paragraph = documents[d]?.paragraphs[table[at + 1] as number];
    const start = table[at + 3] as number;
    const length = table[at + 4] as number;
    const topics = table[at + 5] as number;
    const terms = table[at + 6] as number;
    const textFits =
      start >= 0 ? start + length <= (paragraph?.text.length ?? -1) : state.texts[-1 - start]?.length === length;
    if (!paragraph || !textFits || length < 0 || topics < 0 || topics >= topicSetCount || terms < 0)
      throw new Error(`passage ${i} does not fit its document`);
    termStarts[i] = termStart;
    termStart += terms;
    if (termStart > state.termIds.length) throw new Error(`passage ${i} does not fit its document`);
  }
  if (termStart !== state.termIds.length) throw new Error("the snapshot's terms do not add up");
  termStarts[count] = termStart;
  return { termStarts, firstPassages };
}

/** Whether every number is in [0, limit): a snapshot's references checked before they are followed. */
function allBelow(numbers: Int32Array, limit: number): boolean {
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i] as number;
    if (n < 0 || n >= limit) return false;
  }
  return true;
}
