import type { Document } from "./document.js";
import { Library } from "./library.js";

/** A library holding the given documents, in order. */
export function buildLibrary(documents: readonly Document[]): Library {
  const library = new Library();
  for (const doc of documents) library.add(doc);
  return library;
}
