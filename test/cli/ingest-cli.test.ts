/** `nhsai ingest` as a process, then `ask`, `digest` and `command` answering from what it stored. */

import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { appendFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readInputFile } from "../../adapters/cli/read-input-file.js";
import { plainRuns, type Reply } from "../../src/reply.js";
import { openEmbeddedStore } from "../../src/store/embedded/open-embedded-store.js";
import { runNhsai } from "../helpers/factories.js";
import { FIXTURES, type FixtureSite, startFixtureSite } from "../ingest/fixture-site.js";

let site: FixtureSite;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  site = await startFixtureSite();
  dir = mkdtempSync(join(tmpdir(), "nhsai-ingest-cli-"));
  env = { DATA_DIR: join(dir, "data"), INGEST_ALLOW_PRIVATE: "1" };
});
afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("nhsai ingest", () => {
  it("ingests a folder and a feed, reports a bad page in one line on stderr, and exits 1 for it", async () => {
    const { code, stdout, stderr } = await runNhsai(
      ["ingest", join(FIXTURES, "files"), `${site.base}/a/feed.rss`, `${site.base}/index.html`],
      "",
      env,
    );
    expect(stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^error: .*tiny\.txt is not an article \(only \d+ words of text\)$/),
      expect.stringMatching(/^error: http:\/\/127\.0\.0\.1:\d+\/index\.html is not an article page \(.+\)$/),
    ]);
    expect(stdout).toContain(
      "added: “Virtual wards cut readmissions by a fifth in Eastmoor” (Eastmoor Health Bulletin)",
    );
    expect(stdout).toContain(
      "added: “Northshire trust to spend £3.2m on AI that reads chest X-rays” (Northern Health Chronicle)",
    );
    expect(stdout).toMatch(/nhsai ingest: 4 added, 0 already held, 2 errors\n$/);
    expect(code).toBe(1);
  });

  it("makes what it stored answerable by ask, and part of the digest and the sources list", async () => {
    const asked = await runNhsai(
      ["ask", "How much will Northshire spend on the AI that reads chest X-rays?", "--json"],
      "",
      env,
    );
    expect(asked.code).toBe(0);
    const answer = JSON.parse(asked.stdout);
    expect(answer).toMatchObject({ abstained: false, citations: [{ publisher: "Northern Health Chronicle" }] });
    expect(answer.answer).toContain("£3.2m");

    const digest = JSON.parse((await runNhsai(["digest", "--json"], "", env)).stdout);
    expect(digest.items.map((i: { headline: string }) => i.headline)).toContain(
      "Northshire trust to spend £3.2m on AI that reads chest X-rays",
    );
    const sources = await commandText("sources");
    expect(sources).toContain("9 articles");
    expect(sources).toMatch(new RegExp(`${site.base}/a/feed\\.rss — last read \\w+day \\d+ \\w+ \\d{4} at \\d`));
  });

  it("follows and unfollows a feed from the terminal with sources add / remove", async () => {
    const feed = "https://feeds.example/nhs-digital.xml";
    expect(await commandText(`sources add ${feed}`)).toContain(`I'm now following ${feed}.`);
    expect(await commandText("sources")).toContain(`${feed} — not read yet`);
    expect(await commandText(`sources remove ${feed}`)).toContain(`I've stopped following ${feed}.`);
  });

  it("lists the feeds at the terminal, with why one fails only under --verbose", async () => {
    const feed = `${site.base}/missing.rss`;
    const store = await openEmbeddedStore({ dataDir: env.DATA_DIR as string, now: new Date() });
    try {
      await store.saveFeed(feed, "cli", new Date("2026-11-23T09:00:00Z"));
      await store.recordFeedRead(
        feed,
        { error: "the server answered 404 Not Found" },
        new Date("2026-11-23T10:00:00Z"),
      );
    } finally {
      await store.close();
    }
    const plain = await runNhsai(["sources"], "", env);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain(
      `${feed}\n  not read yet\n  could not be read since Monday 23 November 2026 at 9am\n`,
    );
    expect(plain.stdout).not.toContain("the server answered"); // the reason, not "404": the loopback port may hold those digits
    const verbose = await runNhsai(["sources", "--verbose"], "", env);
    expect(verbose.stdout).toContain(
      "  latest error (Monday 23 November 2026 at 10am): the server answered 404 Not Found\n",
    );
  });

  it("holds a second run's items as duplicates and stores nothing twice", async () => {
    const { code, stdout } = await runNhsai(["ingest", join(FIXTURES, "files", "virtual-wards.md")], "", env);
    expect(stdout).toMatch(/^already held: .*virtual-wards\.md \(same URL as virtual-wards-cut-readmissions/);
    expect(code).toBe(0);
  });

  it("refuses loopback URLs unless INGEST_ALLOW_PRIVATE=1, and says which setting allows them", async () => {
    const { code, stderr } = await runNhsai(["ingest", `${site.base}/a/feed.rss`], "", {
      DATA_DIR: env.DATA_DIR as string,
    });
    expect(stderr).toBe(
      `error: ${site.base}/a/feed.rss is a loopback address, which is read only with INGEST_ALLOW_PRIVATE=1\n`,
    );
    expect(code).toBe(1);
  });

  it("names a missing path and a file over the size limit, one line each, and stores neither", async () => {
    const big = join(dir, "huge.txt");
    writeFileSync(big, "word ".repeat(1_100_000));
    const missing = join(dir, "no-such-file.md");
    const { code, stdout, stderr } = await runNhsai(["ingest", missing, big], "", env);
    expect(stderr).toBe(
      `error: ${missing} cannot be read (no such file or folder, ENOENT)\nerror: ${big} is larger than the 5 MB limit\n`,
    );
    expect(stdout).toBe("nhsai ingest: 0 added, 0 already held, 2 errors\n");
    expect(code).toBe(1);
  });

  it("refuses a named pipe, /dev/zero and a socket at once, and still ingests the good file beside them", async () => {
    const fifo = join(dir, "pipe.md");
    execFileSync("mkfifo", [fifo]);
    const socketPath = join(dir, "feed.sock");
    const socket = createServer().listen(socketPath);
    await once(socket, "listening");
    const good = join(dir, "ward-robots.md");
    writeFileSync(
      good,
      "# Ward robots deliver medicines overnight at Westvale\n\n" +
        "Westvale General Hospital has started using two small robots to carry medicines from the pharmacy " +
        "to its wards overnight, freeing porters for urgent jobs. The trust said the robots made 340 trips in " +
        "their first month and that nurses now wait eleven minutes less, on average, for a missing dose.\n",
    );
    try {
      const started = Date.now();
      const { code, stdout, stderr } = await runNhsai(["ingest", fifo, "/dev/zero", socketPath, good], "", env);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(stderr).toBe(
        `error: ${fifo} is a named pipe, not a regular file, so it is not read\n` +
          "error: /dev/zero is a device, not a regular file, so it is not read\n" +
          `error: ${socketPath} is a socket, not a regular file, so it is not read\n`,
      );
      expect(stdout).toContain("added: “Ward robots deliver medicines overnight at Westvale”");
      expect(stdout).toMatch(/nhsai ingest: 1 added, 0 already held, 3 errors\n$/);
      expect(code).toBe(1);
    } finally {
      socket.close();
    }
  });

  it("prints a headline full of terminal escapes and bidi overrides clean, and stores it clean", async () => {
    const dataDir = join(dir, "escapes-data");
    const { code, stdout } = await runNhsai(["ingest", `${site.base}/escapes.html`], "", { ...env, DATA_DIR: dataDir });
    expect(code).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: it looks for control characters
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(stdout).toContain("added: “Digital nurses network reaches 2,000 members”");
    const store = await openEmbeddedStore({ dataDir, now: new Date() });
    try {
      expect((await store.listDocuments()).map((d) => d.title)).toEqual([
        "Digital nurses network reaches 2,000 members",
      ]);
    } finally {
      await store.close();
    }
  });

  it("is a usage error (exit 2) without anything to ingest", async () => {
    const { code, stderr } = await runNhsai(["ingest"], "", env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/give files, folders or URLs/);
  });
});

/** `nhsai command "<text>" --json`, each block's runs joined: the words without line wrapping. */
async function commandText(text: string): Promise<string> {
  const { stdout } = await runNhsai(["command", text, "--json"], "", env);
  const reply = JSON.parse(stdout) as Reply;
  return reply.sections
    .flatMap((s) => s.blocks)
    .flatMap((b) => (b.type === "bullets" ? b.items.map((i) => plainRuns(i.runs)) : [plainRuns(b.runs)]))
    .join("\n");
}

describe("reading an input file", () => {
  it("counts bytes while reading: a file that grew past the limit after it was looked at is refused", async () => {
    const path = join(dir, "growing.txt");
    writeFileSync(path, "short");
    const lookedAt = statSync(path);
    appendFileSync(path, "x".repeat(200_000));
    expect(await readInputFile(path, lookedAt, 100_000)).toEqual({
      ok: false,
      reason: "is larger than the 98 KB limit",
    });
    expect(await readInputFile(path, statSync(path), 300_000)).toMatchObject({ ok: true });
  });
});
