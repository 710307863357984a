/**
 * The evaluation library: the seeds plus real article captures, each capture read by the same
 * reader `nhsai ingest` uses for a text file (readTextCapture, then toDocument), so the engine is
 * scored on what a user's ingested library would hold. Captures that the reader refuses are
 * reported, not silently dropped.
 */

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readTextCapture } from "../src/ingest/read-text.js";
import { toDocument } from "../src/ingest/to-document.js";
import type { Document } from "../src/knowledge/document.js";
import { buildLibrary, type Library } from "../src/knowledge/library.js";
import { loadSeedArticles } from "../src/knowledge/load-seed-articles.js";
import { normaliseQuote, readRawSeeds } from "./score-questions.js";

export interface CorpusLibrary {
  library: Library;
  /** Every capture (seeds' raw files and the real ones) by file name, normalised for quote checks. */
  captures: Record<string, string>;
  /** Capture files the reader refused, with its reason. */
  refused: string[];
}

const ADDED_AT = new Date("2026-01-01T00:00:00Z");

/**
 * Builds the library from `seedsDir` and every `.txt` capture in `captureDirs` (missing folders
 * are skipped), or those `keep` accepts.
 */
export function corpusLibrary(
  seedsDir: string,
  captureDirs: readonly string[],
  keep: (file: string) => boolean = () => true,
): CorpusLibrary {
  const documents: Document[] = loadSeedArticles(seedsDir);
  const captures = readRawSeeds(seedsDir);
  const refused: string[] = [];
  const ids = new Set(documents.map((d) => d.id));
  for (const dir of captureDirs) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith(".txt") && keep(f))
      .sort()) {
      const raw = readFileSync(join(dir, file), "utf8");
      captures[file] = normaliseQuote(raw);
      const read = readTextCapture(raw);
      const made = read.ok ? toDocument(read.value, ADDED_AT) : read;
      if (!made.ok) {
        refused.push(`${file}: ${made.reason}`);
        continue;
      }
      if (ids.has(made.value.id)) continue; // the same page captured twice
      ids.add(made.value.id);
      documents.push(made.value);
    }
  }
  return { library: buildLibrary(documents), captures, refused };
}
