/** Who may reach the bot over HTTP, and how much they may send. */

import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { useSlackApp } from "./slack-app.js";
import { commandBody, eventBody, postSigned, signatureOf, signedHeaders } from "./slack-requests.js";

const ctx = useSlackApp();

const now = () => Math.floor(Date.now() / 1000);
const help = () => commandBody("help", ctx.fake.responseUrl("help"));

async function post(body: string, headers: Record<string, string>) {
  const res = await fetch(ctx.app.url, { method: "POST", body, headers });
  return { status: res.status, text: await res.text() };
}

describe("Slack request signatures (check 1)", () => {
  it("answers a correctly signed slash command in the acknowledgement", async () => {
    const res = await postSigned(ctx.app.url, help());
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ response_type: "ephemeral" });
    expect(res.json().blocks[0].type).toBe("header");
  });

  it("acknowledges a repeated briefing with the same JSON each time, the share button naming each asker's text", async () => {
    const ask = async (text: string) => {
      const body = commandBody(text, ctx.fake.responseUrl(text));
      const res = await fetch(ctx.app.url, { method: "POST", body, headers: signedHeaders(body) });
      return { type: res.headers.get("content-type"), text: await res.text() };
    };
    const first = await ask("funding");
    const again = await ask("funding");
    const other = await ask("FUNDING");
    expect(first.type).toBe("application/json");
    expect(again).toEqual(first);
    expect(JSON.parse(first.text)).toMatchObject({ response_type: "ephemeral" });
    expect(first.text).toContain("Funding");
    // The same briefing asked in other words is rendered for those words (its share button runs them).
    expect(other.text).not.toBe(first.text);
    expect(other.text).toContain("FUNDING");
  });

  it.each([
    ["a one-byte body change", (b: string, h: Record<string, string>) => ({ body: `${b}x`, headers: h })],
    [
      "a v1= signature",
      (b: string, h: Record<string, string>) => ({
        body: b,
        headers: { ...h, "x-slack-signature": h["x-slack-signature"]?.replace("v0=", "v1=") ?? "" },
      }),
    ],
    ["no signature", (b: string, h: Record<string, string>) => ({ body: b, headers: without(h, "x-slack-signature") })],
    [
      "no timestamp",
      (b: string, h: Record<string, string>) => ({ body: b, headers: without(h, "x-slack-request-timestamp") }),
    ],
    [
      "another secret",
      (b: string, h: Record<string, string>) => ({
        body: b,
        headers: { ...h, "x-slack-signature": signatureOf(b, now(), "wrong") },
      }),
    ],
    [
      "a non-numeric timestamp",
      (b: string, h: Record<string, string>) => ({ body: b, headers: { ...h, "x-slack-request-timestamp": "soon" } }),
    ],
  ])("refuses %s with 401 and answers nothing", async (_name, tamper) => {
    const body = help();
    const { body: sent, headers } = tamper(body, signedHeaders(body));
    const res = await post(sent, headers);
    expect(res.status).toBe(401);
    expect(res.text).toBe("");
  });

  it("refuses a duplicated signature header (two values are not one signature)", async () => {
    const body = help();
    const headers = signedHeaders(body);
    const raw = await rawRequest(
      `POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: ${headers["content-type"]}\r\nX-Slack-Request-Timestamp: ${headers["x-slack-request-timestamp"]}\r\nX-Slack-Signature: ${headers["x-slack-signature"]}\r\nX-Slack-Signature: ${headers["x-slack-signature"]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(raw).toMatch(/^HTTP\/1.1 401/);
  });

  it("answers Slack's unsigned ssl_check with 200 and dispatches nothing that rides along", async () => {
    const smuggled = `ssl_check=1&payload=${encodeURIComponent(JSON.stringify({ type: "block_actions", actions: [] }))}&command=/nhsai&text=digest`;
    const res = await post(smuggled, { "content-type": "application/x-www-form-urlencoded" });
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
  });

  it.each(["ssl_check=true", "ssl_check=0", "ssl_check="])(
    "treats %s as an ordinary request that needs a signature",
    async (body) => {
      const res = await post(`${body}&command=/nhsai&text=help`, {
        "content-type": "application/x-www-form-urlencoded",
      });
      expect(res.status).toBe(401);
    },
  );

  it("answers a signed url_verification with its challenge, and refuses an unsigned one", async () => {
    const body = JSON.stringify({ type: "url_verification", challenge: "c-123", token: "t" });
    expect((await postSigned(ctx.app.url, body)).json()).toEqual({ challenge: "c-123" });
    expect((await post(body, { "content-type": "application/json" })).status).toBe(401);
  });

  it("answers only POST", async () => {
    const res = await fetch(ctx.app.url);
    expect(res.status).toBe(405);
  });
});

describe("the timestamp window, both directions (check 2)", () => {
  it.each([
    [-299, 200],
    [299, 200],
    [-301, 401],
    [301, 401],
    [86_400, 401],
  ])("a request signed %i s from now gets %i", async (offset, expected) => {
    const res = await postSigned(ctx.app.url, help(), { ts: now() + offset });
    expect(res.status).toBe(expected);
  });
});

describe("clock drift (check 2)", () => {
  it("warns once when signed requests show our clock 30 s or more out, and still answers them", async () => {
    const first = await postSigned(ctx.app.url, help(), { ts: now() + 120 });
    await postSigned(ctx.app.url, help(), { ts: now() + 120 });
    expect(first.status).toBe(200);
    // Once for the whole file: the window tests above (±299 s) were the first to show the drift.
    expect(ctx.app.logs().match(/"event":"slack.clock_skew"/g)).toHaveLength(1);
  });
});

describe("oversized bodies (check 4)", () => {
  it("refuses a declared 5 MB body with 413 before reading it", async () => {
    const answer = await rawRequest(
      `POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${5 * 1024 * 1024}\r\n\r\n{"a":`,
    );
    expect(answer).toMatch(/^HTTP\/1.1 413/);
  });

  it("refuses a chunked upload with 413 once it passes 1 MB, without waiting for the rest", async () => {
    const socket = connect(Number(new URL(ctx.app.base).port), "127.0.0.1");
    socket.write(
      "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
    );
    const chunk = "a".repeat(64 * 1024);
    let answer = "";
    socket.on("data", (d) => {
      answer += d;
    });
    // The server closes the connection after refusing; writes after that are the client's problem.
    socket.on("error", () => undefined);
    for (let i = 0; i < 20 && !answer && !socket.destroyed; i++) {
      socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      await new Promise((r) => setTimeout(r, 5));
    }
    // On a loaded machine the refusal may take a moment to arrive: wait for it (up to 5 s).
    for (let waited = 0; !answer && waited < 5_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    socket.destroy();
    expect(answer).toMatch(/^HTTP\/1.1 413/);
  });

  it("still answers a normal event after those", async () => {
    const res = await postSigned(ctx.app.url, eventBody({ type: "reaction_added", user: "U1" }));
    expect(res.status).toBe(200);
  });
});

function without(headers: Record<string, string>, name: string): Record<string, string> {
  const copy = { ...headers };
  delete copy[name];
  return copy;
}

function rawRequest(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(ctx.app.base).port), "127.0.0.1");
    let answer = "";
    socket.on("data", (d) => {
      answer += d;
      if (answer.includes("\r\n\r\n")) {
        socket.destroy();
        resolve(answer);
      }
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(answer));
    socket.write(request);
  });
}
