/**
 * The knowledge base in memory: documents, their passages (one sentence each, with paragraph and
 * position), topic tags and the search index. Adding a document makes it searchable at once.
 *
 * Memory layout (200,000 passages must fit in 300 MB): a passage's terms and word positions live
 * in two library-wide typed arrays (term numbers from the index's vocabulary, so each distinct
 * term is one string in memory, not one per occurrence), and `passage.terms` and
 * `passage.positions` read them back as arrays on demand; a passage's text is a slice of its
 * paragraph's string, not a copy; passages with the same topics share one frozen array.
 */

import { Abbreviations } from "./abbreviations.js";
import { type Document, REFRESHABLE_FIELDS } from "./document.js";
import { SearchIndex, type SearchIndexState } from "./search-index.js";
import { splitSentences } from "./split-sentences.js";
import { tokenize } from "./text-terms.js";
import { documentTopics, passageTopics, type TopicId } from "./topics.js";

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
  /** How many index terms it has (`terms.length`, without building the array). */
  readonly termCount: number;
  /** Whether the passage holds this index term: read from the shared arrays, nothing allocated. */
  has(term: string): boolean;
  /** The same for a term already looked up by its number (`index.lookupId`): no Map look-up. */
  hasId(termId: number): boolean;
}

export interface LibraryDocument {
  document: Document;
  topics: TopicId[];
  passages: Passage[];
  /** Terms of the title, publisher, organisation and authors: what a question may call it by. */
  metadataTerms: Set<string>;
}

/** Recently read passages' term and position arrays are kept, in slots chosen by passage number. */
const CACHE_SLOTS = 4096;

/**
 * Every passage's term numbers and word positions, end to end; a passage knows its slice. The
 * arrays a passage hands out are cached for the passages read lately, so a question's ranking,
 * which reads its candidates' terms several times, builds each array once.
 */
class TermStore {
  termIds = new Int32Array(4096);
  /** Word positions fit 16 bits in any real sentence; the store widens itself if one does not. */
  positions: Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer> = new Uint16Array(4096);
  length = 0;
  private readonly cachedFor = new Int32Array(CACHE_SLOTS).fill(-1);
  private readonly cachedTerms: string[][] = new Array(CACHE_SLOTS);
  private readonly cachedPositions: number[][] = new Array(CACHE_SLOTS);

  constructor(readonly index: SearchIndex) {}

  /** Appends a passage's terms; returns where they start. */
  append(terms: readonly string[], positions: readonly number[]): number {
    const start = this.length;
    const end = start + terms.length;
    if (end > this.termIds.length) this.grow(end);
    for (let i = 0; i < terms.length; i++) {
      this.termIds[start + i] = this.index.termId(terms[i] as string);
      const position = positions[i] as number;
      if (position > 0xffff && this.positions instanceof Uint16Array) this.positions = Uint32Array.from(this.positions);
      this.positions[start + i] = position;
    }
    this.length = end;
    return start;
  }

  terms(passage: number, start: number, count: number): string[] {
    this.load(passage, start, count);
    return this.cachedTerms[passage % CACHE_SLOTS] as string[];
  }

  positionsOf(passage: number, start: number, count: number): number[] {
    this.load(passage, start, count);
    return this.cachedPositions[passage % CACHE_SLOTS] as number[];
  }

  /** Whether `termIds[start..start+count)` holds the term: a scan of a sentence's twenty-odd numbers. */
  holds(start: number, count: number, term: string): boolean {
    return this.holdsId(start, count, this.index.lookupId(term));
  }

  holdsId(start: number, count: number, id: number): boolean {
    if (id < 0) return false;
    const { termIds } = this;
    for (let i = start, end = start + count; i < end; i++) if (termIds[i] === id) return true;
    return false;
  }

  private load(passage: number, start: number, count: number): void {
    const slot = passage % CACHE_SLOTS;
    if (this.cachedFor[slot] === passage) return;
    const vocabulary = this.index.terms;
    const { termIds, positions: at } = this;
    const terms: string[] = [];
    const positions: number[] = [];
    for (let i = start; i < start + count; i++) {
      terms.push(vocabulary[termIds[i] as number] as string);
      positions.push(at[i] as number);
    }
    this.cachedFor[slot] = passage;
    this.cachedTerms[slot] = terms;
    this.cachedPositions[slot] = positions;
  }

  private grow(size: number): void {
    const capacity = Math.max(size, this.termIds.length * 2);
    const termIds = new Int32Array(capacity);
    termIds.set(this.termIds.subarray(0, this.length));
    this.termIds = termIds;
    const positions = this.positions instanceof Uint16Array ? new Uint16Array(capacity) : new Uint32Array(capacity);
    positions.set(this.positions.subarray(0, this.length));
    this.positions = positions;
  }
}

class StoredPassage implements Passage {
  id = -1;

  constructor(
    readonly document: Document,
    readonly paragraph: number,
    readonly sentence: number,
    readonly text: string,
    readonly heading: boolean,
    readonly topics: TopicId[],
    private readonly store: TermStore,
    private readonly start: number,
    private readonly count: number,
  ) {}

  get terms(): string[] {
    return this.store.terms(this.id, this.start, this.count);
  }

  get positions(): number[] {
    return this.store.positionsOf(this.id, this.start, this.count);
  }

  get termCount(): number {
    return this.count;
  }

  has(term: string): boolean {
    return this.store.holds(this.start, this.count, term);
  }

  hasId(termId: number): boolean {
    return this.store.holdsId(this.start, this.count, termId);
  }
}

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

/** What a restored library makes its passages from, when they are first read. */
interface RestoredPassages {
  table: Int32Array;
  /** Where each passage's terms start in the term store; one more entry than there are passages. */
  termStarts: Int32Array;
  texts: readonly string[];
  topicSets: readonly TopicId[][];
  documents: readonly Document[];
}

/**
 * A document of a restored library: its passages (ids `first` to `end`) are made when first read,
 * and its metadata terms become a set only when asked for (the library's vocabulary of them is
 * filled from the saved lists directly).
 */
class RestoredDocument implements LibraryDocument {
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

  /** The library's analysis as flat arrays, for a saved snapshot. */
  exportState(): LibraryState {
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
    const documents = [...this.documents.values()].map((entry, d) => {
      documentNumbers.set(entry.document.id, d);
      return { topics: setNumber(entry.topics), metadataTerms: [...entry.metadataTerms] };
    });
    const passages = new Int32Array(this.passages.length * PASSAGE_FIELDS);
    const texts: string[] = [];
    let searchFrom = 0;
    for (let i = 0; i < this.passages.length; i++) {
      const passage = this.passage(i) as Passage;
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
    return {
      index: this.index.exportState(),
      termIds: this.store.termIds.subarray(0, this.store.length),
      positions: this.store.positions.subarray(0, this.store.length),
      topicSets,
      documents,
      passages,
      texts,
    };
  }

  /**
   * A library holding `documents` (the same, in the same order, as when `state` was exported)
   * without analysing them again. Throws when the state does not fit them; never half-restores.
   * Every reference in the state is checked here, in one pass over its arrays, but a passage's
   * object is made only when something reads it: a restart at 10,000 documents would otherwise
   * build 150,000 objects (and collect their garbage) before its first answer.
   */
  static fromState(state: LibraryState, documents: readonly Document[]): Library {
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
    const library = new Library(SearchIndex.fromState(state.index));
    const topicSets = state.topicSets.map((topics) => library.sharedTopics([...topics]));
    const { termStarts, firstPassages } = checkPassageTable(state, documents, topicSets.length);
    const restored: RestoredPassages = { table: state.passages, termStarts, texts: state.texts, topicSets, documents };
    library.restored = restored;
    library.passages.length = count;
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
        firstPassages[d] as number,
        firstPassages[d + 1] as number,
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
    return this.passages[id] ?? this.restorePassage(id);
  }

  /** A passage of a restored snapshot, made the first time it is read (see `fromState`). */
  private restorePassage(id: number): Passage | undefined {
    const restored = this.restored;
    if (!restored || !Number.isInteger(id) || id < 0 || id >= restored.termStarts.length - 1) return undefined;
    const { table, termStarts, texts, topicSets, documents } = restored;
    const at = id * PASSAGE_FIELDS;
    const document = documents[table[at] as number] as Document;
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
      topicSets[table[at + 5] as number] as TopicId[],
      this.store,
      termStarts[id] as number,
      table[at + 6] as number,
    );
    passage.id = id;
    this.passages[id] = passage;
    return passage;
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

/**
 * The sentence as a slice of its paragraph's string: the engine then keeps a pointer and two
 * numbers instead of a second copy of the characters.
 */
function sliceOf(paragraph: string, span: { text: string; start: number }): string {
  const slice = paragraph.slice(span.start, span.start + span.text.length);
  return slice === span.text ? slice : span.text;
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
  // "The Health Foundation" → "hf": a leading "The" is not part of the initials.
  const words = name.split(/\s+/).filter((w, i) => /^[A-Z]/.test(w) && !(i === 0 && w === "The"));
  return words.length >= 2
    ? words
        .map((w) => w[0])
        .join("")
        .toLowerCase()
    : null;
}
