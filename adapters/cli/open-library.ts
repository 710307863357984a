import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  addNewDocuments,
  buildLibrary,
  type Document,
  findPackageRoot,
  type Library,
  loadSeedArticles,
  openStore,
  type StoreLocation,
  storeLocation,
} from "../../src/index.js";

/** The seed articles shipped in the package's `seeds/` folder. */
export function openSeedDocuments(): Document[] {
  return loadSeedArticles(join(findPackageRoot(import.meta.url), "seeds"));
}

/** The seed library shipped in the package's `seeds/` folder. */
export function openSeedLibrary(): Library {
  return buildLibrary(openSeedDocuments());
}

/** The embedded store's file under DATA_DIR (src/store/embedded names it too; not imported, see below). */
const EMBEDDED_FILE = "nhsai.db";

/** Where stored documents are, or null when there is no store yet (nothing was ever ingested). */
export function existingStore(env: NodeJS.ProcessEnv): StoreLocation | null {
  const where = storeLocation(env);
  return where.databaseUrl || existsSync(join(where.dataDir, EMBEDDED_FILE)) ? where : null;
}

/**
 * The seeds plus every ingested document, for `ask`, `command` and `digest`. With no store yet no
 * store driver is loaded (`openStore` loads its backend when called); configuration is checked in
 * full by the commands that write (`ingest`, `serve`).
 */
export async function openLibrary(env: NodeJS.ProcessEnv): Promise<Library> {
  const library = openSeedLibrary();
  const where = existingStore(env);
  if (!where) return library;
  const store = await openStore(where, new Date());
  try {
    addNewDocuments(library, await store.listDocuments());
  } finally {
    await store.close();
  }
  return library;
}
