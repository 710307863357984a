/** A library kept level with the store: cheap when nothing changed, complete when a write lands late. */

import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { LibrarySync } from "../../src/ingest/library-sync.js";
import type { Library } from "../../src/knowledge/library.js";
import { openMemoryStore } from "../../src/store/embedded/open-embedded-store.js";
import type { Store } from "../../src/store/store.js";
import { FIXED_NOW, makeDocument, seedLibrary } from "../helpers/factories.js";

const at = (minutes: number) => new Date(FIXED_NOW.getTime() + minutes * 60_000);
let store: Store;
let library: Library;

beforeEach(async () => {
  store = await openMemoryStore(FIXED_NOW);
  library = seedLibrary();
});
afterEach(async () => {
  await store.close();
});

it("lists only what changed since the last check, and nothing at all when the stamp has not moved", async () => {
  const sync = new LibrarySync(library, store, 0);
  const list = vi.spyOn(store, "listDocuments");
  await store.addDocument(makeDocument({ id: "a" }), "feeds", at(1));
  expect(await sync.refresh(1)).toBe(1);
  expect(await sync.refresh(2)).toBe(0);
  expect(list).toHaveBeenCalledTimes(1);
  await store.addDocument(makeDocument({ id: "b" }), "feeds", at(2));
  expect(await sync.refresh(3)).toBe(1);
  expect(list).toHaveBeenLastCalledWith({ changedSince: at(1) });
  expect(library.get("b")).toBeDefined();
});

it("catches a write that committed late with an earlier time, by the count", async () => {
  const sync = new LibrarySync(library, store, 0);
  await store.addDocument(makeDocument({ id: "a" }), "feeds", at(10));
  await sync.refresh(1);
  // Another replica's clock is behind: its document is stamped before the last one seen.
  await store.addDocument(makeDocument({ id: "late" }), "feeds", at(5));
  expect(await sync.refresh(2)).toBe(1);
  expect(library.get("late")).toBeDefined();
});

it("asks the store at most once per interval, however many messages arrive", async () => {
  const sync = new LibrarySync(library, store, 2_000);
  const stamp = vi.spyOn(store, "documentStamp");
  await Promise.all([sync.refresh(0), sync.refresh(0), sync.refresh(500)]);
  await sync.refresh(1_999);
  expect(stamp).toHaveBeenCalledTimes(1);
  await sync.refresh(2_000);
  expect(stamp).toHaveBeenCalledTimes(2);
});
