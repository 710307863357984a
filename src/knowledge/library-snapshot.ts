/**
 * A saved library: what analysing the documents cost (sentences, terms, topics, the index) written
 * to bytes, so a restart or a new replica restores it in a fraction of a second instead of
 * analysing every document again (about 18 s at 10,000 articles).
 *
 * It is trusted only when whole and current: a CRC-32 over every byte, the format and a version
 * of the analysing code (the hash of this folder's modules and of the lexicon), and each
 * document's id and version (the store's last-written time) in order. A document written again
 * since is read through: new text (a refresh) means a rebuild, new metadata only (authors,
 * publisher) an update in place. Documents added since are analysed on top; one removed or
 * reordered means a rebuild. Checking versions, not content, keeps a start at 10,000 documents
 * from hashing 20 MB of text.
 *
 * Layout: "NHSAISNP", a little-endian u32 header length, the JSON header, the typed arrays each
 * at an 8-byte boundary, and the CRC-32 of all before it as the last 4 bytes.
 */

import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32 } from "node:zlib";
import type { Document } from "./document.js";
import { Library } from "./library.js";
import type { LibraryState } from "./library-state.js";
import { LEXICON_DIR } from "./synonyms.js";
import type { TopicId } from "./topics.js";

const MAGIC = "NHSAISNP";
const FORMAT = 1;

/** Why a snapshot was not used: shown in the one log line a rebuild writes. */
export class SnapshotRejected extends Error {}

/** A document as the library holds it, with a version that moves whenever it is written again. */
export interface VersionedDocument {
  document: Document;
  /** The store's last-written time; for documents from elsewhere (the seeds), `contentVersion`. */
  version: string;
}

interface SavedDocument {
  id: string;
  version: string;
  /** Of what the analysis reads: title and paragraphs. */
  text: string;
  /** Of what only the metadata terms read: publisher, organisation, authors. */
  meta: string;
}

type ArrayName = "offsets" | "ids" | "tfs" | "lengths" | "termIds" | "positions" | "passages";
type ArrayKind = "i32" | "u16" | "u32";

interface Header {
  format: number;
  code: string;
  littleEndian: boolean;
  documents: SavedDocument[];
  terms: readonly string[];
  totalLength: number;
  topicSets: LibraryState["topicSets"];
  metadataTerms: readonly (readonly string[])[];
  documentTopics: number[];
  texts: readonly string[];
  arrays: Record<ArrayName, [offset: number, length: number, kind: ArrayKind]>;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

let codeVersion: string | undefined;

/**
 * The version of everything that shapes the analysis: the modules beside this one (tokenizer,
 * sentence splitter, topic model, abbreviations) and the lexicon's files. Any change rebuilds.
 */
function analysisVersion(): string {
  if (codeVersion) return codeVersion;
  const hash = createHash("sha256").update(`format ${FORMAT}\n`);
  for (const dir of [dirname(fileURLToPath(import.meta.url)), LEXICON_DIR]) {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (!statSync(path).isFile() || name.endsWith(".map") || name.endsWith(".d.ts")) continue;
      hash.update(`${name}\n`).update(readFileSync(path));
    }
  }
  codeVersion = hash.digest("base64url");
  return codeVersion;
}

/**
 * A 64-bit FNV-1a of the strings (two 32-bit lanes with different offsets), their lengths and
 * flags: it only has to tell an edited document from the one saved, and hashing 10,000 documents'
 * text this way takes a few tens of milliseconds where a cryptographic hash of their JSON took 200.
 */
function fingerprint(parts: readonly (string | boolean | null | undefined)[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ parts.length;
  for (const part of parts) {
    const text = typeof part === "string" ? part : String(part);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    a = Math.imul(a ^ (text.length + 0x9e37), 0x01000193);
    b = Math.imul(b ^ (text.length + 0x79b9), 0x5bd1e995);
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
}

function textFingerprint(doc: Document): string {
  const text: (string | boolean)[] = [doc.title];
  for (const p of doc.paragraphs) text.push(p.text, p.heading);
  return fingerprint(text);
}

function metaFingerprint(doc: Document): string {
  return fingerprint([doc.publisher, doc.organisation, ...doc.authors]);
}

/** A version from the content itself, for documents no store dates (the seeds: a handful). */
export function contentVersion(doc: Document): string {
  return `${textFingerprint(doc)}/${metaFingerprint(doc)}`;
}

function savedDocument({ document, version }: VersionedDocument): SavedDocument {
  return { id: document.id, version, text: textFingerprint(document), meta: metaFingerprint(document) };
}

/** The library's analysis as bytes, for `restoreLibrary` in another process. */
export function encodeLibrary(library: Library, documents: readonly VersionedDocument[]): Uint8Array {
  const held = library.all();
  if (documents.length !== held.length || documents.some((d, i) => held[i]?.document !== d.document))
    throw new Error("encodeLibrary needs the library's own documents, in order");
  const state = library.exportState();
  const arrays: [ArrayName, Int32Array | Uint16Array | Uint32Array][] = [
    ["offsets", state.index.offsets],
    ["ids", state.index.ids],
    ["tfs", state.index.tfs],
    ["lengths", state.index.lengths],
    ["termIds", state.termIds],
    ["positions", state.positions],
    ["passages", state.passages],
  ];
  let offset = 0;
  const placed = {} as Header["arrays"];
  for (const [name, array] of arrays) {
    placed[name] = [offset, array.length, kindOf(array)];
    offset = align(offset + array.byteLength);
  }
  const header: Header = {
    format: FORMAT,
    code: analysisVersion(),
    littleEndian: LITTLE_ENDIAN,
    documents: documents.map(savedDocument),
    terms: state.index.terms,
    totalLength: state.index.totalLength,
    topicSets: state.topicSets,
    metadataTerms: state.documents.map((d) => d.metadataTerms ?? []),
    documentTopics: state.documents.map((d) => d.topics),
    texts: state.texts,
    arrays: placed,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
  const bodyStart = align(MAGIC.length + 4 + headerBytes.length);
  const bytes = new Uint8Array(bodyStart + offset + 4);
  bytes.set(Buffer.from(MAGIC, "latin1"), 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(MAGIC.length, headerBytes.length, true);
  bytes.set(headerBytes, MAGIC.length + 4);
  for (const [name, array] of arrays) {
    const [at] = placed[name];
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), bodyStart + at);
  }
  view.setUint32(bytes.length - 4, crc32(bytes.subarray(0, bytes.length - 4)), true);
  return bytes;
}

/**
 * The library for `documents` (seeds and stored, in the order they are added) from a snapshot:
 * the documents it covers restored, any newer ones analysed on top. Throws `SnapshotRejected` with
 * the reason when the snapshot is damaged, from other code, or does not fit the documents.
 */
export function restoreLibrary(
  bytes: Uint8Array,
  versioned: readonly VersionedDocument[],
): { library: Library /** Whether it differs from the snapshot (newer documents, new metadata). */; changed: boolean } {
  if (bytes.length < MAGIC.length + 8 || Buffer.from(bytes.subarray(0, MAGIC.length)).toString("latin1") !== MAGIC)
    throw new SnapshotRejected("not a library snapshot");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (crc32(bytes.subarray(0, bytes.length - 4)) !== view.getUint32(bytes.length - 4, true))
    throw new SnapshotRejected("damaged (checksum mismatch)");
  const headerLength = view.getUint32(MAGIC.length, true);
  const header = JSON.parse(
    Buffer.from(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + headerLength)).toString("utf8"),
  ) as Header;
  if (header.format !== FORMAT || header.code !== analysisVersion() || header.littleEndian !== LITTLE_ENDIAN)
    throw new SnapshotRejected("written by another version of nhsai");
  const covered = header.documents.length;
  if (covered > versioned.length) throw new SnapshotRejected("documents were removed since it was saved");
  const documents = versioned.map((v) => v.document);
  // Only documents written again since are read through; their text must be what was analysed.
  const newMetadata = new Set<number>();
  for (let i = 0; i < covered; i++) {
    const saved = header.documents[i] as SavedDocument;
    const { document, version } = versioned[i] as VersionedDocument;
    if (document.id !== saved.id) throw new SnapshotRejected(`document ${document.id} is not where it was saved`);
    if (version === saved.version) continue;
    if (textFingerprint(document) !== saved.text)
      throw new SnapshotRejected(`document ${document.id} changed since it was saved`);
    if (metaFingerprint(document) !== saved.meta) newMetadata.add(i);
  }

  // Typed arrays need aligned offsets: copy once if the file's buffer does not give them.
  const bodyStart = align(MAGIC.length + 4 + headerLength);
  const body = (bytes.byteOffset + bodyStart) % 8 === 0 ? bytes : new Uint8Array(bytes);
  const array = (name: ArrayName) => {
    const [offset, length, kind] = header.arrays[name];
    const start = body.byteOffset + bodyStart + offset;
    const end = start + length * (kind === "u16" ? 2 : 4);
    if (end > body.byteOffset + body.length - 4) throw new SnapshotRejected(`array ${name} runs past the end`);
    const buffer = body.buffer as ArrayBuffer;
    return kind === "i32"
      ? new Int32Array(buffer, start, length)
      : kind === "u16"
        ? new Uint16Array(buffer, start, length)
        : new Uint32Array(buffer, start, length);
  };
  const i32 = (name: ArrayName) => array(name) as Int32Array<ArrayBuffer>;
  let library: Library;
  try {
    library = Library.fromState(
      {
        index: {
          terms: header.terms,
          offsets: i32("offsets"),
          ids: i32("ids"),
          tfs: array("tfs") as Uint16Array<ArrayBuffer>,
          lengths: array("lengths") as Uint16Array<ArrayBuffer>,
          totalLength: header.totalLength,
        },
        termIds: i32("termIds"),
        positions: array("positions") as Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>,
        topicSets: header.topicSets as TopicId[][],
        documents: header.documentTopics.map((topics, d) => ({
          topics,
          metadataTerms: newMetadata.has(d) ? null : (header.metadataTerms[d] ?? []),
        })),
        passages: i32("passages"),
        texts: header.texts,
      },
      documents.slice(0, covered),
    );
  } catch (error) {
    if (error instanceof SnapshotRejected) throw error;
    throw new SnapshotRejected(`does not fit the documents (${(error as Error).message})`);
  }
  for (const doc of documents.slice(covered)) library.add(doc);
  const changed = covered < documents.length || versioned.some((v, i) => v.version !== header.documents[i]?.version);
  return { library, changed };
}

function kindOf(array: Int32Array | Uint16Array | Uint32Array): ArrayKind {
  return array instanceof Int32Array ? "i32" : array instanceof Uint16Array ? "u16" : "u32";
}

function align(n: number): number {
  return Math.ceil(n / 8) * 8;
}
