/**
 * The saved library: a restart restores what adding the documents worked out instead of analysing
 * them again, and must then answer exactly as a library built from scratch would. A snapshot that
 * is damaged, from other code or no longer fits the stored documents is never used: the library is
 * rebuilt, one line says why, and a good snapshot is saved again.
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  openSeedDocuments,
  openSeedLibrary,
  openStoredLibrary,
  SNAPSHOT_FILE,
  versionedSeeds,
} from "../../adapters/cli/open-library.js";
import { answerQuestion } from "../../src/answers/answer-question.js";
import { LibrarySync } from "../../src/ingest/library-sync.js";
import type { Document } from "../../src/knowledge/document.js";
import { buildLibrary, type Library, type Passage } from "../../src/knowledge/library.js";
import {
  encodeLibrary,
  restoreLibrary,
  SnapshotRejected,
  type VersionedDocument,
} from "../../src/knowledge/library-snapshot.js";
import type { Store } from "../../src/store/store.js";
import { BACKENDS, type StoreHarness, T0 } from "./harness.js";

/** Stored documents with real prose: the seeds' paragraphs in another order, under new ids. */
function storedDocuments(): Document[] {
  return openSeedDocuments().map((doc, i) => ({
    ...doc,
    id: `stored-${i}`,
    title: `${doc.title} (follow-up)`,
    paragraphs: [...doc.paragraphs].reverse(),
  }));
}

/** Questions from the library's own sentences and titles, and one about nothing it holds. */
function questionsFor(library: Library): string[] {
  const questions = library.all().flatMap((entry) => [
    `What does ${entry.document.title} say?`,
    `${entry.passages
      .find((p) => !p.heading && p.text.length > 40)
      ?.text.split(" ")
      .slice(0, 8)
      .join(" ")}?`,
  ]);
  return [...questions, "Who is leading the volcano tariff?"];
}

/** Everything a user could see differ: passages, their terms and topics, search and answers. */
function expectSameLibrary(restored: Library, built: Library): void {
  expect(restored.passageCount).toBe(built.passageCount);
  expect(restored.index.size).toBe(built.index.size);
  const seen = (p: Passage | undefined) =>
    p && [p.id, p.document.id, p.paragraph, p.sentence, p.text, p.heading, p.topics, p.terms, p.positions, p.termCount];
  for (let id = 0; id < built.passageCount; id++) expect(seen(restored.passage(id))).toEqual(seen(built.passage(id)));
  expect(restored.passage(built.passageCount)).toBeUndefined();
  // A document's passages are the very ones looked up by id (a restored library makes them on first read).
  for (const entry of restored.all()) for (const p of entry.passages) expect(restored.passage(p.id)).toBe(p);
  expect(restored.all().map((e) => e.passages.map((p) => p.id))).toEqual(
    built.all().map((e) => e.passages.map((p) => p.id)),
  );
  expect(restored.all().map((e) => [e.document.id, e.topics, [...e.metadataTerms].sort()])).toEqual(
    built.all().map((e) => [e.document.id, e.topics, [...e.metadataTerms].sort()]),
  );
  for (const question of questionsFor(built)) {
    const terms = question
      .toLowerCase()
      .split(/\W+/)
      .filter(Boolean)
      .map((term) => ({ term, weight: 1 }));
    expect(restored.index.search(terms, 10)).toEqual(built.index.search(terms, 10));
    expect(answerQuestion(restored, question)).toEqual(answerQuestion(built, question));
  }
}

/** Documents as the store lists them: each with the version it was last written at. */
const versions = (docs: readonly Document[], version = "2026-11-23T09:00:00.000Z"): VersionedDocument[] =>
  docs.map((document) => ({ document, version }));

/** A library built from the documents, saved as a snapshot. */
const saveOf = (docs: VersionedDocument[]) => encodeLibrary(buildLibrary(docs.map((d) => d.document)), docs);

describe("library snapshot", () => {
  const seeds = openSeedDocuments();
  const stored = storedDocuments();
  const all = [...seeds, ...stored];
  const written = versions(all);
  /** The documents with one written again (a refresh): a new version and the given changes. */
  const rewritten = (id: string, change: Partial<Document>) =>
    written.map((v) =>
      v.document.id === id ? { document: { ...v.document, ...change }, version: "2026-11-24T10:00:00.000Z" } : v,
    );

  it("restores a library that answers exactly as one built from the documents", () => {
    const { library, changed } = restoreLibrary(saveOf(written), written);
    expect(changed).toBe(false);
    expectSameLibrary(library, buildLibrary(all));
    // Restored postings still grow: a document ingested afterwards is searchable at once.
    const extra = { ...(stored[0] as Document), id: "ingested-later" };
    const built = buildLibrary(all);
    library.add(extra);
    built.add(extra);
    expectSameLibrary(library, built);
  });

  it("analyses only documents stored after it was saved, on top of what it restores", () => {
    const { library, changed } = restoreLibrary(saveOf(written.slice(0, seeds.length + 3)), written);
    expect(changed).toBe(true);
    expectSameLibrary(library, buildLibrary(all));
  });

  it("takes a document rewritten with new metadata (authors, publisher) in place, and shows it", () => {
    const renamed = rewritten("stored-1", { authors: ["Priya Okonkwo"], publisher: "Wessex Health Review" });
    const { library, changed } = restoreLibrary(saveOf(written), renamed);
    expect(changed).toBe(true);
    const built = buildLibrary(renamed.map((d) => d.document));
    expect(library.get("stored-1")?.document).toEqual(built.get("stored-1")?.document);
    expect(library.get("stored-1")?.metadataTerms).toEqual(built.get("stored-1")?.metadataTerms);
    expect(library.isMetadataTerm("okonkwo")).toBe(true);
    expect(library.isMetadataTerm("whr")).toBe(true);
  });

  it("refuses a snapshot that is damaged, cut short or not a snapshot at all", () => {
    const saved = saveOf(written);
    const flipped = Uint8Array.from(saved);
    const middle = Math.floor(flipped.length / 2);
    flipped[middle] = (flipped[middle] as number) ^ 0x40;
    expect(() => restoreLibrary(flipped, written)).toThrow(/damaged/);
    expect(() => restoreLibrary(saved.subarray(0, saved.length - 100), written)).toThrow(SnapshotRejected);
    expect(() => restoreLibrary(new Uint8Array(0), written)).toThrow(/not a library snapshot/);
    expect(() => restoreLibrary(Buffer.from("{}".repeat(50)), written)).toThrow(/not a library snapshot/);
  });

  it("refuses one whose documents were rewritten with new text, removed or reordered since", () => {
    const saved = saveOf(written);
    const corrected = rewritten("stored-2", {
      paragraphs: [...(stored[2] as Document).paragraphs, { text: "A correction was added.", heading: false }],
    });
    expect(() => restoreLibrary(saved, corrected)).toThrow(/stored-2 changed/);
    expect(() => restoreLibrary(saved, written.slice(0, -1))).toThrow(/removed/);
    expect(() => restoreLibrary(saved, [...written].reverse())).toThrow(/not where it was saved/);
  });

  it("refuses one that does not fit a document the store gives back shorter under the same version", () => {
    // A store restored from an older backup: same id and time, fewer paragraphs. Passages are made
    // lazily, so this must be caught when the snapshot is read, not when a question reaches them.
    const shortened = written.map((v) =>
      v.document.id === "stored-3"
        ? { ...v, document: { ...v.document, paragraphs: v.document.paragraphs.slice(0, 1) } }
        : v,
    );
    expect(() => restoreLibrary(saveOf(written), shortened)).toThrow(/does not fit the documents/);
  });
});

for (const backend of BACKENDS) {
  if (backend.skip) {
    describe.skip(`a replica's start from the saved library, ${backend.name} (${backend.skip})`, () => {
      it("runs when DATABASE_URL is set", () => {});
    });
    continue;
  }

  describe(`a replica's start from the saved library, ${backend.name}`, () => {
    let harness: StoreHarness;
    let store: Store;
    let dataDir: string;
    let warnings: string[];
    const warn = (event: string, reason: string) => warnings.push(`${event}: ${reason}`);

    beforeEach(async () => {
      harness = backend.harness();
      store = await harness.open();
      dataDir = join(mkdtempSync(join(tmpdir(), "nhsai-snapshot-")), "data");
      warnings = [];
      for (const [i, doc] of storedDocuments().slice(0, -1).entries())
        await store.addDocument(doc, "ingest", new Date(T0.getTime() + i));
    });
    afterEach(async () => {
      await harness.cleanup();
      rmSync(join(dataDir, ".."), { recursive: true, force: true });
    });

    it("saves the library on the first start and restores it on the next, documents stored since included", async () => {
      const first = await openStoredLibrary(store, dataDir, warn);
      const saved = readFileSync(join(dataDir, SNAPSHOT_FILE));
      const again = await openStoredLibrary(store, dataDir, warn);
      expect(readFileSync(join(dataDir, SNAPSHOT_FILE)).equals(saved)).toBe(true);
      expectSameLibrary(again, first);

      const later = storedDocuments().at(-1) as Document;
      await store.addDocument(later, "ingest", new Date(T0.getTime() + 60_000));
      const next = await openStoredLibrary(store, dataDir, warn);
      expect(next.get(later.id)).toBeDefined();
      expectSameLibrary(next, buildLibrary([...openSeedDocuments(), ...(await store.listDocuments())]));
      expect(warnings).toEqual([]);
    });

    it("starts the library's sync from what it read: no second full listing, later documents still arrive", async () => {
      const library = await openStoredLibrary(store, dataDir, warn);
      const listings = vi.spyOn(store, "listDocuments");
      const sync = new LibrarySync(library, store, 0);
      expect(await sync.refresh(1)).toBe(0);
      expect(listings).not.toHaveBeenCalled();
      const later = storedDocuments().at(-1) as Document;
      await store.addDocument(later, "ingest", new Date(T0.getTime() + 60_000));
      expect(await sync.refresh(2)).toBe(1);
      expect(library.get(later.id)).toBeDefined();
    });

    it("rebuilds from a damaged snapshot, says so in one line, and saves a good one", async () => {
      await openStoredLibrary(store, dataDir, warn);
      const file = join(dataDir, SNAPSHOT_FILE);
      const bytes = readFileSync(file);
      bytes.fill(0, 200, 400);
      writeFileSync(file, bytes);
      const rebuilt = await openStoredLibrary(store, dataDir, warn);
      expect(warnings).toEqual(["library.snapshot_rejected: damaged (checksum mismatch)"]);
      expectSameLibrary(rebuilt, buildLibrary([...openSeedDocuments(), ...(await store.listDocuments())]));
      await openStoredLibrary(store, dataDir, warn);
      expect(warnings).toHaveLength(1);
    });

    it("rebuilds when a stored document was refreshed with new text", async () => {
      await openStoredLibrary(store, dataDir, warn);
      const doc = storedDocuments()[1] as Document;
      const refreshed = { ...doc, paragraphs: [{ text: "The programme was paused in December.", heading: false }] };
      await store.addDocument(refreshed, "ingest", new Date(T0.getTime() + 60_000));
      const library = await openStoredLibrary(store, dataDir, warn);
      expect(warnings).toEqual([`library.snapshot_rejected: document ${doc.id} changed since it was saved`]);
      expect(library.get(doc.id)?.passages.map((p) => p.text)).toEqual(["The programme was paused in December."]);
    });

    it("still starts when the snapshot cannot be saved, and says why", async () => {
      const file = join(dataDir, "..", "a-file");
      writeFileSync(file, "not a folder");
      const library = await openStoredLibrary(store, join(file, "data"), warn);
      expect(library.all()).toHaveLength(2 * openSeedDocuments().length - 1);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^library\.snapshot_not_saved: /);
    });
  });
}

describe("the seeds' snapshot saved by the build", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "nhsai-seed-snapshot-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("restores the seed library a start with no store answers from, exactly as analysing the seeds would", () => {
    const file = join(dir, "seed-library.bin");
    const seeds = versionedSeeds();
    writeFileSync(file, encodeLibrary(buildLibrary(seeds.map((s) => s.document)), seeds));
    // The snapshot fits these seeds and this code, so it is what openSeedLibrary uses.
    expect(restoreLibrary(readFileSync(file), seeds).changed).toBe(false);
    expectSameLibrary(openSeedLibrary(file), buildLibrary(openSeedDocuments()));
  });

  it("analyses the seeds when the snapshot is missing, damaged or of other seeds", () => {
    const built = buildLibrary(openSeedDocuments());
    expectSameLibrary(openSeedLibrary(join(dir, "none.bin")), built);
    const seeds = versionedSeeds();
    const bytes = encodeLibrary(buildLibrary(seeds.map((s) => s.document)), seeds);
    bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0xff;
    writeFileSync(join(dir, "damaged.bin"), bytes);
    expectSameLibrary(openSeedLibrary(join(dir, "damaged.bin")), built);
    const others = seeds.slice(1).reverse();
    writeFileSync(join(dir, "others.bin"), encodeLibrary(buildLibrary(others.map((s) => s.document)), others));
    expectSameLibrary(openSeedLibrary(join(dir, "others.bin")), built);
  });
});
