import { join } from "node:path";
import type { Library } from "../../src/knowledge/library.js";
import { loadSeedArticles } from "../../src/knowledge/load-seed-articles.js";
import { buildLibrary } from "../../src/knowledge/seed-library.js";
import { findPackageRoot } from "../../src/package-root.js";

/** The seed library shipped in the package's `seeds/` folder. */
export function openSeedLibrary(): Library {
  return buildLibrary(loadSeedArticles(join(findPackageRoot(import.meta.url), "seeds")));
}
