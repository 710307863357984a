import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder holding package.json above `moduleUrl`, so built (`dist/`) and source files agree. */
export function findPackageRoot(moduleUrl: string): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "seeds"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package root above ${moduleUrl}`);
    dir = parent;
  }
}
