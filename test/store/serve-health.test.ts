/** `/healthz` of a running `nhsai serve` reports the store: a load balancer stops sending to a replica whose store fails. */

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "libsql";
import { afterEach, describe, expect, it } from "vitest";
import { EMBEDDED_MIGRATIONS } from "../../src/store/embedded/migrations.js";
import { openEmbeddedStore } from "../../src/store/embedded/open-embedded-store.js";
import { latestVersion } from "../../src/store/migration.js";
import { canMountTmpfs, corruptPages, fillDisk, mountTmpfs } from "../helpers/disk-faults.js";
import { makeDocument, paragraphs, ROOT } from "../helpers/factories.js";
import { freePort } from "../helpers/processes.js";
import { DATABASE_URL } from "./harness.js";

const cli = join(ROOT, "dist", "adapters", "cli", "nhsai.js");
const NHSAI_VARIABLES =
  /^(SLACK_|MICROSOFT_APP_|TEAMS_LOCAL$|DATABASE_URL$|DATA_DIR$|TZ_DEFAULT$|HOST$|PORT$|FEEDS$|INGEST_)/;

let child: ChildProcess | undefined;
let dir = "";
let unmount: (() => void) | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    await exited;
  }
  child = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = "";
  unmount?.();
  unmount = undefined;
});

/** Starts serve with only the given nhsai variables; resolves with its /healthz URL once it serves. */
async function startServe(env: Record<string, string>): Promise<string> {
  const port = await freePort();
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !NHSAI_VARIABLES.test(name)));
  const proc = spawn(process.execPath, [cli, "serve", "--allow-idle"], {
    env: { ...clean, ...env, PORT: String(port) },
  });
  child = proc;
  let stderr = "";
  proc.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  await new Promise<void>((resolve, reject) => {
    proc.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString("utf8").includes("serving /healthz")) resolve();
    });
    proc.once("exit", (code) => reject(new Error(`nhsai serve exited ${code}: ${stderr}`)));
  });
  return `http://127.0.0.1:${port}/healthz`;
}

describe("nhsai serve's /healthz and the store", () => {
  it("says 503 with the store's state when the store stops working, without naming paths", async () => {
    dir = mkdtempSync(join(tmpdir(), "nhsai-serve-store-"));
    const url = await startServe({ DATA_DIR: dir });
    const healthy = await fetch(url);
    expect(healthy.status).toBe(200);
    expect(((await healthy.json()) as { store: unknown }).store).toEqual({
      backend: "embedded",
      state: "ok",
      schemaVersion: latestVersion(EMBEDDED_MIGRATIONS),
    });

    const db = new Database(join(dir, "nhsai.db"));
    db.exec("DROP TABLE store_probe");
    db.close();
    // /healthz answers from the background check, which the first probe after the break wakes.
    await expect.poll(async () => (await fetch(url)).status, { timeout: 5_000 }).toBe(503);
    const body = await (await fetch(url)).json();
    expect(body).toMatchObject({
      status: "degraded",
      reason: expect.any(String),
      store: { backend: "embedded", state: "unreachable" },
    });
    expect(JSON.stringify(body)).not.toContain(dir);
  });

  it.skipIf(!DATABASE_URL)("reports PostgreSQL when DATABASE_URL is set (needs DATABASE_URL)", async () => {
    const url = await startServe({ DATABASE_URL: DATABASE_URL ?? "" });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { store: unknown }).store).toEqual({
      backend: "postgresql",
      state: "ok",
      schemaVersion: latestVersion(EMBEDDED_MIGRATIONS),
    });
  });

  it("refuses to start on a store with damaged pages (header intact), naming the fix in one line", async () => {
    dir = mkdtempSync(join(tmpdir(), "nhsai-serve-damaged-"));
    const store = await openEmbeddedStore({ dataDir: dir, now: new Date() });
    for (let i = 0; i < 60; i++) {
      const text = `Trust ${i} reports on its records programme. `.repeat(40);
      await store.addDocument(makeDocument({ id: `doc-${i}`, paragraphs: paragraphs(text) }), "cli", new Date());
    }
    await store.close();
    corruptPages(join(dir, "nhsai.db"));
    const port = await freePort();
    const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !NHSAI_VARIABLES.test(name)));
    const result = spawnSync(process.execPath, [cli, "serve", "--allow-idle"], {
      env: { ...clean, DATA_DIR: dir, PORT: String(port) },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^nhsai serve: the store's file .*nhsai\.db is damaged \(SQLite's check: .+\); restore it from a backup$/,
      ),
    ]);
  });

  it.skipIf(!canMountTmpfs)(
    "says 503 disk_full with a reason once the disk fills, and 200 again once space is freed (tmpfs; skipped where mount is not permitted)",
    async () => {
      const disk = mountTmpfs(24);
      unmount = disk.remove;
      const url = await startServe({ DATA_DIR: disk.dir });
      expect((await fetch(url)).status).toBe(200);
      const filler = fillDisk(disk.dir, 24);
      await expect.poll(async () => (await fetch(url)).status, { timeout: 5_000 }).toBe(503);
      expect(await (await fetch(url)).json()).toMatchObject({
        status: "degraded",
        reason: "the disk holding the store is full or nearly full",
        store: { state: "disk_full" },
      });
      rmSync(filler);
      await expect.poll(async () => (await fetch(url)).status, { timeout: 5_000 }).toBe(200);
    },
  );
});
