import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  buildLibrary,
  contentVersion,
  type Document,
  type Documents,
  encodeLibrary,
  findPackageRoot,
  type Library,
  loadSeedArticles,
  markSynced,
  openStore,
  restoreLibrary,
  SnapshotRejected,
  type StoreLocation,
  storeLocation,
  type VersionedDocument,
} from "../../src/index.js";

/** The seed articles shipped in the package's `seeds/` folder. */
export function openSeedDocuments(): Document[] {
  return loadSeedArticles(join(findPackageRoot(import.meta.url), "seeds"));
}

/** The seeds with the versions a snapshot of them is checked against (their content: no store dates them). */
export function versionedSeeds(): VersionedDocument[] {
  return openSeedDocuments().map((document) => ({ document, version: contentVersion(document) }));
}

/**
 * The seeds' analysis, saved by `npm run build` (save-seed-library.ts) beside the build. Not in
 * `seeds/`: it belongs to one build of the analysing code, which the snapshot's code version checks.
 */
export function seedSnapshotFile(): string {
  return join(findPackageRoot(import.meta.url), "dist", "seed-library.bin");
}

/**
 * The seed library shipped in the package's `seeds/` folder: restored from the build's snapshot of
 * it, which saves analysing every seed on each cold `nhsai ask` with no store (~45 ms of CPU), or
 * analysed when there is none or it does not fit (a build by `tsc` alone, other code, other seeds).
 */
export function openSeedLibrary(snapshot = seedSnapshotFile()): Library {
  const seeds = versionedSeeds();
  let bytes: Buffer | null = null;
  try {
    bytes = readFileSync(snapshot);
  } catch {
    // Missing or unreadable: the snapshot only saves time, and analysing the seeds always works.
  }
  if (bytes) {
    try {
      return restoreLibrary(bytes, seeds).library;
    } catch (error) {
      if (!(error instanceof SnapshotRejected)) throw error;
    }
  }
  return buildLibrary(seeds.map((s) => s.document));
}

/** The embedded store's file under DATA_DIR (src/store/embedded names it too; not imported, see below). */
const EMBEDDED_FILE = "nhsai.db";

/** Where stored documents are, or null when there is no store yet (nothing was ever ingested). */
export function existingStore(env: NodeJS.ProcessEnv): StoreLocation | null {
  const where = storeLocation(env);
  return where.databaseUrl || existsSync(join(where.dataDir, EMBEDDED_FILE)) ? where : null;
}

/** The saved library under DATA_DIR (see src/knowledge/library-snapshot.ts). */
export const SNAPSHOT_FILE = "library-snapshot.bin";

/** Says why a saved library was not used or could not be saved: one line each time. */
export type SnapshotWarning = (
  event: "library.snapshot_rejected" | "library.snapshot_not_saved",
  reason: string,
) => void;

/**
 * The seeds plus every stored document, restored from the snapshot under `dataDir` when it is whole
 * and current (then only documents stored since are analysed), rebuilt otherwise; the snapshot is
 * saved again whenever the library it would restore differs. What `serve`, `run-due` and the
 * commands that answer from the store start with.
 */
export async function openStoredLibrary(
  store: Pick<Documents, "listDocumentVersions" | "documentStamp">,
  dataDir: string,
  warn: SnapshotWarning,
): Promise<Library> {
  const seeds = versionedSeeds();
  const stamp = await store.documentStamp();
  const stored = await store.listDocumentVersions();
  const documents = [...seeds, ...stored];
  const opened = (library: Library) => {
    markSynced(
      library,
      stamp,
      stored.map((v) => v.document.id),
    );
    return library;
  };
  const file = join(resolve(dataDir), SNAPSHOT_FILE);
  let bytes: Buffer | null = null;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") warn("library.snapshot_rejected", (error as Error).message);
  }
  if (bytes) {
    try {
      const { library, changed } = restoreLibrary(bytes, documents);
      if (changed) saveSnapshot(file, encodeLibrary(library, documents), warn);
      return opened(library);
    } catch (error) {
      if (!(error instanceof SnapshotRejected)) throw error;
      warn("library.snapshot_rejected", error.message);
    }
  }
  const library = buildLibrary(documents.map((d) => d.document));
  saveSnapshot(file, encodeLibrary(library, documents), warn);
  return opened(library);
}

/** Written beside, then renamed over: a reader sees the old snapshot or the new one, never half. */
function saveSnapshot(file: string, bytes: Uint8Array, warn: SnapshotWarning): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(resolve(file, ".."), { recursive: true });
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The folder itself is unusable: there is nothing to clean up.
    }
    warn("library.snapshot_not_saved", (error as Error).message);
  }
}

/**
 * The seeds plus every ingested document, for `ask`, `command` and `digest`. With no store yet no
 * store driver is loaded (`openStore` loads its backend when called); configuration is checked in
 * full by the commands that write (`ingest`, `serve`).
 */
export async function openLibrary(env: NodeJS.ProcessEnv): Promise<Library> {
  const where = existingStore(env);
  if (!where) return openSeedLibrary();
  const store = await openStore(where, new Date());
  try {
    return await openStoredLibrary(store, where.dataDir, (event, reason) =>
      process.stderr.write(`nhsai: ${snapshotWarningText(event)} (${reason})\n`),
    );
  } finally {
    await store.close();
  }
}

/** The plain words for a snapshot warning, for a terminal. */
function snapshotWarningText(event: Parameters<SnapshotWarning>[0]): string {
  return event === "library.snapshot_rejected"
    ? "the saved library was not used, so it was rebuilt"
    : "the library could not be saved for a faster next start";
}
