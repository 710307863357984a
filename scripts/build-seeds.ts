/**
 * Rebuilds `seeds/articles/*.json` from the raw captures and `seeds/catalogue.json`.
 * Run after changing the cleaner or the catalogue: `npm run build && npm run seeds`.
 * A test checks the committed articles match what the cleaner makes now.
 */

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildSeedArticle, readCatalogue } from "../src/knowledge/seed-articles.js";
import { findPackageRoot } from "../src/package-root.js";

/** When the seed library was assembled: it counts as "added" then, for briefings. */
export const SEEDS_ADDED_AT = "2026-11-23T07:00:00.000Z";

const seedsDir = join(findPackageRoot(import.meta.url), "seeds");
mkdirSync(join(seedsDir, "articles"), { recursive: true });
for (const entry of readCatalogue(seedsDir)) {
  const raw = readFileSync(join(seedsDir, entry.source), "utf8");
  const article = buildSeedArticle(entry, raw, SEEDS_ADDED_AT);
  writeFileSync(join(seedsDir, "articles", `${entry.id}.json`), `${JSON.stringify(article, null, 2)}\n`);
  console.log(`${entry.id}: ${article.paragraphs.length} paragraphs`);
}
