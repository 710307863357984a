/** The configuration rules that keep credentials and unauthenticated routes where they belong. */
import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULTS, isLoopbackHost, loadConfig, platformsOf, storeLocation } from "../../src/config.js";

describe("SLACK_API_URL", () => {
  it.each([
    "https://slack.com/api/",
    "https://slack-proxy.nhs.example/api/",
    "http://127.0.0.1:9000/api/",
    "http://127.10.0.1/api/",
    "http://[::1]:9000/api/",
    "http://localhost:9000/api/",
  ])("accepts %s", (url) => {
    expect(loadConfig({ SLACK_API_URL: url }).SLACK_API_URL).toBe(url);
  });

  it.each([
    "http://slack.com/api/",
    "http://10.0.0.5/api/",
    "http://[::ffff:10.0.0.5]/api/",
    "http://localhost.evil.example/",
  ])("refuses plain http to %s, naming the variable", (url) => {
    expect(() => loadConfig({ SLACK_API_URL: url })).toThrow(ConfigError);
    expect(() => loadConfig({ SLACK_API_URL: url })).toThrow(/^SLACK_API_URL must be an https URL/);
  });
});

describe("HOST and TEAMS_LOCAL", () => {
  it("lets HOST name any address without TEAMS_LOCAL", () => {
    expect(loadConfig({ HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
  });

  it.each(["127.0.0.1", "::1", "localhost"])("allows the loopback HOST %s with TEAMS_LOCAL=1", (host) => {
    expect(loadConfig({ HOST: host, TEAMS_LOCAL: "1" }).HOST).toBe(host);
  });

  it.each(["0.0.0.0", "::", "192.0.2.7", "bot.nhs.example"])("refuses HOST=%s with TEAMS_LOCAL=1", (host) => {
    expect(() => loadConfig({ HOST: host, TEAMS_LOCAL: "1" })).toThrow(
      `HOST must be a loopback address (127.0.0.1, ::1) while TEAMS_LOCAL=1, which accepts unauthenticated Teams activities (got ${JSON.stringify(host)})`,
    );
  });
});

describe("isLoopbackHost", () => {
  it.each([
    ["127.0.0.1", true],
    ["::ffff:127.0.0.1", true],
    ["[::1]", true],
    ["LOCALHOST", true],
    ["0.0.0.0", false],
    ["::", false],
    ["169.254.169.254", false],
    ["127.0.0.1.nip.io", false],
  ])("%s → %s", (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});

describe("defaults, in one place", () => {
  it("puts the store under ./data unless DATABASE_URL or DATA_DIR says otherwise", () => {
    expect(storeLocation({})).toEqual({ dataDir: DEFAULTS.DATA_DIR });
    expect(storeLocation({ DATA_DIR: "  " })).toEqual({ dataDir: "./data" });
    expect(storeLocation({ DATABASE_URL: " postgres://db/nhsai ", DATA_DIR: "/srv" })).toEqual({
      databaseUrl: "postgres://db/nhsai",
      dataDir: "/srv",
    });
    expect(storeLocation(loadConfig({}))).toEqual({ dataDir: "./data" });
  });

  it("turns a platform on with any one of its variables, from the environment or the loaded config alike", () => {
    expect(platformsOf({})).toEqual([]);
    expect(platformsOf({ SLACK_SIGNING_SECRET: "s" })).toEqual(["slack"]);
    expect(platformsOf({ MICROSOFT_APP_PASSWORD: "p", TEAMS_LOCAL: "0" })).toEqual(["teams"]);
    expect(platformsOf({ TEAMS_LOCAL: "0", SLACK_BOT_TOKEN: " " })).toEqual([]);
    expect(platformsOf(loadConfig({ TEAMS_LOCAL: "1", SLACK_APP_TOKEN: "xapp-1" }))).toEqual(["slack", "teams"]);
  });
});
