/**
 * `nhsai doctor` and `/healthz` tell the truth: each dependency broken in turn (the store's file
 * damaged, its disk read-only or full, PostgreSQL down, a feed unreachable, a Slack or Teams
 * credential missing), and what each says asserted. Doctor exits 1 naming the problem (a feed is a
 * warning, exit 0, as /healthz keeps a replica in service when a news site is down); serve refuses
 * to start on what it cannot run with, and /healthz turns 503 with a reason for what breaks while
 * it runs. Neither ever prints a password.
 */

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { canMountTmpfs, fillDisk, mountTmpfs } from "../helpers/disk-faults.js";
import { ROOT, runNhsai } from "../helpers/factories.js";
import { freePort, nhsaiEnv } from "../helpers/processes.js";
import { type ServeProcess, startServe } from "../teams/serve-process.js";

const cli = join(ROOT, "dist", "adapters", "cli", "nhsai.js");
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "nhsai-faults-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** `nhsai serve` run to its exit (a start-up refusal), in a clean environment plus `env`. */
async function serveExit(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [cli, "serve", "--allow-idle"], {
    env: nhsaiEnv({ PORT: String(await freePort()), ...env }),
    encoding: "utf8",
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function serving(
  env: Record<string, string>,
): Promise<ServeProcess & { health: () => Promise<HealthBody & { code: number }> }> {
  const serve = await startServe(env);
  cleanups.push(() => serve.stop());
  return Object.assign(serve, {
    health: async () => {
      const res = await fetch(`http://127.0.0.1:${serve.port}/healthz`);
      return { code: res.status, ...((await res.json()) as HealthBody) };
    },
  });
}

interface HealthBody {
  status: string;
  reason?: string;
  store: { state: string };
  ready?: Record<string, { ready: boolean; reason?: string }>;
}

const problemLines = (stdout: string) => stdout.split("\n").filter((line) => line.includes("PROBLEM"));

describe("a broken dependency, as doctor and serve report it", () => {
  it("a store file overwritten with junk: doctor names the file's problem, serve refuses to start", async () => {
    const dir = tempDir();
    expect((await runNhsai(["doctor"], "", { DATA_DIR: dir })).code).toBe(0);
    writeFileSync(join(dir, "nhsai.db"), Buffer.alloc(64 * 1024, 0x5a));
    rmSync(join(dir, "nhsai.db-wal"), { force: true });
    const doctor = await runNhsai(["doctor"], "", { DATA_DIR: dir });
    expect(doctor.code).toBe(1);
    expect(problemLines(doctor.stdout).join("\n")).toMatch(/store: .*(not a database|damaged)/);
    const serve = await serveExit({ DATA_DIR: dir });
    expect(serve.code).toBe(1);
    expect(serve.stderr.trim().split("\n")).toHaveLength(1);
    expect(serve.stderr).toMatch(/nhsai serve: .*store.*(not a database|damaged)/);
  });

  it.skipIf(!canMountTmpfs)(
    "its disk read-only: doctor says the store cannot be written, serve refuses to start",
    async () => {
      const disk = mountTmpfs(32);
      cleanups.push(disk.remove);
      expect((await runNhsai(["doctor"], "", { DATA_DIR: disk.dir })).code).toBe(0);
      // Remounted once nothing holds the store open (a mount in use cannot be remounted read-only).
      execFileSync("mount", ["-o", "remount,ro", disk.dir]);
      const doctor = await runNhsai(["doctor"], "", { DATA_DIR: disk.dir });
      expect(doctor.code).toBe(1);
      expect(problemLines(doctor.stdout).join("\n")).toMatch(
        /store: .*cannot be written: its folder or disk is read-only/,
      );
      const serve = await serveExit({ DATA_DIR: disk.dir });
      expect(serve.code).toBe(1);
      expect(serve.stderr.trim().split("\n")).toHaveLength(1);
      expect(serve.stderr).toMatch(/nhsai serve: .*read-only/);
    },
    40_000,
  );

  it.skipIf(!canMountTmpfs)(
    "its disk full: doctor says the disk is full, /healthz is 503 naming it",
    async () => {
      const disk = mountTmpfs(24);
      cleanups.push(disk.remove);
      const serve = await serving({ DATA_DIR: disk.dir });
      fillDisk(disk.dir, 24);
      await expect.poll(async () => (await serve.health()).code, { timeout: 20_000, interval: 500 }).toBe(503);
      expect((await serve.health()).reason).toMatch(/full/);
      const doctor = await runNhsai(["doctor"], "", { DATA_DIR: disk.dir });
      expect(doctor.code).toBe(1);
      expect(problemLines(doctor.stdout).join("\n")).toMatch(/store: .*full/);
    },
    40_000,
  );

  it("PostgreSQL down: doctor and serve name where it was looked for, never the password", async () => {
    const port = await freePort();
    const url = `postgres://nhsai:Pa55-word@127.0.0.1:${port}/nhsai`;
    const doctor = await runNhsai(["doctor"], "", { DATABASE_URL: url });
    expect(doctor.code).toBe(1);
    expect(problemLines(doctor.stdout).join("\n")).toMatch(new RegExp(`store: .*127\\.0\\.0\\.1:${port}`));
    const serve = await serveExit({ DATABASE_URL: url });
    expect(serve.code).toBe(1);
    expect(serve.stderr).toMatch(new RegExp(`127\\.0\\.0\\.1:${port}`));
    expect(doctor.stdout + doctor.stderr + serve.stdout + serve.stderr).not.toContain("Pa55-word");
  }, 30_000);

  it("a feed unreachable: /healthz stays 200 and notes it, doctor warns (exit 0), --online tries it", async () => {
    const dir = tempDir();
    const feed = `http://127.0.0.1:${await freePort()}/feed.xml`;
    const env = { DATA_DIR: dir, FEEDS: feed, INGEST_ALLOW_PRIVATE: "1" };
    const serve = await serving(env);
    await expect
      .poll(async () => (await serve.health()).ready?.feeds?.reason ?? "", { timeout: 15_000, interval: 300 })
      .toMatch(/1 of 1 .*failed/);
    expect((await serve.health()).code).toBe(200);
    await serve.stop();
    const doctor = await runNhsai(["doctor"], "", env);
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toMatch(new RegExp(`WARNING  feeds: ${feed.replaceAll(".", "\\.")} failed at its last read`));
    const online = await runNhsai(["doctor", "--online"], "", env);
    expect(online.stdout).toMatch(/WARNING {2}online: feed .* could not be read/);
    expect(online.stdout).toMatch(/online: 0 of 1 feeds answered/);
  }, 40_000);

  it.each([
    ["Slack's bot token", { SLACK_SIGNING_SECRET: "a-signing-secret-0123456789" }, /SLACK_BOT_TOKEN/],
    ["Slack's signing secret", { SLACK_BOT_TOKEN: "xoxb-1-2-3" }, /SLACK_SIGNING_SECRET/],
    [
      "Teams' password",
      { MICROSOFT_APP_ID: "00000000-0000-4000-8000-000000000001", MICROSOFT_APP_TYPE: "MultiTenant" },
      /MICROSOFT_APP_PASSWORD/,
    ],
  ])(
    "%s missing: doctor and serve both name the variable",
    async (_name, env, variable) => {
      const dir = tempDir();
      const doctor = await runNhsai(["doctor"], "", { DATA_DIR: dir, ...env });
      expect(doctor.code).toBe(1);
      expect(problemLines(doctor.stdout).join("\n")).toMatch(variable);
      const serve = await serveExit({ DATA_DIR: dir, ...env });
      expect(serve.code).toBe(1);
      expect(serve.stderr.trim().split("\n")).toHaveLength(1);
      expect(serve.stderr).toMatch(variable);
    },
    30_000,
  );
});
