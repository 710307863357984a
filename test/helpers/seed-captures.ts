/** The raw seed captures, normalised as the question scorer reads them, to check that quotes are faithful. */

import { quoteIn, readRawSeeds } from "../../scripts/score-questions.js";
import { SEEDS_DIR } from "./factories.js";

export { quoteIn };

/** Raw captures by file name. */
export const rawSeeds: Record<string, string> = readRawSeeds(SEEDS_DIR);

/** Whether `quote` stands (word for word, `…` allowed between parts) in one of the raw captures. */
export const inSomeSeed = (quote: string): boolean => Object.values(rawSeeds).some((text) => quoteIn(quote, text));
