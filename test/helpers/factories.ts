/** Named factories for test data: documents, libraries, a fixed clock, and the CLI as a process. */

import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCommand } from "../../src/commands/parse-command.js";
import { type ReplyOptions, replyFromLibrary } from "../../src/conversation/library-reply.js";
import type { Document, Paragraph } from "../../src/knowledge/document.js";
import { buildLibrary, type Library } from "../../src/knowledge/library.js";
import { loadSeedArticles } from "../../src/knowledge/load-seed-articles.js";
import type { Reply } from "../../src/reply.js";
import { nhsaiEnv, outputOf, type ProcessOutput } from "./processes.js";

export const ROOT = join(import.meta.dirname, "..", "..");

/** Monday 23 November 2026, 8am in London (GMT). */
export const FIXED_NOW = new Date("2026-11-23T08:00:00Z");

export const SEEDS_DIR = join(ROOT, "seeds");

/** The seed library, as the CLI opens it. */
export const seedLibrary = (): Library => buildLibrary(loadSeedArticles(SEEDS_DIR));

/** The reply one plain-text message gets from `library` alone (no conversation, no store): what renderer tests render. */
export function replyTo(library: Library, text: string, options: ReplyOptions = { now: FIXED_NOW }): Reply {
  return replyFromLibrary(library, parseCommand(text), options);
}

/** Paragraphs from plain strings; a string starting with "# " is a heading. */
export function paragraphs(...texts: string[]): Paragraph[] {
  return texts.map((t) => (t.startsWith("# ") ? { text: t.slice(2), heading: true } : { text: t, heading: false }));
}

/** A document with sensible defaults: a dated news story from a named publisher. */
export function makeDocument(overrides: Partial<Document> & { id: string }): Document {
  return {
    title: `Story ${overrides.id}`,
    titleEditorial: false,
    publisher: "Test Health News",
    organisation: null,
    authors: [],
    published: { value: "2026-11-01", precision: "day" },
    dateNote: null,
    url: `https://news.example/${overrides.id}`,
    paragraphs: paragraphs("The trust announced a new digital programme for its staff this week."),
    addedAt: "2026-11-20T09:00:00.000Z",
    ...overrides,
  };
}

export function libraryOf(...documents: Document[]): Library {
  return buildLibrary(documents);
}

/** A day `YYYY-MM-DD` as a day-precision publication date. */
export const onDay = (value: string) => ({ value, precision: "day" as const });

export type ProcessResult = ProcessOutput;

/** Runs the built CLI (`dist/`, made by `npm test`) with `args`, feeding `stdin`, without platform credentials or a store. */
export function runNhsai(args: string[], stdin = "", env: Record<string, string> = {}): Promise<ProcessResult> {
  // No store either unless the test names one (CI's DATABASE_URL is for the store's own tests), and
  // a DATA_DIR with no store in it, so a developer's own ./data never leaks into a test.
  const child = spawn(process.execPath, [join(ROOT, "dist", "adapters", "cli", "nhsai.js"), ...args], {
    cwd: ROOT,
    env: nhsaiEnv({ NO_COLOR: "1", DATA_DIR: join(tmpdir(), `nhsai-test-no-store-${process.pid}`), ...env }),
  });
  child.stdin.end(stdin);
  return outputOf(child);
}
