/**
 * Hostile requests on every HTTP route of a spawned `nhsai serve` (Slack over HTTP, Teams with
 * TEAMS_LOCAL=1, /metrics, the archive, /healthz): every method, wrong and missing content types,
 * bad JSON, huge bodies, a slow body, path traversal, query floods and request targets that are no
 * URL. Each gets a 4xx (or the route's normal answer), never a 5xx, never a file from outside the
 * assets, and the process keeps serving /healthz, logging no failure.
 */

import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "../slack/fake-slack.js";
import { SECRET } from "../slack/slack-requests.js";
import { type ServeProcess, startServe } from "../teams/serve-process.js";
import { hostileSeed, NASTY_TEXT, randomTexts } from "./hostile-corpus.js";

const seed = hostileSeed("http-hostile");
const METRICS_TOKEN = "metrics-token-0123456789abcdef";
let fake: FakeSlack;
let serve: ServeProcess;
let base = "";

beforeAll(async () => {
  fake = await startFakeSlack();
  serve = await startServe({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    TEAMS_LOCAL: "1",
    METRICS_TOKEN,
    LOG_LEVEL: "info",
  });
  base = `http://127.0.0.1:${serve.port}`;
}, 60_000);
afterAll(async () => {
  await serve.stop();
  await fake.close();
});

const ROUTES = [
  "/slack/events",
  "/api/messages",
  "/healthz",
  "/metrics",
  "/briefings",
  "/library",
  "/assets/x",
  "/nope",
];

/** One raw HTTP/1.1 exchange: what node's fetch will not send (odd methods, bad targets). */
function raw(request: string | Buffer, timeoutMs = 5_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(serve.port, "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
    });
    socket.on("close", () => resolve(answer));
    socket.on("error", () => resolve(answer));
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${String(request).slice(0, 80)}`));
    });
    socket.end(request);
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

function expectRefusedOrServed(status: number, label: string) {
  expect(status, label).toBeGreaterThanOrEqual(200);
  expect(status, label).toBeLessThan(500);
}

describe("every route of nhsai serve, given hostile requests", () => {
  it("answers every method on every route with its answer or a 4xx", async () => {
    for (const route of ROUTES)
      for (const method of ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO"]) {
        const answer = await raw(
          `${method} ${route} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
        );
        expectRefusedOrServed(statusOf(answer), `${method} ${route}`);
      }
  });

  it("refuses bodies of the wrong type, bad JSON and huge bodies on the POST routes", async () => {
    const bodies: Array<[string, string | Buffer]> = [
      ["text/plain", "hello"],
      ["multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=a\r\n\r\nb\r\n--x--"],
      ["application/json", "{"],
      ["application/json", '{"a":'.repeat(10_000)],
      ["application/json", `[${"[".repeat(50_000)}${"]".repeat(50_000)}]`],
      ["application/json; charset=utf-16", Buffer.from('{"type":"message"}', "utf16le")],
      ["application/x-www-form-urlencoded", "payload=%ZZ&&&==="],
      ["application/json", Buffer.alloc(2 * 1024 * 1024, 0x61)],
      ["", "x"],
    ];
    for (const route of ["/slack/events", "/api/messages", "/healthz", "/briefings"])
      for (const [type, body] of bodies) {
        const res = await fetch(`${base}${route}`, {
          method: "POST",
          body,
          headers: type ? { "content-type": type } : {},
        }).catch((error: Error) => ({ status: 413, error }));
        expectRefusedOrServed(res.status, `POST ${route} ${type} (${body.length} bytes)`);
      }
  });

  it("never serves a file from outside the assets, however the path is written", async () => {
    const targets = [
      "/assets/../../package.json",
      "/assets/%2e%2e/%2e%2e/package.json",
      "/assets/..%2f..%2fpackage.json",
      "/assets/..%5c..%5cpackage.json",
      "/assets/%252e%252e%252fpackage.json",
      "/briefings/..%2f..%2fpackage.json",
      "/briefings/%00",
      "/assets/%00.css",
      "/assets//etc/passwd",
      "//etc/passwd",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/library/../../etc/passwd",
      "http://evil.example/healthz",
      "*",
      "/\u0000",
    ];
    for (const target of targets) {
      const answer = await raw(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expectRefusedOrServed(statusOf(answer), target);
      expect(answer, target).not.toMatch(/"name": ?"nhsai"|root:x?:0:0/);
    }
  });

  it("answers query floods, huge queries and oversized headers quickly", async () => {
    const flood = Array.from({ length: 10_000 }, (_, i) => `q=${i}`).join("&");
    const huge = `q=${"funding ".repeat(12_000)}`;
    for (const path of ["/library", "/briefings", "/healthz", "/nope"])
      for (const query of [flood, huge, "q=%ZZ%", "q[]=a&q[b]=c&__proto__[x]=1"]) {
        const started = performance.now();
        const answer = await raw(`GET ${path}?${query} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
        expectRefusedOrServed(statusOf(answer), `${path}?${query.slice(0, 40)}`);
        expect(performance.now() - started, path).toBeLessThan(3_000);
      }
    const bigHeader = await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(70_000)}\r\n\r\n`);
    expect(statusOf(bigHeader)).toBe(431);
  });

  it("writes what a search asked for into the archive page as text, never as markup", async () => {
    for (const [, text] of NASTY_TEXT.filter(([name]) => /HTML|injection|link|JSON/.test(name))) {
      const res = await fetch(`${base}/library?q=${encodeURIComponent(text)}`);
      expectRefusedOrServed(res.status, text);
      const page = await res.text();
      // The words may appear, as text; never as a tag.
      expect(page, text).not.toMatch(/<script>alert|<img\b|<at>|<!channel>/i);
    }
  });

  it(`answers random request targets and bodies (fast-check, seed ${seed})`, async () => {
    for (const text of randomTexts(seed, 40)) {
      const target = `/${encodeURIComponent(text).slice(0, 2_000)}`;
      const answer = await raw(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expectRefusedOrServed(statusOf(answer) || 400, target.slice(0, 60));
      const res = await fetch(`${base}/api/messages`, {
        method: "POST",
        body: text,
        headers: { "content-type": "application/json" },
      });
      expectRefusedOrServed(res.status, `body ${JSON.stringify(text).slice(0, 60)}`);
    }
  });

  it("closes a body that trickles in, at the request timeout, while answering /healthz meanwhile", async () => {
    const socket = connect(serve.port, "127.0.0.1");
    const closed = new Promise<number>((resolve) => socket.on("close", () => resolve(performance.now())));
    socket.on("error", () => {});
    const started = performance.now();
    socket.write(
      "POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n",
    );
    const trickle = setInterval(() => socket.writable && socket.write("{"), 1_000);
    try {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const closedAt = await closed;
      expect(closedAt - started).toBeLessThan(18_000);
    } finally {
      clearInterval(trickle);
      socket.destroy();
    }
  }, 25_000);

  it("is still serving, and logged no failure and no crash", async () => {
    expect(serve.child.exitCode).toBeNull();
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(serve.stderr()).not.toMatch(
      /http\.handler_failed|uncaught_exception|unhandled_rejection|route_failed|page_failed/,
    );
  });
});
