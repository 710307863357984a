/**
 * Hostile input on the command line: every command and flag of the built `nhsai` with empty, huge,
 * binary, right-to-left and emoji arguments, nonsense dates, unknown flags, missing files, a
 * directory, /dev/zero and a named pipe; and the terminal chat fed the same through its stdin. Each
 * run must end with 0, 1 or 2 (never a signal or a crash status), say why in plain words (no stack
 * trace), keep `--json`'s stdout one JSON document, print no terminal escape, and change nothing
 * in the store.
 */

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readInputFile } from "../../adapters/cli/read-input-file.js";
import { runNhsai } from "../helpers/factories.js";
import { hostileSeed, NASTY_TEXT, randomTexts, storeFingerprint } from "./hostile-corpus.js";

const seed = hostileSeed("cli-hostile");
let dir = "";
let env: Record<string, string> = {};
let before = "";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "nhsai-cli-hostile-"));
  env = { DATA_DIR: join(dir, "data") };
  // The store exists before the hostile runs, so "changed nothing" compares two real states.
  expect((await runNhsai(["doctor"], "", env)).code).toBe(0);
  before = storeFingerprint(env.DATA_DIR as string);
  mkdirSync(join(dir, "empty-folder"));
  writeFileSync(join(dir, "empty.txt"), "");
  writeFileSync(join(dir, "nul.txt"), Buffer.from("NHS\u0000trust\u0000".repeat(2_000), "latin1"));
  writeFileSync(join(dir, "binary.bin"), Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 131) % 256)));
  const strayBytes = Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xa0]);
  const sentence = Buffer.from("The trust said its new patient record system went live across every ward this week. ");
  writeFileSync(
    join(dir, "invalid-utf8.md"),
    Buffer.concat([Buffer.from("# Title\n\n"), sentence, strayBytes, sentence]),
  );
  writeFileSync(join(dir, "one-long-line.txt"), "word ".repeat(1_300_000));
  execFileSync("mkfifo", [join(dir, "pipe")]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Arguments that no person should type, one that a shell can pass (argv holds no NUL). */
const ARGS = NASTY_TEXT.filter(
  ([, text]) => !text.includes(String.fromCharCode(0)) && Buffer.from(text).toString() === text,
).map(([name, text]) => [name, text.slice(0, 100_000)] as const);

const usageRuns: ReadonlyArray<readonly string[]> = [
  ["frobnicate"],
  ["💥"],
  [""],
  ["--bogus"],
  ["ask"],
  ["ask", "--bogus", "x"],
  ["ask", "x", "--json=yes"],
  ["command", "--topic"],
  ["digest", "--since"],
  ["digest", "--since", ""],
  ["digest", "--since", "yesterday"],
  ["digest", "--since", "2026-13-45"],
  ["digest", "--since", "2026-02-30"],
  ["digest", "--since", "0000-00-00"],
  ["digest", "--since", "-1"],
  ["digest", "--since", "9".repeat(5_000)],
  ["digest", "--format", "xml"],
  ["digest", "--format", ""],
  ["digest", "--topic", ""],
  ["digest", "--topic", "💷🏥"],
  ["digest", "--topic", "\u202Efunding"],
  ["run-due", "--at", "soon"],
  ["run-due", "--at", ""],
  ["run-due", "--at", "2026-11-23T25:61:00Z"],
  ["schedules", "extra"],
  ["sources", "--verbose", "--verbose", "x"],
  ["doctor", "--online=1"],
  ["serve", "--port", "-1"],
  ["serve", "--port", "99999"],
  ["serve", "--port", "🚪"],
  ["serve", "--host", ""],
  ["ingest"],
  ["ingest", "--refresh"],
];

const fileRuns = (): ReadonlyArray<readonly string[]> => [
  ["ingest", join(dir, "missing.txt")],
  ["ingest", join(dir, "empty-folder")],
  ["ingest", join(dir, "empty.txt")],
  ["ingest", join(dir, "nul.txt")],
  ["ingest", join(dir, "binary.bin")],
  ["ingest", join(dir, "invalid-utf8.md")],
  ["ingest", join(dir, "one-long-line.txt")],
  ["ingest", "/dev/zero"],
  ["ingest", join(dir, "pipe")],
  ["ingest", "not a url or a file"],
  ["ingest", "file:///etc/passwd"],
  ["ingest", "http://169.254.169.254/latest/meta-data/"],
  ["ingest", "--refresh", join(dir, "missing.txt")],
];

/** An escape sequence that does more than colour (clear the screen, set the title…); NO_COLOR is set anyway. */
const TERMINAL_CONTROL = new RegExp(`${String.fromCharCode(27)}(\\[(?![0-9;]*m)|\\])`);

/** What every run must be, whatever it was given. */
function expectHandled(
  args: readonly string[],
  out: { code: number | null; signal: string | null; stdout: string; stderr: string },
) {
  const label = JSON.stringify(args).slice(0, 120);
  expect(out.signal, label).toBeNull();
  expect([0, 1, 2], `${label} exit ${out.code}: ${out.stderr.slice(0, 300)}`).toContain(out.code);
  expect(out.stderr, label).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(out.stderr + out.stdout, label).not.toMatch(TERMINAL_CONTROL);
  if (out.code !== 0) expect(out.stderr.trim(), label).not.toBe("");
  if (args.includes("--json") && out.code === 0) expect(() => JSON.parse(out.stdout), label).not.toThrow();
}

/** Runs `runs` two at a time (the machine has two cores). */
async function runAll(runs: ReadonlyArray<readonly string[]>, stdin = "") {
  const queue = [...runs];
  const lane = async () => {
    for (let args = queue.shift(); args; args = queue.shift()) {
      const out = await runNhsai([...args], stdin, env);
      expectHandled(args, out);
    }
  };
  await Promise.all([lane(), lane()]);
}

describe("nhsai on the command line, given nonsense", () => {
  it("refuses bad usage of every command with exit 2 (or a plain failure), never a crash", async () => {
    await runAll(usageRuns);
  }, 120_000);

  it("reports missing files, a folder, /dev/zero, a pipe and unreadable input in plain words", async () => {
    await runAll(fileRuns());
  }, 120_000);

  it("refuses a binary file as not text, and still reads a text with a few stray bytes", async () => {
    const binary = await runNhsai(["ingest", join(dir, "binary.bin"), join(dir, "nul.txt")], "", env);
    expect(binary.code).toBe(1);
    expect(binary.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/binary\.bin is not text \(it looks like a binary file\)/),
      expect.stringMatching(/nul\.txt is not text/),
    ]);
    const strayBytes = await readInputFile(join(dir, "invalid-utf8.md"), statSync(join(dir, "invalid-utf8.md")), 1e6);
    expect(strayBytes).toMatchObject({ ok: true, text: expect.stringContaining("# Title") });
  });

  it("answers ask, command and digest --topic given hostile text, with one JSON document under --json", async () => {
    await runAll(
      ARGS.flatMap(([, text]) => [
        ["ask", text, "--json"],
        ["command", text, "--json"],
      ]),
    );
  }, 180_000);

  it(`answers random arguments (fast-check, seed ${seed})`, async () => {
    const texts = randomTexts(seed, 6).map((t) => Buffer.from(t.replaceAll(String.fromCharCode(0), "")).toString());
    await runAll(texts.flatMap((text) => [["ask", text], ["digest", "--topic", text], [text]]));
  }, 180_000);

  it("the terminal chat answers every hostile line and leaves at the end of its input", async () => {
    const lines = [...NASTY_TEXT.map(([, text]) => text.replace(/[\r\n]/g, " ")), ...randomTexts(seed, 20)];
    const out = await runNhsai(["shell"], `${lines.join("\n")}\n`, env);
    expectHandled(["shell"], out);
    expect(out.code).toBe(0);
  }, 60_000);

  it("changed nothing in the store", () => {
    expect(storeFingerprint(env.DATA_DIR as string)).toBe(before);
  });
});
