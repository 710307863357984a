/** The archive's routes over HTTP: friendly errors, pagination, escaping, headers, assets, ARCHIVE and ARCHIVE_TOKEN. */

import type { IncomingMessage } from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArchiveAccess } from "../../adapters/archive/archive-access.js";
import { archiveLinksFor, archiveRoutesFor } from "../../adapters/archive/archive-setup.js";
import { BriefingService } from "../../src/briefing-service.js";
import { parseCommand } from "../../src/commands/parse-command.js";
import { ConfigError, loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import type { Store } from "../../src/store/store.js";
import { seedLibrary } from "../helpers/factories.js";
import { embeddedHarness, type StoreHarness } from "../store/harness.js";
import { type ArchiveServer, startArchiveServer } from "./archive-server.js";
import { briefingOn } from "./sample-briefings.js";

const TOKEN = "s3cret-archive-token-0123456789";
const briefings = new BriefingService(seedLibrary());
let harness: StoreHarness;
let store: Store;
let open: ArchiveServer;
let guarded: ArchiveServer;

beforeAll(async () => {
  harness = embeddedHarness();
  store = await harness.open();
  // 25 briefings over 25 days: two list pages of 20.
  for (let day = 1; day <= 25; day++)
    await store.recordPostedBriefing(briefingOn(`2026-10-${String(day).padStart(2, "0")}`), "scheduler", new Date());
  open = await startArchiveServer(store, briefings);
  guarded = await startArchiveServer(store, briefings, { token: TOKEN });
});
afterAll(async () => {
  await open.close();
  await guarded.close();
  await harness.cleanup();
});

const get = (url: string, init?: RequestInit) => fetch(url, { redirect: "manual", ...init });

describe("pages", () => {
  it("lists 20 briefings a page, newest first, with links between pages", async () => {
    const first = await (await get(`${open.url}/briefings`)).text();
    expect(first.match(/nhsuk-card__link/g)).toHaveLength(20);
    expect(first.indexOf("Sunday 25 October 2026")).toBeLessThan(first.indexOf("Saturday 24 October 2026"));
    expect(first).toContain('href="/briefings?page=2"');
    expect(first).toContain("Page 1 of 2 (25 briefings)");
    expect(first).toContain('<a class="nhsuk-header__navigation-link" href="/briefings" aria-current="page">');
    const second = await (await get(`${open.url}/briefings?page=2`)).text();
    expect(second.match(/nhsuk-card__link/g)).toHaveLength(5);
    expect(second).toContain('href="/briefings?page=1"');
    expect(second).toContain("Thursday 1 October 2026");
    // Inside the section, not its first page: the menu marks the section, not the page.
    expect(second).toContain('<a class="nhsuk-header__navigation-link" href="/briefings" aria-current="true">');
  });

  it("answers a bad page number with a friendly 400 and a page past the end with a 404", async () => {
    for (const page of ["0", "-1", "abc", "1.5", "1e3", "", "9999999"]) {
      const res = await get(`${open.url}/briefings?page=${encodeURIComponent(page)}`);
      expect(res.status, page).toBe(400);
      expect(await res.text()).toContain("The page number must be a whole number from 1.");
    }
    const past = await get(`${open.url}/briefings?page=3`);
    expect(past.status).toBe(404);
    expect(await past.text()).toContain("There are only 2 pages of briefings.");
  });

  it("answers an unknown or malformed briefing id with a friendly 404 page", async () => {
    for (const id of [
      "nope",
      "2026-10-01-zzzzzzzz",
      "2026-10-01-00000000",
      "%E0%A4%A",
      "..%2F..%2Fpackage.json",
      "a/b",
    ]) {
      const res = await get(`${open.url}/briefings/${id}`);
      expect(res.status, id).toBe(404);
      const body = await res.text();
      expect(body).toContain("<h1>Page not found</h1>");
      expect(body).toContain('<a href="/briefings">See all briefings</a>');
    }
  });

  it("shows a briefing's items with their outlets, dates, links and other outlets, escaped", async () => {
    const [latest] = (await store.listPostedBriefings({ limit: 1 })).briefings;
    const body = await (await get(`${open.url}/briefings/${latest?.id}`)).text();
    expect(body).toContain(
      '<a href="https://example.org/news/2026-10-25">AI &amp; the rota &lt;b&gt;test&lt;/b&gt;</a>',
    );
    expect(body).toContain('<time datetime="2026-10-24">24 October 2026</time>');
    expect(body).toContain(
      'Also reported by <a href="https://other.example/story">Digital Health</a> (25 October 2026)',
    );
    // A javascript: url in the data stays text.
    expect(body).not.toContain("javascript:");
    expect(body).toContain("Workforce");
  });

  it("gives the search box the same reply as chat, escaped, and an empty form before a search", async () => {
    const empty = await (await get(`${open.url}/library`)).text();
    expect(empty).toContain('<input class="nhsuk-input" id="q" name="q" type="search"');
    expect(empty).not.toContain('aria-labelledby="result-title"');
    let cited = 0;
    for (const q of ["funding", "Which cancer is the new AI money meant to help diagnose faster?", "digest"]) {
      const reply = await briefings.handle(parseCommand(q), { now: new Date("2026-11-23T10:00:00Z") });
      const body = await (await get(`${open.url}/library?q=${encodeURIComponent(q)}`)).text();
      expect(body).toContain(`<h2 id="result-title">${escapeHtml(reply.title)}</h2>`);
      for (const citation of reply.citations) {
        expect(body).toContain(escapeHtml(citation.publisher));
        expect(body).toContain(escapeHtml(citation.quote));
      }
      cited += reply.citations.length;
    }
    expect(cited).toBeGreaterThan(1);
    const hostile = '"><script>alert(1)</script>';
    const body = await (await get(`${open.url}/library?q=${encodeURIComponent(hostile)}`)).text();
    expect(body).not.toContain("<script>");
    expect(body).toContain("&quot;&gt;&lt;script&gt;");
  });

  it("sends a strict Content-Security-Policy, nosniff and no referrer on every page", async () => {
    for (const path of ["/briefings", "/briefings/nope", "/library?q=funding", "/briefings?page=x"]) {
      const res = await get(`${open.url}${path}`);
      expect(res.headers.get("content-security-policy")).toMatch(
        /default-src 'self'; script-src 'none'; style-src 'self'/,
      );
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(await res.text()).not.toMatch(/<script|style=/);
    }
  });

  it("reads only: other methods get 405, HEAD gets headers only", async () => {
    const post = await get(`${open.url}/briefings`, { method: "POST", body: "x" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    const head = await get(`${open.url}/briefings`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("serves the design system's CSS and images itself, pointing nowhere else", async () => {
    const css = await get(`${open.url}/assets/nhsuk-frontend.min.css`);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const text = await css.text();
    expect(text).toContain(".nhsuk-header");
    expect(text).not.toMatch(/https?:\/\//);
    for (const image of text.match(/\/assets\/images\/[\w.-]+/g) ?? [])
      expect((await get(`${open.url}${image}`)).status, image).toBe(200);
    expect((await get(`${open.url}/assets/images/favicon.svg`)).headers.get("content-type")).toBe("image/svg+xml");
    for (const path of ["/assets/../package.json", "/assets/%2e%2e/package.json", "/assets/index.scss"])
      expect((await get(`${open.url}${path}`)).status, path).toBe(404);
  });

  it("survives any path or query: every answer is a page, and the server stays up", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("/briefings/", "/briefings?page=", "/library?q=", "/assets/"),
        fc.string({ unit: "binary", maxLength: 60 }),
        async (prefix, tail) => {
          const res = await get(`${open.url}${prefix}${encodeURIComponent(tail)}`);
          expect(res.status).toBeLessThan(500);
          await res.arrayBuffer();
        },
      ),
      { numRuns: 150 },
    );
    expect((await get(`${open.url}/briefings`)).status).toBe(200);
  });
});

describe("an empty archive and a store that cannot be read", () => {
  it("an empty archive says there is only one page", async () => {
    const empty = embeddedHarness();
    const server = await startArchiveServer(await empty.open(), briefings);
    try {
      const res = await get(`${server.url}/briefings?page=2`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain("There is only 1 page of briefings.");
    } finally {
      await server.close();
      await empty.cleanup();
    }
  });

  it("a store that cannot be read gets a friendly 503 page, and the server keeps serving", async () => {
    const broken = embeddedHarness();
    const closed = await broken.open();
    const server = await startArchiveServer(closed, briefings);
    try {
      await closed.close();
      const res = await get(`${server.url}/briefings`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain("Something went wrong reading the archive. Please try again in a minute.");
      expect((await get(`${server.url}/library?q=funding`)).status).toBe(200);
    } finally {
      await server.close();
      await broken.cleanup();
    }
  });
});

describe("ARCHIVE_TOKEN", () => {
  it("refuses a request without the token, or with a wrong one, and changes nothing", async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: "Bearer wrong" }, { cookie: "nhsai_archive=x" }];
    for (const headers of attempts) {
      const res = await get(`${guarded.url}/briefings`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await res.text()).toContain("You need the archive link");
    }
    const wrong = await get(`${guarded.url}/briefings?token=wrong`);
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });

  it("accepts Authorization: Bearer", async () => {
    const res = await get(`${guarded.url}/library?q=funding`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
  });

  it("takes ?token= once: sets an HttpOnly SameSite=Strict cookie and redirects to the address without it", async () => {
    const res = await get(`${guarded.url}/briefings?token=${TOKEN}&page=2`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/briefings?page=2");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^nhsai_archive=[\w-]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    expect(cookie).not.toContain(TOKEN);
    const next = await get(`${guarded.url}/briefings?page=2`, { headers: { cookie: cookie.split(";")[0] ?? "" } });
    expect(next.status).toBe(200);
    expect(await next.text()).toContain("Thursday 1 October 2026");
  });

  it("marks the cookie Secure when PUBLIC_URL is https", () => {
    const access = createArchiveAccess({ token: TOKEN, secure: true });
    const decision = access({ headers: {} } as IncomingMessage, new URL(`http://x/briefings?token=${TOKEN}`));
    expect(decision).toMatchObject({ kind: "redirect", location: "/briefings" });
    expect(decision.kind === "redirect" && decision.setCookie.endsWith("; Secure")).toBe(true);
  });

  it("leaves the design system's assets open, so the 401 page is styled", async () => {
    expect((await get(`${guarded.url}/assets/nhsuk-frontend.min.css`)).status).toBe(200);
  });
});

describe("configuration", () => {
  it("ARCHIVE=off turns the pages off (404 like any unknown path) and posts carry no link", async () => {
    const config = loadConfig({ ARCHIVE: "off", PUBLIC_URL: "https://nhsai.example.nhs.uk" });
    const service = new BriefingService(briefings.library, { store });
    expect(archiveRoutesFor(config, store, service, silentLogger)).toBeUndefined();
    expect(archiveLinksFor(config)).toEqual({});
    const on = loadConfig({ PUBLIC_URL: "https://nhsai.example.nhs.uk/" });
    expect(on.ARCHIVE).toBe(true);
    expect(archiveLinksFor(on).archivePage?.("2026-11-23-0a1b2c3d")).toBe(
      "https://nhsai.example.nhs.uk/briefings/2026-11-23-0a1b2c3d",
    );
  });

  it("names the variable in one line when ARCHIVE, ARCHIVE_TOKEN or PUBLIC_URL is wrong, never echoing the token", () => {
    expect(() => loadConfig({ ARCHIVE: "maybe" })).toThrow(new ConfigError('ARCHIVE must be on or off (got "maybe")'));
    expect(() => loadConfig({ PUBLIC_URL: "ftp://example.org" })).toThrow(/^PUBLIC_URL must be an http\(s\) URL/);
    expect(() => loadConfig({ ARCHIVE_TOKEN: "short-secret" })).toThrow(
      new ConfigError("ARCHIVE_TOKEN must be at least 16 characters"),
    );
  });
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
