/**
 * A held document changed in the store by another process (a refresh, another outlet's
 * appearance) reaches every running library: its metadata is updated in place, not added twice.
 */

import { afterEach, beforeEach, expect, it } from "vitest";
import { answerQuestion } from "../../src/answers/answer-question.js";
import { LibrarySync } from "../../src/ingest/library-sync.js";
import { openMemoryStore } from "../../src/store/embedded/open-embedded-store.js";
import type { Store } from "../../src/store/store.js";
import { FIXED_NOW, libraryOf, makeDocument, onDay, paragraphs } from "../helpers/factories.js";

const at = (minutes: number) => new Date(FIXED_NOW.getTime() + minutes * 60_000);
let store: Store;

beforeEach(async () => {
  store = await openMemoryStore(FIXED_NOW);
});
afterEach(async () => {
  await store.close();
});

it("takes a stored document's new title, publisher and appearances without adding it twice", async () => {
  const first = makeDocument({
    id: "scribes",
    title: "Search the website",
    titleEditorial: false,
    publisher: null,
    published: onDay("2026-11-10"),
    paragraphs: paragraphs(
      "Forty GP practices in Eastmoor will pilot ambient voice technology to write up consultations.",
    ),
  });
  await store.addDocument(first, "cli", at(1));
  const library = libraryOf();
  const sync = new LibrarySync(library, store, 0);
  expect(await sync.refresh(1)).toBe(1);

  const corrected = {
    ...first,
    title: "Eastmoor practices to pilot ambient voice technology",
    publisher: "Eastmoor Health Bulletin",
    appearances: [
      {
        publisher: "Health Tech Daily",
        url: "https://example.org/copy",
        published: onDay("2026-11-11"),
        addedAt: at(2).toISOString(),
      },
    ],
  };
  await store.addDocument(corrected, "cli", at(2));
  expect(await sync.refresh(2)).toBe(0);
  expect(library.all()).toHaveLength(1);
  expect(library.get("scribes")?.document).toMatchObject({
    title: corrected.title,
    publisher: "Eastmoor Health Bulletin",
    appearances: corrected.appearances,
  });
  const answer = answerQuestion(library, "How many GP practices in Eastmoor will pilot ambient voice technology?");
  expect(answer.citations[0]).toMatchObject({ title: corrected.title, publisher: "Eastmoor Health Bulletin" });
});
