/** `nhsai serve` polls FEEDS at start and serves the new articles without a restart. */

import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { createJsonLogger } from "../../adapters/cli/json-logger.js";
import { ROOT } from "../helpers/factories.js";
import { freePort, nhsaiEnv, outputOf } from "../helpers/processes.js";
import { type FixtureSite, startFixtureSite } from "../ingest/fixture-site.js";

const seeds = readdirSync(join(ROOT, "seeds", "articles")).filter((f) => f.endsWith(".json")).length;

let site: FixtureSite | undefined;
let dir: string | undefined;

afterEach(async () => {
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** `nhsai serve` on a free port over a new data directory, following `feeds`, loopback allowed. */
async function startServe(feeds: string) {
  dir = mkdtempSync(join(tmpdir(), "nhsai-serve-feeds-"));
  const port = await freePort();
  const env = nhsaiEnv({ DATA_DIR: dir, PORT: String(port), FEEDS: feeds, INGEST_ALLOW_PRIVATE: "1" });
  const child = spawn(process.execPath, [join(ROOT, "dist", "adapters", "cli", "nhsai.js"), "serve", "--allow-idle"], {
    env,
  });
  return { port, child, output: outputOf(child) };
}

it("reads the FEEDS at start, records the read, and counts the new articles in /healthz", async () => {
  site = await startFixtureSite();
  const { port, child, output } = await startServe(`${site.base}/conditional.rss`);
  try {
    let documents = 0;
    for (let tries = 0; tries < 100 && documents < seeds + 2; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      const response = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
      if (response) documents = ((await response.json()) as { documents: number }).documents;
    }
    expect(documents).toBe(seeds + 2);
    expect(site.hits.get("/conditional.rss")).toBe(1);
  } finally {
    child.kill("SIGTERM");
  }
  const { code, stderr } = await output;
  expect(code).toBe(0);
  expect(stderr).toMatch(/"event":"ingest_added"/);
  expect(stderr).not.toMatch(/ingest_failed|feed_poll_failed/);
});

it("refuses a password in FEEDS at start, naming FEEDS without printing the password", async () => {
  const { output } = await startServe(
    "https://news.example/feed.xml,https://nurse:S3cr3t-pw@intranet.example/feed.xml",
  );
  const { code, stdout, stderr } = await output;
  expect(code).toBe(1);
  expect(stderr).toMatch(/FEEDS must not hold a user name or password in a URL/);
  expect(stdout + stderr).not.toContain("S3cr3t-pw");
});

it("masks a URL's password in a log line, whatever it holds", () => {
  const lines: string[] = [];
  const log = createJsonLogger((line) => lines.push(line), "info");
  log.warn("ingest_failed", { source: "https://nurse:p%40ss:w0rd!@intranet.example/feed.xml", reason: "answered 500" });
  expect(lines.join("")).not.toMatch(/nurse|p%40ss|w0rd/);
  expect(lines.join("")).toContain("https://[redacted]@intranet.example/feed.xml");
});

it("keeps answering /healthz while a hostile page on a followed feed is being parsed", async () => {
  site = await startFixtureSite();
  const { port, child, output } = await startServe(`${site.base}/deep.rss`);
  try {
    for (let tries = 0; tries < 100 && !site.hits.get("/deep.html"); tries++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(site.hits.get("/deep.html")).toBe(1);
    // The page takes Readability tens of seconds; on the event loop, /healthz would wait for all of it.
    let slowest = 0;
    for (let probe = 0; probe < 20; probe++) {
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      await response.arrayBuffer();
      slowest = Math.max(slowest, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(slowest).toBeLessThan(1_000);
  } finally {
    child.kill("SIGKILL");
  }
  await output;
});
