/**
 * A news site on 127.0.0.1 for the ingestion tests: fixture feeds and article pages (with page
 * chrome), plus the bad cases: a 404, a page that trickles, one too large, a redirect to a cloud
 * metadata address, a headline full of terminal escapes, a feed that honours conditional GET, and a feed linking to a page of 1,500
 * nested <div>s (slow to parse). It counts requests per path.
 */

import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join } from "node:path";

export const FIXTURES = join(import.meta.dirname, "fixtures");

export interface FixtureSite {
  base: string;
  /** Requests seen, by path (query included). */
  hits: Map<string, number>;
  /** Request headers seen, by path, most recent last. */
  headers: Map<string, IncomingMessage["headers"][]>;
  close(): Promise<void>;
}

const PAGES: Record<string, [file: string, type: string]> = {
  "/a/feed.rss": ["outlet-a.rss", "application/rss+xml; charset=utf-8"],
  "/a/chest-xray-ai.html": ["chest-xray-ai.html", "text/html; charset=utf-8"],
  "/a/digital-nurses.html": ["digital-nurses.html", "text/html; charset=utf-8"],
  "/b/feed.atom": ["outlet-b.atom", "application/atom+xml"],
  "/c/feed.rss": ["outlet-c.rss", "application/rss+xml"],
  "/c/trust-ai-chest-xray-reader.html": ["syndicated-xray.html", "text/html; charset=utf-8"],
  "/index.html": ["not-an-article.html", "text/html"],
  "/broken.rss": ["malformed.rss", "application/rss+xml"],
};

export async function startFixtureSite(): Promise<FixtureSite> {
  const hits = new Map<string, number>();
  const headers = new Map<string, IncomingMessage["headers"][]>();
  let base = "";
  const server: Server = createServer((req, res) => {
    const path = req.url ?? "/";
    hits.set(path, (hits.get(path) ?? 0) + 1);
    headers.set(path, [...(headers.get(path) ?? []), req.headers]);
    route(path.split("?")[0] ?? "/", req, res, base);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    base,
    hits,
    headers,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function route(path: string, req: IncomingMessage, res: ServerResponse, base: string): void {
  const page = PAGES[path];
  if (page) {
    const body = readFileSync(join(FIXTURES, "site", page[0]), "utf8").replaceAll("{{BASE}}", base);
    res.writeHead(200, { "content-type": page[1] }).end(body);
    return;
  }
  switch (path) {
    case "/conditional.rss": {
      const etag = '"feed-v1"';
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      const body = readFileSync(join(FIXTURES, "site", "outlet-a.rss"), "utf8").replaceAll("{{BASE}}", base);
      res.writeHead(200, {
        "content-type": "application/rss+xml",
        etag,
        "last-modified": "Tue, 17 Nov 2026 10:00:00 GMT",
      });
      res.end(body);
      return;
    }
    case "/many.rss": {
      // 55 full-text items: more than one read takes.
      const etag = '"many-v1"';
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/rss+xml", etag }).end(manyItemsFeed(base, 55));
      return;
    }
    case "/latin1.html": {
      // Windows-1252 bytes, declared only in the page: "£" is one byte, 0xA3.
      const html = readFileSync(join(FIXTURES, "site", "digital-nurses.html"), "utf8")
        .replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
        .replace("2,000 members across 40 trusts", "2,000 members across 40 trusts, with £250,000 of funding");
      res.writeHead(200, { "content-type": "text/html" }).end(Buffer.from(html, "latin1"));
      return;
    }
    case "/slow.html":
      // Headers at once, then a byte a second: only a deadline on the whole exchange stops it.
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html><body><p>");
      {
        const timer = setInterval(() => res.write("a"), 1_000);
        res.on("close", () => clearInterval(timer));
      }
      return;
    case "/huge.html":
      // No Content-Length: the limit must hold while reading.
      res.writeHead(200, { "content-type": "text/html" });
      for (let i = 0; i < 64; i++) res.write(`<p>${"x".repeat(16 * 1024)}</p>`);
      res.end();
      return;
    case "/escapes.html": {
      // A headline that would retitle the terminal's window and clear its screen if printed raw.
      const html = readFileSync(join(FIXTURES, "site", "digital-nurses.html"), "utf8").replaceAll(
        "Digital nurses network reaches 2,000 members",
        "Digital nurses \u001b]0;pwned\u0007\u001b[2Jnetwork reaches 2,000 \u202emembers\u202c",
      );
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
      return;
    }
    case "/deep.html":
      // About 17 KB: 1,500 nested <div>s take Readability tens of seconds (its cost grows with depth).
      res.writeHead(200, { "content-type": "text/html" }).end(nestedDivsPage(1_500));
      return;
    case "/deep.rss":
      // No validators: every poll reads the feed again, as a careless publisher's would.
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Deep News</title><item><title>A page nested ` +
          `very deep</title><link>${base}/deep.html</link><description>Short.</description></item></channel></rss>`,
      );
      return;
    case "/to-metadata":
      res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
      return;
    case "/to-story":
      res.writeHead(301, { location: "/a/digital-nurses.html" }).end();
      return;
    default:
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  }
}

function nestedDivsPage(depth: number): string {
  const body = "<p>Most of this page is markup rather than words, nested far deeper than any article needs.</p>";
  return `<!doctype html><html><head><title>Deep</title></head><body>${"<div>".repeat(depth)}${body}${"</div>".repeat(depth)}</body></html>`;
}

function manyItemsFeed(base: string, count: number): string {
  const towns = [
    "Ashford",
    "Bexley",
    "Carlisle",
    "Dover",
    "Exeter",
    "Frome",
    "Goole",
    "Hexham",
    "Ilkley",
    "Jarrow",
    "Keswick",
  ];
  const items = Array.from({ length: count }, (_, n) => {
    const town = `${towns[n % towns.length]} ${n}`;
    const text =
      `<p>The ${town} community hospital has switched ${n + 3} wards to electronic observations this autumn, ` +
      `replacing paper charts that nurses filled in by hand ${n + 2} times a day.</p>` +
      `<p>Matron number ${n} said the change in ${town} had freed about ${20 + n} minutes a shift, and that ` +
      `deteriorating patients were now flagged to the outreach team within ${(n % 9) + 1} minutes.</p>`;
    return (
      `<item><title>${town} goes paperless on ${n + 3} wards</title><link>${base}/many/${n}</link>` +
      `<description>${text.replace(/</g, "&lt;").replace(/>/g, "&gt;")}</description></item>`
    );
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Many Wards News</title>${items.join("")}</channel></rss>`;
}
