/**
 * Check 24: no secret or personal address in what nhsai writes. `nhsai serve` at LOG_LEVEL=debug,
 * with Slack and Teams configured against loopback fakes that refuse the credentials, is fed
 * failing signatures, made-up bearer tokens, Slack API errors and messages carrying tokens and
 * e-mail addresses; then `nhsai doctor --online` runs on the same settings. Everything both wrote
 * (stdout and stderr) is searched for the configured secrets and for anything shaped like one.
 */

import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNhsai } from "../helpers/factories.js";
import { type FakeSlack, platformError, startFakeSlack } from "../slack/fake-slack.js";
import { commandBody, dmEvent, eventBody, postSigned } from "../slack/slack-requests.js";
import { aadError, type FakeEntra, startFakeEntra, TLS } from "../teams/fake-entra.js";
import { type ServeProcess, startServe } from "../teams/serve-process.js";

const BOT_TOKEN = "xoxb-111111111-222222222-SeCrEtBoTtOkEn";
const SIGNING_SECRET = "signing-secret-QWERTYUIOPASDFGH";
const APP_PASSWORD = "app-password-ZXCVBNMLKJHGFD";
const MADE_UP_JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6IngifQ.eyJzdWIiOiJhdHRhY2tlciJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ";

/** What must never be written, whatever the level. */
const FORBIDDEN: ReadonlyArray<readonly [string, RegExp]> = [
  ["the bot token", new RegExp(BOT_TOKEN)],
  ["the signing secret", new RegExp(SIGNING_SECRET)],
  ["the Teams app password", new RegExp(APP_PASSWORD)],
  ["a Slack token", /xox[abpr]-[A-Za-z0-9-]{6,}/],
  ["a Slack app token", /xapp-[A-Za-z0-9-]{6,}/],
  ["a bearer header", /Bearer\s+[A-Za-z0-9._~+/-]{8,}/i],
  ["a JWT", /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/],
  ["an e-mail address", /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/],
];

let slack: FakeSlack;
let entra: FakeEntra;
let serve: ServeProcess;
let env: Record<string, string>;

beforeAll(async () => {
  slack = await startFakeSlack();
  slack.script("auth.test", platformError("invalid_auth"));
  entra = await startFakeEntra(() => aadError(7000215));
  env = {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    MICROSOFT_APP_ID: "0b5e7a1c-2d3e-4f50-8a6b-7c8d9e0f1a2b",
    MICROSOFT_APP_PASSWORD: APP_PASSWORD,
    MICROSOFT_APP_TYPE: "SingleTenant",
    MICROSOFT_APP_TENANT_ID: "7d1f3a5b-9c2e-4d6f-8a0b-1c3e5f7a9b2d",
    MICROSOFT_LOGIN_URL: entra.url,
    NODE_EXTRA_CA_CERTS: join(TLS, "cert.pem"),
    LOG_LEVEL: "debug",
  };
  serve = await startServe(env);
}, 60_000);
afterAll(async () => {
  await slack.close();
  await entra.close();
});

describe("secrets and addresses in what nhsai writes (LOG_LEVEL=debug)", () => {
  it("writes none, through refused requests, API errors and messages carrying them", async () => {
    const slackUrl = `http://127.0.0.1:${serve.port}/slack/events`;
    const teamsUrl = `http://127.0.0.1:${serve.port}/api/messages`;
    const leaky = `my token is ${BOT_TOKEN}, mail me at alex.smith@nhs.net, Bearer ${MADE_UP_JWT}`;
    // Unsigned, wrongly signed and signed requests carrying secrets in their text.
    await fetch(slackUrl, {
      method: "POST",
      body: commandBody(leaky, slack.responseUrl("a")),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    await postSigned(slackUrl, commandBody(leaky, slack.responseUrl("b")), { secret: "another-secret" });
    slack.script("chat.postMessage", platformError("not_authed"), platformError("invalid_auth"));
    await postSigned(slackUrl, commandBody(leaky, slack.responseUrl("c")), { secret: SIGNING_SECRET });
    await postSigned(slackUrl, eventBody(dmEvent(leaky)), { secret: SIGNING_SECRET });
    await postSigned(slackUrl, eventBody(dmEvent(`email alex.smith@nhs.net ${MADE_UP_JWT}`)), {
      secret: SIGNING_SECRET,
    });
    // Teams: no token, a made-up JWT, a Basic header.
    for (const authorization of [
      undefined,
      `Bearer ${MADE_UP_JWT}`,
      `Basic ${Buffer.from(`x:${APP_PASSWORD}`).toString("base64")}`,
    ])
      await fetch(teamsUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ type: "message", text: leaky, serviceUrl: "https://smba.trafficmanager.net/uk/" }),
      });
    await fetch(`http://127.0.0.1:${serve.port}/healthz`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const out = await serve.stop();
    const doctor = await runNhsai(["doctor", "--online"], "", env);
    const written = { serve: out.stdout + out.stderr, doctor: doctor.stdout + doctor.stderr };
    // The run was real: refusals and failures were logged at debug, so there was something to leak.
    expect(written.serve).toMatch(/"level":"debug"/);
    expect(written.serve).toMatch(/slack\.signature_refused/);
    expect(written.serve).toMatch(/teams\.refused/);
    expect(written.doctor).toMatch(/PROBLEM/);
    for (const [where, text] of Object.entries(written))
      for (const [what, pattern] of FORBIDDEN) expect(text, `${what} in ${where}'s output`).not.toMatch(pattern);
  }, 60_000);
});
