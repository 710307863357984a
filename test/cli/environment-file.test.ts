/** `nhsai --version`, and settings read from ./.env as an operator writes it from .env.example. */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/factories.js";
import { outputOf } from "../helpers/processes.js";

const CLI = join(ROOT, "dist", "adapters", "cli", "nhsai.js");
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** `nhsai <args>` started in `cwd`, with only PATH and `env` set (so .env is read as a user's shell would). */
function nhsaiIn(cwd: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { PATH: process.env.PATH ?? "", ...env } });
  child.stdin.end();
  return outputOf(child);
}

function folderWithEnvFile(lines: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), "nhsai-dotenv-"));
  folders.push(folder);
  writeFileSync(join(folder, ".env"), `${lines.join("\n")}\n`);
  return folder;
}

describe("nhsai --version", () => {
  it("prints the package's version and exits 0", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    for (const flag of ["--version", "-v"]) {
      const result = await nhsaiIn(ROOT, [flag], { NHSAI_DOTENV: "off" });
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`nhsai ${version}\n`);
    }
  });
});

describe("settings in ./.env", () => {
  it("are read from the current folder, comments and blank lines allowed", async () => {
    const folder = folderWithEnvFile(["# where the store lives", "", "DATA_DIR=./store-from-dotenv"]);
    const result = await nhsaiIn(folder, ["doctor"]);
    expect(result.stdout).toContain("store-from-dotenv/nhsai.db");
  });

  it("lose to a variable set in the real environment", async () => {
    const folder = folderWithEnvFile(["DATA_DIR=./store-from-dotenv"]);
    const result = await nhsaiIn(folder, ["doctor"], { DATA_DIR: join(folder, "store-from-the-shell") });
    expect(result.stdout).toContain("store-from-the-shell/nhsai.db");
    expect(result.stdout).not.toContain("store-from-dotenv");
  });

  it("are checked like any other setting: a bad value stops with the variable named", async () => {
    const folder = folderWithEnvFile(["PORT=not-a-port"]);
    const result = await nhsaiIn(folder, ["serve"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PORT/);
  });
});
