/**
 * `nhsai serve` while another process holds the embedded store's write lock (a long `nhsai
 * ingest`, an operator's sqlite3 shell): Slack must still get its acknowledgements within 3 s,
 * nothing is processed that could not be recorded as handled, and /healthz answers at once.
 */

import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RETRY_LATER } from "../../adapters/slack/replay-guard.js";
import { ROOT } from "../helpers/factories.js";
import { freePort } from "../helpers/processes.js";
import { type FakeSlack, startFakeSlack } from "./fake-slack.js";
import { commandBody, dmEvent, eventBody, postSigned, SECRET } from "./slack-requests.js";

const cli = join(ROOT, "dist", "adapters", "cli", "nhsai.js");
const NHSAI_VARIABLES =
  /^(SLACK_|MICROSOFT_APP_|TEAMS_LOCAL$|DATABASE_URL$|DATA_DIR$|HOST$|PORT$|FEEDS$|HTTPS?_PROXY$|LOG_LEVEL$)/i;

let fake: FakeSlack;
let dataDir = "";
const children: ChildProcess[] = [];
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});
afterAll(async () => {
  await fake.close();
});

/** Prints a line once it is ready, then waits; resolves with the process. */
async function started(proc: ChildProcess, ready: string): Promise<{ stderr: () => string }> {
  children.push(proc);
  let stdout = "";
  let stderr = "";
  proc.stderr?.on("data", (c) => {
    stderr += c;
  });
  await new Promise<void>((resolve, reject) => {
    proc.stdout?.on("data", (c) => {
      stdout += c;
      if (stdout.includes(ready)) resolve();
    });
    proc.once("exit", (code) => reject(new Error(`exited ${code} before "${ready}": ${stderr}`)));
  });
  return { stderr: () => stderr };
}

/** A second process that takes the store's write lock (BEGIN EXCLUSIVE) and keeps it until killed. */
function holdLock(file: string): ChildProcess {
  const code = `
    import Database from "libsql";
    const db = new Database(${JSON.stringify(file)});
    db.exec("BEGIN EXCLUSIVE");
    db.exec("UPDATE store_probe SET checked_at = 'held' WHERE id = 1");
    console.log("locked");
    setInterval(() => {}, 1000);
  `;
  return spawn(process.execPath, ["--input-type=module", "-e", code], { cwd: ROOT });
}

describe("nhsai serve with the store locked by another process", () => {
  it("acknowledges 4 concurrent slash commands within 3 s each, processes none, and answers /healthz within 200 ms", async () => {
    dataDir = mkdtempSync(join(tmpdir(), "nhsai-lock-"));
    const port = await freePort();
    const env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !NHSAI_VARIABLES.test(name))),
      DATA_DIR: dataDir,
      PORT: String(port),
      SLACK_BOT_TOKEN: "xoxb-1-2-lock",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: "error",
    };
    const serve = await started(spawn(process.execPath, [cli, "serve"], { env }), "ready on port");
    await started(holdLock(join(dataDir, "nhsai.db")), "locked");

    const url = `http://127.0.0.1:${port}/slack/events`;
    const commands = ["funding", "help", "topics", "subscribe weekdays 9am"].map((text) =>
      postSigned(url, commandBody(text, fake.responseUrl(`lock-${text}`))),
    );
    // While the commands wait for the lock, /healthz is answered from what the last check found.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const healthStarted = performance.now();
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    const healthMs = performance.now() - healthStarted;
    await health.arrayBuffer();
    expect(healthMs).toBeLessThan(200);

    const answers = await Promise.all(commands);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeLessThan(3_000);
      // Not recorded as handled, so not processed: the sender is asked to try again.
      expect(answer.json()).toEqual({ response_type: "ephemeral", text: RETRY_LATER });
    }
    // An event that could not be recorded is answered 503, for Slack to deliver it again later.
    const event = await postSigned(url, eventBody(dmEvent("topics", { channel: "D-lock" })));
    expect(event.status).toBe(503);
    expect(serve.stderr()).toContain('"event":"slack.replay_store_failed"');

    // The background check soon finds the lock; once it is gone, the store is ok again.
    const healthz = async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
    await expect
      .poll(healthz, { timeout: 5_000 })
      .toMatchObject({ status: "degraded", reason: expect.stringContaining("lock"), store: { state: "unreachable" } });
    const holder = children[1] as ChildProcess;
    const released = once(holder, "exit");
    holder.kill("SIGKILL");
    await released;
    await expect.poll(healthz, { timeout: 5_000 }).toMatchObject({ status: "ok" });
    const after = await postSigned(url, commandBody("help", fake.responseUrl("lock-after")));
    expect(after.json().text).not.toBe(RETRY_LATER);
    // A DM answered after the lock is gone is the sentinel: the refused commands and event, had
    // they been processed after all, would have posted before it.
    await postSigned(url, eventBody(dmEvent("topics", { channel: "D-sentinel" })));
    await fake.waitFor(() => fake.posts().some((p) => p.args.channel === "D-sentinel"));
    expect(fake.responses.filter((r) => r.id.startsWith("lock-") && r.id !== "lock-after")).toEqual([]);
    expect(fake.posts().filter((p) => p.args.channel === "D-lock")).toEqual([]);
  }, 20_000);
});
