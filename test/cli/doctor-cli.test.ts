/** `nhsai doctor` as an operator runs it: plain words on what is wrong, exit 0 or 1. */

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "libsql";
import { afterEach, describe, expect, it } from "vitest";
import { EMBEDDED_MIGRATIONS } from "../../src/store/embedded/migrations.js";
import { latestVersion } from "../../src/store/migration.js";
import { canMountTmpfs, corruptPages, fillDisk, mountTmpfs } from "../helpers/disk-faults.js";
import { ROOT } from "../helpers/factories.js";
import { freePort, nhsaiEnv, outputOf, type ProcessOutput } from "../helpers/processes.js";
import { platformError, startFakeSlack } from "../slack/fake-slack.js";

const LATEST = latestVersion(EMBEDDED_MIGRATIONS);

const cli = join(ROOT, "dist", "adapters", "cli", "nhsai.js");

let dir = "";
let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = "";
});

/** Runs `nhsai <args>` with only the given nhsai variables set. */
function run(args: string[], env: Record<string, string>): Promise<ProcessOutput> {
  return outputOf(spawn(process.execPath, [cli, ...args], { env: nhsaiEnv(env) }));
}

const dataDir = () => {
  dir = mkdtempSync(join(tmpdir(), "nhsai-doctor-"));
  return join(dir, "data");
};

describe("nhsai doctor", () => {
  it("passes a fresh machine: creates the embedded store and says it is writable and durable", async () => {
    const DATA_DIR = dataDir();
    const { code, stdout, stderr } = await run(["doctor"], { DATA_DIR });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("ok       configuration: valid; no chat platform is configured");
    expect(stdout).toContain(
      `ok       store: embedded store (libSQL) at ${join(DATA_DIR, "nhsai.db")}, reachable, schema version ${LATEST}, writable, every page sound`,
    );
    expect(stdout).toContain("(journal_mode=wal, synchronous=FULL)");
    expect(stdout.trim().split("\n").at(-1)).toBe("All checks passed.");
    expect(existsSync(join(DATA_DIR, "nhsai.db"))).toBe(true);
  });

  it("finds damaged pages (header intact) that the probe write alone would miss", async () => {
    const DATA_DIR = dataDir();
    expect((await run(["doctor"], { DATA_DIR })).code).toBe(0);
    const db = new Database(join(DATA_DIR, "nhsai.db"));
    const insert = db.prepare(
      "INSERT INTO audit_log (at, who, action, subject, detail) VALUES (?, 'cli', 'test', ?, ?)",
    );
    for (let i = 0; i < 400; i++) insert.run(new Date(0).toISOString(), `subject:${i}`, "x".repeat(300));
    db.close();
    corruptPages(join(DATA_DIR, "nhsai.db"));
    const { code, stdout } = await run(["doctor"], { DATA_DIR });
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /PROBLEM {2}store: the store's file .*nhsai\.db is damaged \(SQLite's check: .+\); restore it from a backup/,
    );
    expect(stdout).not.toContain("writable, every page sound");
  });

  it.skipIf(!canMountTmpfs)(
    "says the disk is full (a tmpfs filled to the last byte; skipped where mount is not permitted)",
    async () => {
      const disk = mountTmpfs(24);
      unmount = disk.remove;
      const DATA_DIR = join(disk.dir, "data");
      const healthy = await run(["doctor"], { DATA_DIR });
      expect(healthy.code).toBe(0);
      expect(healthy.stdout).toMatch(/ok {7}store: \d+ MB free on the disk that holds it/);
      fillDisk(disk.dir, 24);
      const { code, stdout } = await run(["doctor"], { DATA_DIR });
      expect(code).toBe(1);
      expect(stdout).toMatch(/PROBLEM {2}store: .*full/);
    },
  );

  it("warns that TEAMS_LOCAL=1 runs unauthenticated, without failing", async () => {
    const { code, stdout } = await run(["doctor"], { DATA_DIR: dataDir(), TEAMS_LOCAL: "1" });
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /WARNING {2}configuration: TEAMS_LOCAL=1 accepts Teams activities without a token .*never in production/,
    );
  });

  it("says DATA_DIR cannot hold the store when it is a file", async () => {
    dataDir();
    const file = join(dir, "a-file");
    writeFileSync(file, "");
    const { code, stdout } = await run(["doctor"], { DATA_DIR: file });
    expect(code).toBe(1);
    expect(stdout).toContain(
      `PROBLEM  store: DATA_DIR ${file} cannot hold the embedded store: it is a file, not a folder`,
    );
    expect(stdout.trim().split("\n").at(-1)).toBe("1 problem found.");
  });

  it("names an unreachable PostgreSQL by host, port and database, never the password", async () => {
    const port = await freePort();
    const { code, stdout } = await run(["doctor"], {
      DATABASE_URL: `postgres://nhsai:pa55word@127.0.0.1:${port}/briefings`,
    });
    expect(code).toBe(1);
    expect(stdout).toContain(
      `PROBLEM  store: cannot reach PostgreSQL at 127.0.0.1:${port}/briefings: connection refused`,
    );
    expect(stdout).not.toContain("pa55word");
  });

  it("refuses a store from a newer nhsai, as serve does, in one line", async () => {
    const DATA_DIR = dataDir();
    expect((await run(["doctor"], { DATA_DIR })).code).toBe(0);
    const db = new Database(join(DATA_DIR, "nhsai.db"));
    db.exec("INSERT INTO schema_version (version, name, applied_at) VALUES (9, 'later', '2027-01-01T00:00:00.000Z')");
    db.close();
    const message = `the store at ${join(DATA_DIR, "nhsai.db")} is at schema version 9, but this nhsai knows versions up to ${LATEST}`;

    const doctor = await run(["doctor"], { DATA_DIR });
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain(`PROBLEM  store: ${message}: upgrade nhsai`);

    const serve = await run(["serve", "--allow-idle"], { DATA_DIR, PORT: String(await freePort()) });
    expect(serve.code).toBe(1);
    expect(serve.stdout).toBe("");
    expect(serve.stderr.trim().split("\n")).toEqual([expect.stringContaining(`nhsai serve: ${message}`)]);
  });

  it("reports settings that cannot work together, and still checks the store", async () => {
    const DATA_DIR = dataDir();
    const { code, stdout } = await run(["doctor"], {
      DATA_DIR,
      SLACK_BOT_TOKEN: "xoxp-user-token",
      MICROSOFT_APP_ID: "00000000-0000-0000-0000-000000000000",
    });
    expect(code).toBe(1);
    expect(stdout).toContain("PROBLEM  configuration: SLACK_BOT_TOKEN should be a bot token, starting xoxb-");
    expect(stdout).toContain(
      "PROBLEM  configuration: Slack over HTTP needs SLACK_SIGNING_SECRET beside SLACK_BOT_TOKEN",
    );
    expect(stdout).toContain("PROBLEM  configuration: Teams needs MICROSOFT_APP_PASSWORD beside MICROSOFT_APP_ID");
    expect(stdout).toContain("ok       store: embedded store (libSQL)");
    expect(stdout.trim().split("\n").at(-1)).toBe("3 problems found.");
  });

  it("names a bad variable, and checks the store regardless", async () => {
    const { code, stdout } = await run(["doctor"], { DATA_DIR: dataDir(), PORT: "eighty" });
    expect(code).toBe(1);
    expect(stdout).toContain('PROBLEM  configuration: PORT must be a whole number (got "eighty")');
    expect(stdout).toContain("ok       store: embedded store (libSQL)");
  });

  it("treats an unknown flag or an argument as bad usage (exit 2)", async () => {
    const flag = await run(["doctor", "--fix"], {});
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/^nhsai doctor: Unknown option '--fix'/);
    const argument = await run(["doctor", "now"], {});
    expect(argument.code).toBe(2);
    expect(argument.stderr).toBe('nhsai doctor: takes no arguments (got "now")\n');
  });

  it.skipIf(!process.env.DATABASE_URL)("passes against a reachable PostgreSQL (needs DATABASE_URL)", async () => {
    const { code, stdout } = await run(["doctor"], { DATABASE_URL: process.env.DATABASE_URL ?? "" });
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`ok {7}store: PostgreSQL at .+, reachable, schema version ${LATEST}, writable`));
    expect(stdout).toContain("(synchronous_commit=on, fsync=on)");
  });
});

describe("nhsai doctor --online", () => {
  const slackToken = "xoxb-1234-5678-doctortoken";
  const slackSecret = "test-signing-secret-0123456789";

  it("tries the Slack bot token for real and says so when Slack accepts it", async () => {
    const slack = await startFakeSlack();
    try {
      const result = await run(["doctor", "--online"], {
        DATA_DIR: dataDir(),
        SLACK_BOT_TOKEN: slackToken,
        SLACK_SIGNING_SECRET: slackSecret,
        SLACK_API_URL: slack.apiUrl,
      });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/ok {7}online: Slack accepts the bot token/);
      expect(slack.calls.map((c) => c.method)).toEqual(["auth.test"]);
    } finally {
      await slack.close();
    }
  });

  it("fails with the fix when Slack refuses a made-up token, though the offline checks pass", async () => {
    const slack = await startFakeSlack();
    slack.script("auth.test", platformError("invalid_auth"));
    try {
      const env = { DATA_DIR: dataDir(), SLACK_BOT_TOKEN: slackToken, SLACK_SIGNING_SECRET: slackSecret };
      const offline = await run(["doctor"], { ...env, SLACK_API_URL: slack.apiUrl });
      expect(offline.code).toBe(0);
      const online = await run(["doctor", "--online"], { ...env, SLACK_API_URL: slack.apiUrl });
      expect(online.code).toBe(1);
      expect(online.stdout).toMatch(/PROBLEM {2}online: Slack refused the bot token \(invalid_auth\): .*OAuth/);
      expect(online.stdout).not.toContain(slackToken);
    } finally {
      await slack.close();
    }
  });

  it("says when Slack cannot be reached at all", async () => {
    const closed = await freePort();
    const result = await run(["doctor", "--online"], {
      DATA_DIR: dataDir(),
      SLACK_BOT_TOKEN: slackToken,
      SLACK_SIGNING_SECRET: slackSecret,
      SLACK_API_URL: `http://127.0.0.1:${closed}/api/`,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/PROBLEM {2}online: Slack could not be reached .*HTTPS_PROXY/);
  });

  it("warns that an unset MICROSOFT_APP_TYPE means MultiTenant", async () => {
    const result = await run(["doctor"], {
      DATA_DIR: dataDir(),
      MICROSOFT_APP_ID: "0b5e7a1c-2d3e-4f50-8a6b-7c8d9e0f1a2b",
      MICROSOFT_APP_PASSWORD: "not-a-real-secret",
    });
    expect(result.stdout).toMatch(
      /WARNING {2}configuration: MICROSOFT_APP_TYPE is not set, so Bot Framework treats the bot as MultiTenant/,
    );
  });
});

describe("a working folder deleted under nhsai", () => {
  it("is a one-line store problem, not a process spinning at full CPU for ever", async () => {
    const folder = mkdtempSync(join(tmpdir(), "nhsai-gone-"));
    // The shell enters the folder, removes it, then becomes nhsai: its working folder no longer exists.
    const child = spawn(
      "sh",
      ["-c", 'cd "$1" && rmdir "$1" && exec "$2" "$3" doctor', "sh", folder, process.execPath, cli],
      {
        env: { PATH: process.env.PATH ?? "", NHSAI_DOTENV: "off" },
      },
    );
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    const result = await outputOf(child);
    clearTimeout(timer);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/PROBLEM {2}store: DATA_DIR \.\/data cannot hold the embedded store/);
  });
});
