/** `nhsai serve` as Docker's HEALTHCHECK and load balancers see it. */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const cli = join(import.meta.dirname, "..", "..", "dist", "adapters", "cli", "nhsai.js");
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill("SIGKILL");
  child = undefined;
});

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("nhsai serve", () => {
  it("serves /healthz with a small JSON status and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    child = spawn(process.execPath, [cli, "serve"], { env: { ...process.env, PORT: String(port) } });
    let output = "";
    child.stdout?.on("data", (chunk) => {
      output += String(chunk);
    });
    while (!output.includes("serving /healthz")) await once(child.stdout as NodeJS.EventEmitter, "data");
    expect(output).toMatch(/no platform \(Slack or Teams\) is configured/);

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", platforms: [], documents: 5 });
    expect((await fetch(`http://127.0.0.1:${port}/nowhere`)).status).toBe(404);

    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it.each([
    ["PORT", "notaport"],
    ["PORT", "70000"],
    ["TZ_DEFAULT", "Mars/Olympus"],
    ["DATABASE_URL", "mysql://db"],
  ])("refuses to start when %s=%s, naming the variable on one line", (name, value) => {
    const { status, stderr } = spawnSync(process.execPath, [cli, "serve"], {
      env: { ...process.env, [name]: value },
      encoding: "utf8",
      timeout: 10_000,
    });
    expect(status).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain(name);
  });
});
