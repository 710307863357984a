/**
 * The real captures of the reading corpus (test/fixtures/corpus/captures/) with their recorded
 * truth, read by the text-capture reader. Only training, validation and check pages: the frozen
 * holdout's captures live elsewhere and are never read by a test.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readTextCapture } from "../../src/ingest/read-text.js";
import { ROOT } from "../helpers/factories.js";

export const CORPUS = join(ROOT, "test", "fixtures", "corpus");

export interface ArticleRecord {
  file: string;
  split: string;
  url: string | null;
  truth: { headline: string | null; authors: string[]; publisher: string | null; published: string | null };
}

/** Every writer's records (articles-<letter>.json) by capture file, holdout records left out. */
export const RECORDS = new Map(
  readdirSync(CORPUS)
    .filter((name) => /^articles-[a-z]\.json$/.test(name))
    .flatMap((name) =>
      (JSON.parse(readFileSync(join(CORPUS, name), "utf8")) as { articles: ArticleRecord[] }).articles
        .filter((a) => a.split !== "holdout")
        .map((a) => [a.file, a] as const),
    ),
);

/** A capture's lines as the reader sees them (trimmed, blank lines dropped). */
export function captureLines(file: string): string[] {
  return readFileSync(join(CORPUS, "captures", file), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Reads one capture with its recorded address; its truth and its quotable body beside what was read. */
export function readCapture(file: string) {
  const record = RECORDS.get(file);
  if (!record) throw new Error(`no record for ${file}`);
  const result = readTextCapture(readFileSync(join(CORPUS, "captures", file), "utf8"), { url: record.url });
  if (!result.ok) throw new Error(result.reason);
  return { value: result.value, truth: record.truth, body: result.value.paragraphs.map((p) => p.text).join("\n") };
}
