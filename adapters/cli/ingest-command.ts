/**
 * `nhsai ingest [--refresh] <file | folder | url>…`: adds documents to the store, one line per
 * item. `--refresh` re-reads held documents and updates their title, authors, publisher and date.
 */

import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import {
  DEFAULT_FETCH_LIMITS,
  DocumentShelf,
  describeOutcome,
  type Ingester,
  type IngestOutcome,
  loadIngester,
  type ReadOptions,
  ReadPool,
  sanitiseText,
} from "../../src/index.js";
import type { CliIo } from "./cli-io.js";
import { ingestDeps } from "./ingest-deps.js";
import { openConfiguredStore } from "./open-configured-store.js";
import { openSeedDocuments } from "./open-library.js";
import { codeOf, readInputFile } from "./read-input-file.js";
import { UsageError } from "./usage-error.js";

/** What a folder is searched for; other files in it are left alone. */
const READABLE = /\.(txt|md|markdown|html?|xml|rss|atom)$/i;

export async function ingestCommand(args: string[], io: CliIo): Promise<number> {
  const refresh = args.includes("--refresh");
  const targets = args.filter((a) => a !== "--refresh");
  if (targets.length === 0 || targets.some((a) => a.startsWith("--")))
    throw new UsageError(
      "give files, folders or URLs, e.g. nhsai ingest ./articles https://example.org/feed.xml (or --refresh <file|url> to update a held one)",
    );
  const opened = await openConfiguredStore("ingest", io);
  if (!opened) return 1;
  const { config, store } = opened;
  const reader = new ReadPool();
  try {
    // Seeds and stored documents to check against; no search index is built for a one-shot run.
    const held = new DocumentShelf([...openSeedDocuments(), ...(await store.listDocuments())]);
    const ingester = new (await loadIngester())(ingestDeps(config, store, held, "cli", reader));
    const outcomes: IngestOutcome[] = [];
    for (const arg of targets) {
      const batch = await ingestOne(arg, ingester, { refresh });
      for (const outcome of batch) {
        // Titles and reasons come from pages on the web: nothing in them may act on the terminal.
        (outcome.status === "failed" ? io.stderr : io.stdout)(`${sanitiseText(describeOutcome(outcome))}\n`);
        outcomes.push(outcome);
      }
    }
    io.stdout(`${summary(outcomes)}\n`);
    return outcomes.some((o) => o.status === "failed") ? 1 : 0;
  } finally {
    await reader.close();
    await store.close();
  }
}

function ingestOne(arg: string, ingester: Ingester, options: ReadOptions): Promise<IngestOutcome[]> {
  return alone(arg, () =>
    /^[a-z][a-z0-9+.-]*:\/\//i.test(arg) ? ingester.ingestUrl(arg, options) : ingestPath(arg, ingester, options),
  );
}

/** Whatever goes wrong with one item (the store too) is that item's outcome, not the batch's end. */
async function alone(source: string, work: () => Promise<IngestOutcome[]>): Promise<IngestOutcome[]> {
  try {
    return await work();
  } catch (error) {
    return [failed(source, `could not be ingested (${codeOf(error)})`)];
  }
}

/** A file, or every readable file under a folder (hidden ones skipped), in name order. */
async function ingestPath(path: string, ingester: Ingester, options: ReadOptions): Promise<IngestOutcome[]> {
  const info = await stat(path).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  if (info instanceof Error) return [failed(path, `cannot be read (${codeOf(info)})`)];
  if (info.isDirectory()) {
    const listed = await readdir(path, { withFileTypes: true }).catch((error: unknown) => codeOf(error));
    if (typeof listed === "string") return [failed(path, `cannot be read (${listed})`)];
    const outcomes: IngestOutcome[] = [];
    for (const entry of listed.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".")) continue;
      if (entry.isDirectory() || READABLE.test(entry.name))
        outcomes.push(
          ...(await alone(join(path, entry.name), () => ingestPath(join(path, entry.name), ingester, options))),
        );
    }
    return outcomes;
  }
  const read = await readInputFile(path, info, DEFAULT_FETCH_LIMITS.maxBytes);
  return read.ok ? ingester.ingestFile(path, read.text, options) : [failed(path, read.reason)];
}

function failed(source: string, reason: string): IngestOutcome {
  return { source, status: "failed", reason };
}

function summary(outcomes: IngestOutcome[]): string {
  const count = (status: IngestOutcome["status"]) => outcomes.filter((o) => o.status === status).length;
  const parts = [`${count("added")} added`, `${count("duplicate")} already held`];
  if (count("appearance")) parts.push(`${count("appearance")} copies from other outlets`);
  if (count("refreshed")) parts.push(`${count("refreshed")} refreshed`);
  if (count("not_modified")) parts.push(`${count("not_modified")} unchanged`);
  if (count("waiting")) parts.push(`${count("waiting")} waiting to be retried`);
  parts.push(`${count("failed")} ${count("failed") === 1 ? "error" : "errors"}`);
  return `nhsai ingest: ${parts.join(", ")}`;
}
