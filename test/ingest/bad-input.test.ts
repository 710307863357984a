/**
 * Bad input, one item at a time in a batch: each gets one clear reason, the good items around it
 * are still ingested, and nothing already stored is lost.
 */

import { expect, it } from "vitest";
import { guarded } from "../../src/ingest/article-draft.js";
import { describeOutcome, type IngestOutcome } from "../../src/ingest/ingest-outcome.js";
import { checkUrl } from "../../src/ingest/url-safety.js";
import { FIXED_NOW, makeDocument } from "../helpers/factories.js";
import { freePort } from "../helpers/processes.js";
import { useIngestHarness } from "./ingest-harness.js";

const h = useIngestHarness({ timeoutMs: 1_500 });

it("reports each bad item in one line, ingests the rest of the batch and keeps what was stored", async () => {
  const kept = makeDocument({ id: "stored-before" });
  await h.store.addDocument(kept, "cli", FIXED_NOW);
  const closed = await freePort();
  const ingest = h.ingester();
  const inputs = [
    `${h.site.base}/broken.rss`,
    `${h.site.base}/index.html`,
    `${h.site.base}/a/digital-nurses.html`,
    `${h.site.base}/huge.html`,
    `http://127.0.0.1:${closed}/feed.xml`,
    `${h.site.base}/missing.html`,
    `${h.site.base}/to-metadata`,
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
  expect(lines[6]).toMatch(/to-metadata redirected to a URL that is a cloud metadata address, which is never read$/);
  expect(lines[7]).toMatch(/uses file:, and only http and https are read/);
  expect(lines[8]).toMatch(/is a cloud metadata address, which is never read$/);
  for (const line of lines) expect(line).not.toContain("\n");
  const stored = (await h.store.listDocuments()).map((d) => d.id);
  expect(stored.sort()).toEqual([expect.stringMatching(/^digital-nurses/), kept.id]);
});

it("gives up on a server that trickles its answer, at the deadline", async () => {
  const started = performance.now();
  const [outcome] = await h.ingester().ingestUrl(`${h.site.base}/slow.html`);
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
  const unresolvable = {
    allowPrivate: true,
    resolve: async () => Promise.reject(Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" })),
  };
  expect(await checkUrl("https://no-such-host.invalid/feed", unresolvable)).toEqual({
    ok: false,
    reason: "host no-such-host.invalid could not be resolved (ENOTFOUND)",
  });

  const refused = await h.ingester({ allowPrivate: false }).ingestUrl(`${h.site.base}/a/feed.rss`);
  expect(refused).toMatchObject([{ status: "failed", reason: expect.stringContaining("INGEST_ALLOW_PRIVATE=1") }]);
  expect(h.site.hits.size).toBe(0);
});

it("turns a parser that throws on hostile input into that item's one-line failure", async () => {
  const throwing = () => {
    throw new Error("Aborting parsing document; 250001 elements found\n    at Readability.parse");
  };
  expect(await guarded(throwing)).toEqual({
    ok: false,
    reason: "could not be read (Aborting parsing document; 250001 elements found)",
  });
});
