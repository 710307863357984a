/** `nhsai serve` as Docker's HEALTHCHECK, load balancers and operators see it: a spawned process. */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { connect, createServer, type Server } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { EMBEDDED_MIGRATIONS } from "../../src/store/embedded/migrations.js";
import { latestVersion } from "../../src/store/migration.js";
import { freePort, nhsaiEnv } from "../helpers/processes.js";

const root = join(import.meta.dirname, "..", "..");
const cli = join(root, "dist", "adapters", "cli", "nhsai.js");
const seedCount = readdirSync(join(root, "seeds", "articles")).filter((f) => f.endsWith(".json")).length;

/** Each serve's embedded store lives in a temp DATA_DIR, not in the repository. */
const dataDir = mkdtempSync(join(tmpdir(), "nhsai-serve-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const cleanEnv = (extra: Record<string, string>) => nhsaiEnv({ DATA_DIR: dataDir, ...extra });

let child: ChildProcess | undefined;
let blocker: Server | undefined;

afterEach(() => {
  child?.kill("SIGKILL");
  child = undefined;
  blocker?.close();
  blocker = undefined;
});

async function listenOnFreePort(): Promise<Server> {
  const server = createServer().listen(0);
  await once(server, "listening");
  return server;
}

function portOf(server: Server): number {
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** Starts `nhsai serve` and resolves with its stdout once it says it serves /healthz; rejects if it exits first. */
async function startServe(
  port: number,
  nodeArgs: string[] = [],
  serveArgs: string[] = [],
): Promise<{ process: ChildProcess; output: () => string; errors: () => string }> {
  const proc = spawn(process.execPath, [...nodeArgs, cli, "serve", "--allow-idle", ...serveArgs], {
    env: cleanEnv({ PORT: String(port) }),
  });
  child = proc;
  let stdout = "";
  let stderr = "";
  proc.stderr.on("data", (chunk) => {
    stderr += String(chunk);
  });
  await new Promise<void>((resolve, reject) => {
    proc.stdout.on("data", (chunk) => {
      stdout += String(chunk);
      if (stdout.includes("serving /healthz")) resolve();
    });
    proc.once("exit", (code) => reject(new Error(`nhsai serve exited ${code} before it was ready: ${stderr}`)));
  });
  return { process: proc, output: () => stdout, errors: () => stderr };
}

describe("nhsai serve", () => {
  it("will not start with no chat platform, naming the variables to set, unless --allow-idle", () => {
    const result = spawnSync(process.execPath, [cli, "serve"], {
      env: cleanEnv({}),
      encoding: "utf8",
      timeout: 10_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    for (const name of [
      "SLACK_BOT_TOKEN",
      "SLACK_SIGNING_SECRET",
      "SLACK_APP_TOKEN",
      "MICROSOFT_APP_ID",
      "TEAMS_LOCAL",
    ])
      expect(lines[0]).toContain(name);
    expect(lines[0]).toContain("--allow-idle");
  });

  it("says no platform is configured and serves /healthz with a small JSON status", async () => {
    const port = await freePort();
    const { output } = await startServe(port);
    expect(output()).toMatch(/no platform \(Slack or Teams\) is configured/);

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await health.json()).toEqual({
      status: "ok",
      platforms: [],
      documents: seedCount,
      store: { backend: "embedded", state: "ok", schemaVersion: latestVersion(EMBEDDED_MIGRATIONS) },
      ready: { scheduler: expect.objectContaining({ ready: true }), feeds: expect.objectContaining({ ready: true }) },
    });

    const missing = await fetch(`http://127.0.0.1:${port}/nowhere`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "not found" });
  });

  it("refuses every Teams activity when Teams is not configured, rather than answering without authentication", async () => {
    const port = await freePort();
    await startServe(port);
    const activity = {
      type: "message",
      text: "help",
      serviceUrl: "http://127.0.0.1:9/",
      conversation: { id: "c1" },
      from: { id: "u1" },
      recipient: { id: "bot" },
      channelId: "msteams",
    };
    const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Teams is not configured on this server" });
  });

  it.each(["SIGTERM", "SIGINT"] as const)("stops cleanly with status 0 on %s", async (signal) => {
    const port = await freePort();
    const { process: proc, output } = await startServe(port);
    const exited = once(proc, "exit");
    proc.kill(signal);
    const [code] = await exited;
    expect(code).toBe(0);
    expect(output()).toContain(`${signal} received, shutting down`);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it("exits 1 naming PORT when the port is already taken", async () => {
    blocker = await listenOnFreePort();
    const proc = spawn(process.execPath, [cli, "serve", "--allow-idle"], {
      env: cleanEnv({ PORT: String(portOf(blocker)) }),
    });
    child = proc;
    let stderr = "";
    proc.stderr.on("data", (chunk) => {
      stderr += String(chunk);
    });
    const [code] = await once(proc, "exit");
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`nhsai serve: PORT ${portOf(blocker)} is already in use`);
  });

  it.each([
    ["PORT", "notaport"],
    ["PORT", "70000"],
    ["PORT", "0"],
    ["TZ_DEFAULT", "Mars/Olympus"],
    ["TEAMS_LOCAL", "yes"],
    ["SLACK_API_URL", "ftp://slack.example"],
    ["SLACK_API_URL", "http://slack.example/api/"],
    ["FEEDS", "https://news.example/rss,not a url"],
  ])("refuses to start when %s=%s, naming the variable on one line", (name, value) => {
    const { status, stdout, stderr } = spawnSync(process.execPath, [cli, "serve"], {
      env: cleanEnv({ [name]: value }),
      encoding: "utf8",
      timeout: 10_000,
    });
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`^nhsai serve: ${name} `));
  });

  it("names a bad DATABASE_URL without printing the password in it", () => {
    const { status, stderr } = spawnSync(process.execPath, [cli, "serve"], {
      env: cleanEnv({ DATABASE_URL: "mysql://nhsai:s3cret-pw@db.internal/nhsai" }),
      encoding: "utf8",
      timeout: 10_000,
    });
    expect(status).toBe(1);
    expect(stderr).toContain("DATABASE_URL");
    expect(stderr).not.toContain("s3cret-pw");
  });

  it.each(["//", "http://%zz/", "///", "//a b", "http://[::1/"])(
    "answers the raw request target %s with 400 and keeps serving /healthz",
    async (target) => {
      const port = await freePort();
      const { process: proc } = await startServe(port);
      const answer = await rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(proc.exitCode).toBeNull();
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
    },
  );

  it("honours --port and --host over PORT", async () => {
    const envPort = await freePort();
    const flagPort = await freePort();
    const { output } = await startServe(envPort, [], ["--port", String(flagPort), "--host", "127.0.0.1"]);
    expect(output()).toContain(`serving /healthz on port ${flagPort} on 127.0.0.1`);
    expect((await fetch(`http://127.0.0.1:${flagPort}/healthz`)).status).toBe(200);
    await expect(fetch(`http://127.0.0.1:${envPort}/healthz`)).rejects.toThrow();
    const outside = externalAddress();
    if (outside) await expect(fetch(`http://${outside}:${flagPort}/healthz`)).rejects.toThrow();
  });

  it.each([
    [["--port", "http"], 1, /^nhsai serve: PORT must be a whole number \(got "http"\)$/],
    [["--port", "70000"], 1, /^nhsai serve: PORT must be 1 to 65535/],
    [["--host", "192.0.2.250"], 1, /^nhsai serve: HOST 192\.0\.2\.250 is not an address of this machine$/],
    [["--verbose"], 2, /^nhsai serve: Unknown option '--verbose'/],
    [["extra"], 2, /^nhsai serve: takes no arguments \(got "extra"\)$/],
  ])("serve %j exits %i with one line", (args, status, message) => {
    const result = spawnSync(process.execPath, [cli, "serve", "--allow-idle", ...args], {
      env: cleanEnv({}),
      encoding: "utf8",
      timeout: 10_000,
    });
    expect(result.status).toBe(status);
    expect(result.stderr.trim()).toMatch(message);
  });

  /** Code run inside the serve process (a preloaded module) on SIGUSR2, as a bug in any module would. */
  const onSignal = (code: string) => [
    "--import",
    `data:text/javascript,${encodeURIComponent(`process.on("SIGUSR2", () => { ${code} })`)}`,
  ];

  it("logs an uncaught exception as one JSON line and exits 70, for a supervisor to restart", async () => {
    const port = await freePort();
    const { process: proc, errors } = await startServe(port, onSignal('throw new RangeError("state unknown")'));
    const exited = once(proc, "exit");
    proc.kill("SIGUSR2");
    const [code] = await exited;
    expect(code).toBe(70);
    // Every line is JSON (no stack trace around the logger), and the crash is one of them.
    expect(jsonLines(errors()).filter((line) => line.level === "error")).toEqual([
      expect.objectContaining({ event: "process.uncaught_exception", error: "RangeError", detail: "state unknown" }),
    ]);
  });

  it("logs an unhandled rejection as one JSON line and keeps serving", async () => {
    const port = await freePort();
    const { process: proc, errors } = await startServe(port, onSignal('Promise.reject(new Error("abandoned"))'));
    const exited = once(proc, "exit");
    proc.kill("SIGUSR2");
    await expect.poll(errors, { timeout: 5_000, interval: 20 }).toContain('"process.unhandled_rejection"');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    // The sentinel: a SIGTERM sent after the rejection stops serve cleanly (0), not with a crash's 70.
    proc.kill("SIGTERM");
    expect(await exited).toEqual([0, null]);
    expect(jsonLines(errors()).filter((line) => line.event === "process.unhandled_rejection")).toEqual([
      expect.objectContaining({ level: "error", error: "Error", detail: "abandoned" }),
    ]);
  });
});

/** Every line of a log, parsed (throws if any line is not JSON). */
function jsonLines(text: string): Array<Record<string, unknown>> {
  return text
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
}

/** A non-loopback IPv4 address of this machine, or null when it has none (then that part is not checked). */
function externalAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces()))
    for (const address of addresses ?? []) if (address.family === "IPv4" && !address.internal) return address.address;
  return null;
}

/** Sends bytes exactly as given (no client normalises the request target) and returns the whole answer. */
async function rawRequest(port: number, request: string): Promise<string> {
  const socket = connect(port, "127.0.0.1");
  let answer = "";
  socket.on("data", (chunk) => {
    answer += String(chunk);
  });
  socket.end(request);
  await once(socket, "close");
  return answer;
}
