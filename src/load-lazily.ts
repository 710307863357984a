/**
 * Heavy packages loaded on first use. Every adapter imports the core through src/index.ts, so a
 * top-level import anywhere in src/ is paid by a cold `nhsai ask`, which validates nothing, reads no
 * feed and checks no address: zod alone is ~95 modules (100+ ms of a cold start). Modules that need
 * such a package require it, synchronously, the first time it is needed.
 */

import { createRequire } from "node:module";
import type { z } from "zod";

/** The `z` namespace, as `import { z } from "zod"` gives it. */
export type Zod = typeof z;

const requireLazily = createRequire(import.meta.url);

/** A getter for the package `name`: required on the first call (Node keeps it after that). */
export function loadLazily<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= requireLazily(name) as T;
    return loaded;
  };
}

const zod = loadLazily<{ z: Zod }>("zod");

/** A getter for the schema `build` makes: zod is loaded and the schema built on the first call only. */
export function lazySchema<T>(build: (zod: Zod) => T): () => T {
  let schema: T | undefined;
  return () => {
    schema ??= build(zod().z);
    return schema;
  };
}
