import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadSeedArticles } from "../../src/knowledge/load-seed-articles.js";
import { buildLibrary } from "../../src/knowledge/seed-library.js";

export const SEEDS_DIR = join(import.meta.dirname, "..", "..", "seeds");

/** The seed library, as the CLI builds it. */
export const seedLibrary = () => buildLibrary(loadSeedArticles(SEEDS_DIR));

/** The scorer's normalisation: quote marks, dashes and white space folded, lower case. */
export function normaliseQuote(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\u00a0/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** Raw captures by file name, normalised. */
export const rawSeeds: Record<string, string> = Object.fromEntries(
  readdirSync(join(SEEDS_DIR, "raw")).map((f) => [f, normaliseQuote(readFileSync(join(SEEDS_DIR, "raw", f), "utf8"))]),
);

/** Whether a quote (fragments joined by "…" allowed) stands verbatim in the text. */
export function quoteIn(quote: string, text: string): boolean {
  const parts = normaliseQuote(quote)
    .split(/\s*(?:\.\.\.|…)\s*/)
    .map((p) => p.replace(/^[\s"'.,;:-]+|[\s"'.,;:-]+$/g, ""))
    .filter(Boolean);
  return parts.length > 0 && parts.every((p) => text.includes(p));
}
