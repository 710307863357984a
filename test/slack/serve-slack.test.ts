/**
 * `nhsai serve` with Slack configured, as a spawned process: start-up refusals by name, and the
 * HTTP mode end to end (a signed command, a DM answered through a loopback Web API, /healthz on
 * the same port), with no token or secret in its logs.
 */

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/factories.js";
import { freePort } from "../helpers/processes.js";
import { type FakeSlack, startFakeSlack } from "./fake-slack.js";
import { commandBody, dmEvent, eventBody, postSigned, SECRET } from "./slack-requests.js";

const cli = join(ROOT, "dist", "adapters", "cli", "nhsai.js");
const NHSAI_VARIABLES =
  /^(SLACK_|MICROSOFT_APP_|TEAMS_LOCAL$|DATABASE_URL$|DATA_DIR$|HOST$|PORT$|FEEDS$|HTTPS?_PROXY$|LOG_LEVEL$)/i;
const dataDir = mkdtempSync(join(tmpdir(), "nhsai-serve-slack-"));
const TOKEN = "xoxb-1234-5678-secretbottoken";
const env = (extra: Record<string, string>) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !NHSAI_VARIABLES.test(name))),
  DATA_DIR: dataDir,
  ...extra,
});

let fake: FakeSlack;
let child: ChildProcess | undefined;
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterEach(() => {
  child?.kill("SIGKILL");
  child = undefined;
});
afterAll(async () => {
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("nhsai serve with Slack", () => {
  it.each([
    [{ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: "" }, "SLACK_SIGNING_SECRET"],
    [{ SLACK_BOT_TOKEN: TOKEN }, "SLACK_SIGNING_SECRET"],
    [{ SLACK_BOT_TOKEN: "", SLACK_SIGNING_SECRET: SECRET }, "SLACK_BOT_TOKEN"],
    [{ SLACK_APP_TOKEN: "xapp-1-abc" }, "SLACK_BOT_TOKEN"],
  ])("refuses to start with %j, naming %s on one line", async (vars, name) => {
    const port = await freePort();
    const { status, stderr } = spawnSync(process.execPath, [cli, "serve"], {
      env: env({ PORT: String(port), ...vars }),
      encoding: "utf8",
      timeout: 15_000,
    });
    expect(status).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`^nhsai serve: ${name} is missing or empty`));
    expect(stderr).not.toContain("secretbottoken");
  });

  it("serves /slack/events and /healthz on one port, answering a command and a DM", async () => {
    const { proc, port, stdout, stderr } = await startServe({ LOG_LEVEL: "debug" });
    expect(stdout()).toMatch(/slack ready on port/);
    const url = `http://127.0.0.1:${port}/slack/events`;

    const command = await postSigned(url, commandBody("funding", fake.responseUrl("e2e")));
    expect(command.status).toBe(200);
    expect(command.json().blocks[0].type).toBe("header");

    const forged = await postSigned(url, commandBody("funding", fake.responseUrl("e2e")), { secret: "nope" });
    expect(forged.status).toBe(401);

    await postSigned(url, eventBody(dmEvent("topics", { channel: "D-e2e" })));
    await fake.waitFor(() => fake.posts().some((p) => p.args.channel === "D-e2e"));

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(((await health.json()) as { platforms: string[] }).platforms).toEqual(["slack"]);

    const exited = once(proc, "exit");
    proc.kill("SIGTERM");
    expect((await exited)[0]).toBe(0);
    expect(stderr()).not.toContain(TOKEN);
    expect(stderr()).not.toContain(SECRET);
  });

  it("refuses a replayed command after the process is killed (SIGKILL) and restarted", async () => {
    const body = commandBody("funding", fake.responseUrl("crash"));
    const ts = Math.floor(Date.now() / 1000);
    const first = await startServe();
    const url = `http://127.0.0.1:${first.port}/slack/events`;
    const answered = await postSigned(url, body, { ts });
    expect(answered.json().blocks[0].type).toBe("header");
    // No orderly shutdown: the replay record must already be where the next process finds it.
    const killed = once(first.proc, "exit");
    first.proc.kill("SIGKILL");
    await killed;
    const second = await startServe({}, first.port);
    const replay = await postSigned(`http://127.0.0.1:${second.port}/slack/events`, body, { ts });
    expect(replay.status).toBe(200);
    expect(replay.text).toBe("");
    // A DM answered after the replay is the sentinel: a replayed answer would have come first.
    await postSigned(
      `http://127.0.0.1:${second.port}/slack/events`,
      eventBody(dmEvent("topics", { channel: "D-sentinel" })),
    );
    await fake.waitFor(() => fake.posts().some((p) => p.args.channel === "D-sentinel"));
    expect(fake.responses.filter((r) => r.id === "crash")).toHaveLength(0);
  });
});

/** `nhsai serve` in HTTP mode on a free port (or `port`), resolved once it says it is ready. */
async function startServe(extra: Record<string, string> = {}, fixedPort?: number) {
  const port = fixedPort ?? (await freePort());
  const proc = spawn(process.execPath, [cli, "serve"], {
    env: env({
      PORT: String(port),
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: "error",
      ...extra,
    }),
  });
  child = proc;
  let stdout = "";
  let stderr = "";
  proc.stderr.on("data", (c) => {
    stderr += c;
  });
  await new Promise<void>((resolve, reject) => {
    proc.stdout.on("data", (c) => {
      stdout += c;
      if (stdout.includes("ready on port")) resolve();
    });
    proc.once("exit", (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  return { proc, port, stdout: () => stdout, stderr: () => stderr };
}
