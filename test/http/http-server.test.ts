/** The HTTP server's one error policy: a failing handler costs its own request, never the process. */
import { once } from "node:events";
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpServer, type HealthStatus } from "../../adapters/http/server.js";
import type { LogFields } from "../../src/logger.js";

const healthy: HealthStatus = {
  status: "ok",
  platforms: [],
  documents: 0,
  store: { backend: "embedded", state: "ok", schemaVersion: 1 },
};

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

async function start(routes: Parameters<typeof createHttpServer>[0]["routes"], logged: string[]): Promise<string> {
  const log = { debug() {}, info() {}, warn() {}, error: (event: string, _fields?: LogFields) => logged.push(event) };
  server = createHttpServer({ health: () => healthy, routes, log });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

describe("createHttpServer", () => {
  it("answers 500 and logs when a route throws, then keeps answering", async () => {
    const logged: string[] = [];
    const base = await start(
      {
        "/throws": () => {
          throw new TypeError("handler bug");
        },
      },
      logged,
    );
    const failed = await fetch(`${base}/throws`);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: "internal error" });
    expect(logged).toEqual(["http.handler_failed"]);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("answers 500 when a route's promise rejects before it answered", async () => {
    const logged: string[] = [];
    const base = await start({ "/rejects": async () => Promise.reject(new Error("later bug")) }, logged);
    expect((await fetch(`${base}/rejects`)).status).toBe(500);
    expect(logged).toEqual(["http.handler_failed"]);
  });

  it("cuts the connection when a route fails after it started answering, and keeps serving others", async () => {
    const logged: string[] = [];
    const base = await start(
      {
        "/half": async (_req, res) => {
          res.writeHead(200);
          // Fails only once the first bytes have left, so the answer has truly started.
          await new Promise((resolve) => res.write("partial", resolve));
          throw new Error("mid-answer bug");
        },
      },
      logged,
    );
    await expect(fetch(`${base}/half`).then((r) => r.text())).rejects.toThrow();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
