/**
 * `nhsai run-due` (and `serve`) as separate processes on one store (a temp DATA_DIR, or a fresh
 * PostgreSQL database of its own when DATABASE_URL is set), posting through the real Slack
 * platform to the loopback Slack Web API of test/slack/fake-slack.ts (SLACK_API_URL).
 */

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { outputOf, type ProcessOutput } from "../helpers/processes.js";
import { type FakeSlack, ok, type Responder } from "../slack/fake-slack.js";

/** The built command (`npm run build`), with its real Slack platform and poster. */
export const NHSAI = join(import.meta.dirname, "..", "..", "dist", "adapters", "cli", "nhsai.js");

/** Secrets the logs are scanned for. */
export const TEST_BOT_TOKEN = "xoxb-0000-test-bot-token-never-logged";
export const TEST_SIGNING_SECRET = "test-signing-secret-never-logged";

export interface StoreTarget {
  readonly name: string;
  readonly env: Record<string, string>;
  open(now: Date): Promise<Store>;
  cleanup(): Promise<void>;
}

export function embeddedTarget(): StoreTarget {
  const dataDir = mkdtempSync(join(tmpdir(), "nhsai-sched-"));
  const opened: Store[] = [];
  return {
    name: "embedded",
    env: { DATA_DIR: dataDir },
    open: async (now) => track(opened, await openStore({ dataDir }, now)),
    cleanup: async () => {
      await Promise.allSettled(opened.map((s) => s.close()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let databases = 0;

/** A database of its own on the server DATABASE_URL names, dropped afterwards. */
export async function postgresTarget(serverUrl: string): Promise<StoreTarget> {
  const name = `nhsai_sched_${process.pid}_${Date.now().toString(36)}_${databases++}`;
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const opened: Store[] = [];
  return {
    name: "PostgreSQL",
    env: { DATABASE_URL: databaseUrl },
    open: async (now) => track(opened, await openStore({ databaseUrl, dataDir: "" }, now)),
    cleanup: async () => {
      await Promise.allSettled(opened.map((s) => s.close()));
      await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Runs `nhsai run-due --at <at> --json` to completion against `target`, posting to `slackApiUrl`. */
export function runDue(
  target: StoreTarget,
  slackApiUrl: string,
  at: string,
  env: Record<string, string> = {},
): Promise<ProcessOutput> {
  return outputOf(spawnNhsai(["run-due", "--at", at, "--json"], target, slackApiUrl, env));
}

/** `nhsai <args>` on `target` with Slack configured to post to `slackApiUrl`. */
export function spawnNhsai(args: string[], target: StoreTarget, slackApiUrl: string, env: Record<string, string> = {}) {
  return spawn(process.execPath, [NHSAI, ...args], {
    env: {
      PATH: process.env.PATH ?? "",
      LOG_LEVEL: "debug",
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slackApiUrl,
      ...target.env,
      ...env,
    },
  });
}

/**
 * The fake Slack answers posts to each channel named in `answers` as given (a Slack error, a lost
 * reply), and the others as usual, for the next `posts` posts.
 */
export function answerChannels(fake: FakeSlack, answers: Record<string, Responder>, posts = 20): void {
  const byChannel: Responder = (res, call) => {
    const channel = String(call.args.channel);
    return (answers[channel] ?? ok({ channel, ts: `${Date.now() / 1000}` }))(res, call);
  };
  fake.script("chat.postMessage", ...Array.from({ length: posts }, () => byChannel));
}

/** The channel each message was posted to, in order. */
export const channelsOf = (fake: FakeSlack): string[] => fake.posts().map((p) => String(p.args.channel));

/** The one JSON line run-due prints on stdout. */
export function summaryOf(output: ProcessOutput): Record<string, number | string> {
  if (output.code !== 0) throw new Error(`run-due exited ${output.code ?? output.signal}: ${output.stderr}`);
  return JSON.parse(output.stdout);
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function track(opened: Store[], store: Store): Store {
  opened.push(store);
  return store;
}
