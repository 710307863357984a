/**
 * zod is ~95 modules (100+ ms of a cold start). Every adapter imports the core through src/index.ts,
 * and a cold `nhsai ask` validates nothing, so schemas are built on first use: zod is required,
 * synchronously, the first time a schema is needed rather than when the module holding it loads.
 */

import { createRequire } from "node:module";
import type { z } from "zod";

/** The `z` namespace, as `import { z } from "zod"` gives it. */
export type Zod = typeof z;

const requireLazily = createRequire(import.meta.url);

/** A getter for the schema `build` makes: zod is loaded and the schema built on the first call only. */
export function lazySchema<T>(build: (zod: Zod) => T): () => T {
  let schema: T | undefined;
  return () => {
    schema ??= build((requireLazily("zod") as { z: Zod }).z);
    return schema;
  };
}
