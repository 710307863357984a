/**
 * `/healthz` reports each configured platform ready or not, with why, from its credentials tried
 * for real (Slack's auth.test, a Bot Framework token from Entra ID), and answers 503 while one is not
 * ready; the scheduler's failed run does the same, a failing feed only reports. Through the real
 * `nhsai serve` against loopback fakes.
 */

import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type PartReadiness, serveReadiness } from "../../adapters/serve/health.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { type FakeSlack, platformError, startFakeSlack } from "../slack/fake-slack.js";
import { aadError, type FakeEntra, startFakeEntra, TLS } from "../teams/fake-entra.js";
import { type ServeProcess, startServe } from "../teams/serve-process.js";

let serve: ServeProcess | undefined;
let slack: FakeSlack | undefined;
let entra: FakeEntra | undefined;
afterEach(async () => {
  await serve?.stop();
  await slack?.close();
  await entra?.close();
  serve = slack = entra = undefined;
});

const health = async (port: number) => {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return {
    status: res.status,
    body: (await res.json()) as { status: string; reason?: string; ready: Record<string, PartReadiness> },
  };
};

const slackEnv = (apiUrl: string) => ({
  SLACK_BOT_TOKEN: "xoxb-made-up-token",
  SLACK_SIGNING_SECRET: "a-signing-secret",
  SLACK_API_URL: apiUrl,
});

describe("/healthz readiness through nhsai serve", () => {
  it("is 200 with Slack ready when auth.test accepts the bot token", async () => {
    slack = await startFakeSlack();
    serve = await startServe(slackEnv(slack.apiUrl));
    const { status, body } = await health(serve.port);
    expect(status).toBe(200);
    expect(body.ready.slack).toEqual({ ready: true });
    expect(body.ready.scheduler?.ready).toBe(true);
  });

  it("is 503 naming Slack's refusal when the bot token is made up, and logs the fix", async () => {
    slack = await startFakeSlack();
    slack.script("auth.test", platformError("invalid_auth"), platformError("invalid_auth"));
    serve = await startServe(slackEnv(slack.apiUrl));
    const { status, body } = await health(serve.port);
    expect(status).toBe(503);
    expect(body.status).toBe("degraded");
    expect(body.ready.slack).toEqual({ ready: false, reason: "Slack refused the bot token (invalid_auth)" });
    expect(body.reason).toBe("slack not ready: Slack refused the bot token (invalid_auth)");
    expect(serve.stderr()).toMatch(/"event":"platform.not_ready".*copy the Bot User OAuth Token/);
    expect(JSON.stringify(body)).not.toContain("127.0.0.1");
  });

  it("is 503 naming Entra ID's refusal when the Teams client secret is wrong", async () => {
    entra = await startFakeEntra(() => aadError(7000215));
    serve = await startServe({
      MICROSOFT_APP_ID: "0b5e7a1c-2d3e-4f50-8a6b-7c8d9e0f1a2b",
      MICROSOFT_APP_PASSWORD: "not-the-secret",
      MICROSOFT_APP_TYPE: "SingleTenant",
      MICROSOFT_APP_TENANT_ID: "7d1f3a5b-9c2e-4d6f-8a0b-1c3e5f7a9b2d",
      MICROSOFT_LOGIN_URL: entra.url,
      NODE_EXTRA_CA_CERTS: join(TLS, "cert.pem"),
    });
    const { status, body } = await health(serve.port);
    expect(status).toBe(503);
    expect(body.ready.teams).toEqual({
      ready: false,
      reason: "Entra ID refused the Teams credentials (invalid_client)",
    });
    expect(entra.requests).toHaveLength(1);
    expect(JSON.stringify(body)).not.toContain("not-the-secret");
  });
});

describe("serve readiness", () => {
  const config = loadConfig({ TEAMS_LOCAL: "1" });

  it("holds /healthz at 503 after a failed scheduler run, and lets it go after a good one", () => {
    const readiness = serveReadiness(config, {}, silentLogger);
    expect(readiness.blocking()).toBeNull();
    readiness.scheduler.failed("the last run failed");
    expect(readiness.blocking()).toBe("scheduler not ready: the last run failed");
    readiness.scheduler.succeeded();
    expect(readiness.blocking()).toBeNull();
  });

  it("reports failing feeds without taking the replica out of service", () => {
    const readiness = serveReadiness(config, {}, silentLogger);
    readiness.feeds.failed("the last poll round failed");
    expect(readiness.current().feeds).toEqual({ ready: false, reason: "the last poll round failed" });
    expect(readiness.blocking()).toBeNull();
    expect(readiness.current().teams).toEqual({ ready: true, reason: "TEAMS_LOCAL: no credentials to check" });
  });
});
