import { join } from "node:path";
import { readRawSeeds } from "../../scripts/score-questions.js";
import { buildLibrary } from "../../src/knowledge/build-library.js";
import { loadSeedArticles } from "../../src/knowledge/load-seed-articles.js";

export { quoteIn } from "../../scripts/score-questions.js";

export const SEEDS_DIR = join(import.meta.dirname, "..", "..", "seeds");

/** The seed library, as the CLI builds it. */
export const seedLibrary = () => buildLibrary(loadSeedArticles(SEEDS_DIR));

/** Raw captures by file name, normalised as the scorer does. */
export const rawSeeds: Record<string, string> = readRawSeeds(SEEDS_DIR);
