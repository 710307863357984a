/**
 * Run by `npm run build` after the compiler: saves the seeds' analysis (sentences, terms, topics,
 * the index; ~32 KB) as `dist/seed-library.bin`, which `openSeedLibrary` restores. A build without
 * this step still works: the seeds are analysed on each start instead.
 */

import { writeFileSync } from "node:fs";
import { buildLibrary, encodeLibrary } from "../../src/index.js";
import { seedSnapshotFile, versionedSeeds } from "./open-library.js";

const seeds = versionedSeeds();
writeFileSync(seedSnapshotFile(), encodeLibrary(buildLibrary(seeds.map((s) => s.document)), seeds));
