import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createJsonLogger } from "../../adapters/cli/json-logger.js";
import {
  type ConnectorStub,
  messageActivity,
  postActivity,
  type RunningBot,
  startBot,
  startConnectorStub,
} from "./teams-harness.js";
import {
  APP_ID,
  ISSUER,
  OUTBOUND_TOKEN,
  signingKey,
  signToken,
  startKeyServer,
  testCredentials,
} from "./token-server.js";

const key = signingKey("key-1");
const stranger = signingKey("key-unknown");
const webchatOnly = signingKey("key-webchat", ["webchat"]);
let keys: Awaited<ReturnType<typeof startKeyServer>>;
let connector: ConnectorStub;
let bot: RunningBot;

/** Everything written to the console outside the logger (spied before the platform exists). */
const consoleCalls = (["error", "warn", "log", "info", "debug"] as const).map((method) =>
  vi.spyOn(console, method).mockImplementation(() => {}),
);
const printed = () => consoleCalls.reduce((n, spy) => n + spy.mock.calls.length, 0);
/** The process's JSON log at the default level (info). */
let logLines: string[] = [];

beforeAll(async () => {
  keys = await startKeyServer([key, webchatOnly]);
  connector = await startConnectorStub();
  bot = await startBot(
    { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: "test-secret", TEAMS_LOCAL: "1" },
    { openIdMetadataUrl: keys.metadataUrl, tokenIssuer: ISSUER, credentialsFactory: testCredentials },
    undefined,
    createJsonLogger((line) => logLines.push(line), "info"),
  );
});

afterAll(async () => {
  await bot.close();
  await connector.close();
  await keys.close();
});

const now = () => Math.floor(Date.now() / 1000);

describe("Bot Framework tokens with MICROSOFT_APP_ID set", () => {
  it("accepts a valid token and replies with the bot's own outbound token", async () => {
    const before = connector.received.length;
    const res = await postActivity(bot.url, messageActivity(connector.url, "help"), {
      authorization: `Bearer ${signToken(key, connector.url)}`,
    });
    expect(res.status).toBe(200);
    expect(connector.received.length).toBe(before + 1);
    expect(connector.received.at(-1)?.authorization).toBe(`Bearer ${OUTBOUND_TOKEN}`);
  });

  it("accepts a token that expired 2 minutes ago (botbuilder's 300 s clock tolerance)", async () => {
    const res = await postActivity(bot.url, messageActivity(connector.url, "help"), {
      authorization: `Bearer ${signToken(key, connector.url, { exp: now() - 120, nbf: now() - 3600 })}`,
    });
    expect(res.status).toBe(200);
  });

  const refused: Array<[string, (serviceUrl: string) => string | undefined]> = [
    ["no header", () => undefined],
    ["a Basic scheme", () => "Basic dXNlcjpwYXNz"],
    ["alg none", (s) => `Bearer ${signToken(key, s, {}, "none")}`],
    ["HS256 keyed with the public key", (s) => `Bearer ${signToken(key, s, {}, "HS256")}`],
    ["expired 10 minutes ago", (s) => `Bearer ${signToken(key, s, { exp: now() - 600, nbf: now() - 3600 })}`],
    ["nbf in the future", (s) => `Bearer ${signToken(key, s, { nbf: now() + 3600 })}`],
    ["the wrong audience", (s) => `Bearer ${signToken(key, s, { aud: "someone-else" })}`],
    ["the wrong issuer", (s) => `Bearer ${signToken(key, s, { iss: "https://evil.example" })}`],
    ["a serviceurl claim for another connector", () => `Bearer ${signToken(key, "http://127.0.0.1:1/")}`],
    ["an unknown key", (s) => `Bearer ${signToken(stranger, s)}`],
    ["a key endorsed for webchat only", (s) => `Bearer ${signToken(webchatOnly, s)}`],
  ];

  it.each(refused)("refuses %s with 401, sends nothing, and logs one JSON line", async (_name, header) => {
    const before = connector.received.length;
    const printedBefore = printed();
    logLines = [];
    const headers: Record<string, string> = {};
    const value = header(connector.url);
    if (value) headers.authorization = value;
    const res = await postActivity(bot.url, messageActivity(connector.url, "help"), headers);
    expect(res.status).toBe(401);
    expect(connector.received.length).toBe(before);
    // No public keys or jsonwebtoken stacks around the logger: botbuilder's console output is routed.
    expect(printed()).toBe(printedBefore);
    expect(logLines.map((line) => JSON.parse(line).event)).toEqual(["teams.refused"]);
  });

  it("fetches the keys again at most once an hour, however many tokens name an unknown key", async () => {
    const fetched = keys.keyFetches();
    expect(fetched).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) {
      const res = await postActivity(bot.url, messageActivity(connector.url, "help"), {
        authorization: `Bearer ${signToken(stranger, connector.url)}`,
      });
      expect(res.status).toBe(401);
    }
    expect(keys.keyFetches()).toBe(fetched);
  });

  it("stores no conversation reference from a refused activity", async () => {
    await postActivity(bot.url, messageActivity(connector.url, "help", "groupChat"), {
      authorization: `Bearer ${signToken(stranger, connector.url)}`,
    });
    const ids = (await bot.store.listConversationReferences()).map((r) => r.conversationId);
    expect(ids).not.toContain("19:group-chat@thread.v2");
  });
});

describe("when Bot Framework's key server cannot be reached", () => {
  it("refuses with 401 (never 200) and sends nothing", async () => {
    const down = await startBot(
      { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: "test-secret", TEAMS_LOCAL: "1" },
      { openIdMetadataUrl: "http://127.0.0.1:1/openid", tokenIssuer: ISSUER, credentialsFactory: testCredentials },
    );
    try {
      const before = connector.received.length;
      const res = await postActivity(down.url, messageActivity(connector.url, "help"), {
        authorization: `Bearer ${signToken(key, connector.url)}`,
      });
      expect(res.status).toBe(401);
      expect(connector.received.length).toBe(before);
    } finally {
      await down.close();
    }
  });
});
