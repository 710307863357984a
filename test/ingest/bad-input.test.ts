/**
 * Bad input, one item at a time in a batch: each gets one clear reason, the good items around it
 * are still ingested, and nothing already stored is lost.
 */

import { afterEach, beforeEach, expect, it } from "vitest";
import { DEFAULT_FETCH_LIMITS } from "../../src/ingest/fetch-safely.js";
import { describeOutcome, type IngestOutcome } from "../../src/ingest/ingest-outcome.js";
import { type IngestDeps, Ingester } from "../../src/ingest/ingester.js";
import { checkUrl } from "../../src/ingest/url-safety.js";
import { openMemoryStore } from "../../src/store/embedded/open-embedded-store.js";
import type { Store } from "../../src/store/store.js";
import { FIXED_NOW, makeDocument, seedLibrary } from "../helpers/factories.js";
import { freePort } from "../helpers/processes.js";
import { type FixtureSite, startFixtureSite } from "./fixture-site.js";

let site: FixtureSite;
let store: Store;

beforeEach(async () => {
  site = await startFixtureSite();
  store = await openMemoryStore(FIXED_NOW);
});
afterEach(async () => {
  await site.close();
  await store.close();
});

function ingester(overrides: Partial<IngestDeps> = {}): Ingester {
  return new Ingester({
    store,
    library: seedLibrary(),
    fetch,
    resolve: async () => ["127.0.0.1"],
    allowPrivate: true,
    limits: { ...DEFAULT_FETCH_LIMITS, timeoutMs: 1_500, maxBytes: 256 * 1024 },
    now: () => FIXED_NOW,
    who: "cli",
    ...overrides,
  });
}

it("reports each bad item in one line, ingests the rest of the batch and keeps what was stored", async () => {
  const kept = makeDocument({ id: "stored-before" });
  await store.addDocument(kept, "cli", FIXED_NOW);
  const closed = await freePort();
  const ingest = ingester();
  const inputs = [
    `${site.base}/broken.rss`,
    `${site.base}/index.html`,
    `${site.base}/a/digital-nurses.html`,
    `${site.base}/huge.html`,
    `http://127.0.0.1:${closed}/feed.xml`,
    `${site.base}/missing.html`,
    `${site.base}/to-metadata`,
    "file:///etc/passwd",
    "http://169.254.169.254/latest/meta-data/",
  ];
  const outcomes: IngestOutcome[] = [];
  for (const url of inputs) outcomes.push(...(await ingest.ingestUrl(url)));
  const lines = outcomes.map(describeOutcome);
  expect(lines).toHaveLength(inputs.length);
  expect(lines[0]).toMatch(/^error: .*broken\.rss is a malformed feed \(line \d+: .+\)$/);
  expect(lines[1]).toMatch(/index\.html is not an article page/);
  expect(lines[2]).toMatch(/^added: “Digital nurses network reaches 2,000 members” \(Northern Health Chronicle\)/);
  expect(lines[3]).toMatch(/huge\.html is larger than the 256 KB limit$/);
  expect(lines[4]).toMatch(/could not be read \(ECONNREFUSED\)$/);
  expect(lines[5]).toMatch(/missing\.html the server answered 404 Not Found$/);
  expect(lines[6]).toMatch(
    /to-metadata redirected to a URL that .*link-local \(cloud metadata\) address, which is never read/,
  );
  expect(lines[7]).toMatch(/uses file:, and only http and https are read/);
  expect(lines[8]).toMatch(/link-local \(cloud metadata\) address, which is never read/);
  for (const line of lines) expect(line).not.toContain("\n");
  const stored = (await store.listDocuments()).map((d) => d.id);
  expect(stored.sort()).toEqual([expect.stringMatching(/^digital-nurses/), kept.id]);
});

it("gives up on a server that trickles its answer, at the deadline", async () => {
  const started = performance.now();
  const [outcome] = await ingester().ingestUrl(`${site.base}/slow.html`);
  const elapsed = performance.now() - started;
  expect(outcome).toMatchObject({ status: "failed", reason: "no complete answer within 1.5 s" });
  expect(elapsed).toBeGreaterThanOrEqual(1_400);
  expect(elapsed).toBeLessThan(8_000);
});

it("refuses loopback and private addresses, after DNS, unless INGEST_ALLOW_PRIVATE allows them", async () => {
  const policy = (allowPrivate: boolean, addresses: string[]) => ({ allowPrivate, resolve: async () => addresses });
  expect(await checkUrl("http://news.example/feed", policy(false, ["127.0.0.1"]))).toEqual({
    ok: false,
    reason: "resolves to 127.0.0.1, a loopback address, which is read only with INGEST_ALLOW_PRIVATE=1",
  });
  expect(await checkUrl("http://news.example/feed", policy(false, ["93.184.215.14", "10.0.0.7"]))).toMatchObject({
    ok: false,
    reason: expect.stringContaining("10.0.0.7, a private address"),
  });
  expect(await checkUrl("http://[::ffff:192.168.1.1]/", policy(false, []))).toMatchObject({ ok: false });
  expect(await checkUrl("http://[fd00::1]/", policy(false, []))).toMatchObject({ ok: false });
  expect(await checkUrl("http://news.example/feed", policy(true, ["127.0.0.1"]))).toMatchObject({ ok: true });
  expect(await checkUrl("http://news.example/feed", policy(false, ["93.184.215.14"]))).toMatchObject({ ok: true });
  for (const metadata of ["http://169.254.169.254/", "http://[fe80::1]/", "http://metadata.google.internal/"])
    expect(await checkUrl(metadata, policy(true, ["169.254.169.254"]))).toMatchObject({ ok: false });
  expect(await checkUrl("http://user:pw@news.example/", policy(true, ["93.184.215.14"]))).toMatchObject({ ok: false });

  const refused = await ingester({ allowPrivate: false }).ingestUrl(`${site.base}/a/feed.rss`);
  expect(refused).toMatchObject([{ status: "failed", reason: expect.stringContaining("INGEST_ALLOW_PRIVATE=1") }]);
  expect(site.hits.size).toBe(0);
});
