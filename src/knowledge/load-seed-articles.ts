/**
 * Loads the built seed articles (`seeds/articles/*.json`). They are build output of
 * `npm run seeds`, validated there and by the tests, so this path does not import zod: a cold
 * `nhsai ask` has 0.3 s and zod alone takes 90 ms to load.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Document } from "./document.js";

export function loadSeedArticles(seedsDir: string): Document[] {
  const dir = join(seedsDir, "articles");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Document);
}
