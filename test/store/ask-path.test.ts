/**
 * `nhsai ask` must start in 0.3 s: until something has been ingested (no DATABASE_URL, no
 * DATA_DIR/nhsai.db) it never loads the store or a database driver.
 */

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "../helpers/factories.js";

it("nhsai ask loads no store backend, libSQL or pg while there is no store (nothing ingested yet)", () => {
  const dir = mkdtempSync(join(tmpdir(), "nhsai-trace-"));
  const trace = join(dir, "imports.txt");
  try {
    const result = spawnSync(
      process.execPath,
      [
        "--import",
        join(import.meta.dirname, "fixtures", "trace-imports.mjs"),
        join(ROOT, "dist", "adapters", "cli", "nhsai.js"),
        "ask",
        "How much is the AI lung cancer funding?",
        "--json",
      ],
      {
        env: { ...withoutStore(process.env), DATA_DIR: join(dir, "data"), TRACE_IMPORTS_FILE: trace },
        encoding: "utf8",
        timeout: 20_000,
      },
    );
    expect(result.status).toBe(0);
    const loaded = readFileSync(trace, "utf8").split("\n");
    expect(loaded.some((url) => url.endsWith("/ask-command.js"))).toBe(true);
    // The store's port and error classes come with src/index.ts; its backends load only when a store is opened.
    expect(
      loaded.filter((url) => /\/src\/store\/(embedded|postgres)\/|node_modules\/(libsql|@libsql|pg)\//.test(url)),
    ).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function withoutStore(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, DATA_DIR: _dir, ...rest } = env;
  return rest;
}
