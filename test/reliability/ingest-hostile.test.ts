/**
 * Hostile input on ingestion, through a spawned `nhsai serve` following feeds on a loopback site
 * that serves the worst it can: a page of 100,000 nested elements, a 50 MB single line, invalid
 * UTF-8, a gzip bomb, a feed declaring XML entities (billion laughs), a feed that redirects to
 * itself and a feed item that does. Meanwhile /healthz is polled: its p99 must stay low, which
 * holds only because parsing runs in worker threads with a time budget, off the event loop. Then
 * every hostile item must have failed alone, nothing must have been stored, and serve must still run.
 */

import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServeProcess, startServe } from "../teams/serve-process.js";

let site: Server;
let siteBase = "";
let serve: ServeProcess;
const hits = new Map<string, number>();

const item = (path: string) =>
  `<item><title>Trust news ${path}</title><link>${siteBase}${path}</link><pubDate>Tue, 17 Nov 2026 09:30:00 GMT</pubDate></item>`;
const feed = (...paths: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Hostile</title><link>${siteBase}/</link>${paths.map(item).join("")}</channel></rss>`;

const LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from(
  { length: 9 },
  (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`,
).join("")}]><rss version="2.0"><channel><title>&lol9;</title></channel></rss>`;

/** 1 GB of zeros, gzipped to about 1 MB: what a client that inflates without counting would hold. */
const GZIP_BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
const BOMB_COPIES = 16;

function startSite(): Promise<void> {
  site = createServer((req, res) => {
    const path = req.url ?? "/";
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const html = (body: string | Buffer) =>
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
    switch (path) {
      case "/pages.rss":
        return res
          .writeHead(200, { "content-type": "application/rss+xml" })
          .end(feed("/nested.html", "/long-line.html", "/invalid-utf8.html", "/bomb.html", "/loop-page.html"));
      case "/laughs.rss":
        return res.writeHead(200, { "content-type": "application/rss+xml" }).end(LAUGHS);
      case "/loop.rss":
        return res.writeHead(302, { location: "/loop.rss" }).end();
      case "/loop-page.html":
        return res.writeHead(301, { location: `${siteBase}/loop-page.html` }).end();
      case "/nested.html":
        return html(
          `<html><body><article>${"<div>".repeat(100_000)}NHS${"</div>".repeat(100_000)}</article></body></html>`,
        );
      case "/long-line.html": {
        // 50 MB on one line, sent in 1 MB writes; the reader must stop at its limit, not buffer it all.
        res.writeHead(200, { "content-type": "text/html" });
        const chunk = Buffer.alloc(1024 * 1024, "a");
        let sent = 0;
        const pump = () => {
          while (sent < 50 && res.write(chunk)) sent += 1;
          if (sent >= 50) res.end();
          else
            res.once("drain", () => {
              sent += 1;
              pump();
            });
        };
        res.on("error", () => {});
        return pump();
      }
      case "/invalid-utf8.html":
        return html(
          Buffer.concat([
            Buffer.from("<html><body><p>"),
            Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe]).fill(0xff, 2),
            Buffer.from("</p></body></html>"),
          ]),
        );
      case "/bomb.html": {
        res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
        res.on("error", () => {});
        for (let i = 0; i < BOMB_COPIES; i++) res.write(GZIP_BOMB);
        return res.end();
      }
      default:
        return res.writeHead(404).end();
    }
  });
  site.listen(0, "127.0.0.1");
  return once(site, "listening").then(() => {
    siteBase = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
  });
}

beforeAll(async () => {
  await startSite();
  serve = await startServe({
    FEEDS: [`${siteBase}/pages.rss`, `${siteBase}/laughs.rss`, `${siteBase}/loop.rss`].join(","),
    INGEST_ALLOW_PRIVATE: "1",
    LOG_LEVEL: "info",
  });
}, 60_000);
afterAll(async () => {
  await serve?.stop();
  site.closeAllConnections();
  site.close();
});

const health = async () =>
  (await fetch(`http://127.0.0.1:${serve.port}/healthz`)).json() as Promise<{
    documents: number;
    ready?: { feeds?: { ready: boolean; reason?: string } };
  }>;

describe("ingestion of hostile feeds and pages, through nhsai serve", () => {
  it("keeps /healthz answering fast while the hostile pages are read, and stores none of them", async () => {
    const documentsBefore = (await health()).documents;
    const times: number[] = [];
    const deadline = performance.now() + 30_000;
    // Poll until every hostile page has been fetched and the nested one has had its 10 s budget.
    while (performance.now() < deadline) {
      const started = performance.now();
      const res = await fetch(`http://127.0.0.1:${serve.port}/healthz`);
      await res.arrayBuffer();
      times.push(performance.now() - started);
      if (
        /"event":"ingest_failed".*nested\.html|nested\.html.*took too long/s.test(serve.stderr()) &&
        times.length > 50
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    times.sort((a, b) => a - b);
    const p99 = times[Math.floor(times.length * 0.99)] ?? Number.POSITIVE_INFINITY;
    console.info(
      `[hostile] /healthz during hostile ingest: ${times.length} polls, p50 ${times[Math.floor(times.length / 2)]?.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${times.at(-1)?.toFixed(1)} ms`,
    );
    // On the event loop, the nested page alone would stall every probe for its whole 10 s budget.
    expect(p99).toBeLessThan(500);
    for (const path of ["/nested.html", "/long-line.html", "/invalid-utf8.html", "/bomb.html", "/loop-page.html"])
      expect(hits.get(path), path).toBeGreaterThanOrEqual(1);
    expect((await health()).documents).toBe(documentsBefore);
  }, 45_000);

  it("says why each failed, in one log line each, and never crashed", async () => {
    const log = serve.stderr();
    expect(log).toMatch(/nested\.html[^\n]*took too long to read/);
    expect(log).toMatch(/long-line\.html[^\n]*larger than the 5 MB limit/);
    expect(log).toMatch(/bomb\.html[^\n]*larger than the 5 MB limit/);
    expect(log).toMatch(/loop-page\.html[^\n]*more than 5 redirects/);
    expect(log).toMatch(/laughs\.rss[^\n]*entit/i);
    expect(log).toMatch(/loop\.rss[^\n]*more than 5 redirects/);
    expect(log).not.toMatch(/uncaught_exception|unhandled_rejection|http\.handler_failed/);
    expect(serve.child.exitCode).toBeNull();
    // A redirect loop is followed at most 5 times, not for ever.
    expect(hits.get("/loop.rss")).toBeLessThanOrEqual(6);
  });
});
