/** Teams configured, half-configured or closed, through the real `nhsai serve` process. */
import { networkInterfaces } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { type ServeProcess, serveUntilExit, startServe } from "./serve-process.js";
import { type ConnectorStub, messageActivity, postActivity, startConnectorStub, USER } from "./teams-harness.js";

let serve: ServeProcess | undefined;
let connector: ConnectorStub | undefined;

afterEach(async () => {
  await serve?.stop();
  serve = undefined;
  await connector?.close();
  connector = undefined;
});

describe("nhsai serve with Teams", () => {
  it("stops start-up with one line when the app id has no password", async () => {
    const { code, stderr } = await serveUntilExit({ MICROSOFT_APP_ID: "00000000-0000-4000-8000-000000000001" });
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/MICROSOFT_APP_PASSWORD is required/);
  });

  it("stops start-up when a SingleTenant app has no tenant", async () => {
    const { code, stderr } = await serveUntilExit({
      MICROSOFT_APP_ID: "00000000-0000-4000-8000-000000000001",
      MICROSOFT_APP_PASSWORD: "secret-value",
      MICROSOFT_APP_TYPE: "SingleTenant",
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/MICROSOFT_APP_TENANT_ID is required/);
    expect(stderr).not.toMatch(/secret-value/);
  });

  it("without an app id or TEAMS_LOCAL, /api/messages runs nothing and sends nothing", async () => {
    connector = await startConnectorStub();
    serve = await startServe({});
    const res = await postActivity(
      `http://127.0.0.1:${serve.port}/api/messages`,
      messageActivity(connector.url, "help"),
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(connector.connections()).toBe(0);
  });

  it("with TEAMS_LOCAL=1, answers a loopback client and refuses anything else", async () => {
    connector = await startConnectorStub();
    serve = await startServe({ TEAMS_LOCAL: "1" });
    const url = `http://127.0.0.1:${serve.port}/api/messages`;
    expect((await postActivity(url, messageActivity(connector.url, "funding"))).status).toBe(200);
    expect(connector.received).toHaveLength(1);
    expect((await postActivity(url, messageActivity("https://smba.trafficmanager.net/teams/", "funding"))).status).toBe(
      403,
    );
  });

  it("with TEAMS_LOCAL=1, listens on 127.0.0.1 only and says so", async () => {
    serve = await startServe({ TEAMS_LOCAL: "1" });
    expect(serve.stdout()).toMatch(/TEAMS_LOCAL=1: listening on 127\.0\.0\.1 only/);
    expect((await fetch(`http://127.0.0.1:${serve.port}/healthz`)).status).toBe(200);
    const outside = externalAddress();
    if (outside) await expect(fetch(`http://${outside}:${serve.port}/healthz`)).rejects.toThrow();
  });

  it.each(["0.0.0.0", "::", "10.1.2.3"])("refuses HOST=%s with TEAMS_LOCAL=1 in one line naming both", async (host) => {
    const { code, stdout, stderr } = await serveUntilExit({ TEAMS_LOCAL: "1", HOST: host });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^nhsai serve: HOST must be a loopback address .*TEAMS_LOCAL=1/);
  });

  it("with TEAMS_LOCAL=1, a sender's ids grant no admin rights: `sources add` is refused to an ADMINS id", async () => {
    connector = await startConnectorStub();
    serve = await startServe({ TEAMS_LOCAL: "1", ADMINS: `teams:${USER.aadObjectId},teams:${USER.id}` });
    const url = `http://127.0.0.1:${serve.port}/api/messages`;
    const add = messageActivity(connector.url, "sources add https://news.example/feed.xml");
    expect((await postActivity(url, add)).status).toBe(200);
    const answer = JSON.stringify(connector.received.at(-1)?.body ?? {});
    expect(answer).toContain("Only an nhsai admin can add or remove feeds");
  });
});

/** A non-loopback IPv4 address of this machine, or null when it has none (then that part is not checked). */
function externalAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces()))
    for (const address of addresses ?? []) if (address.family === "IPv4" && !address.internal) return address.address;
  return null;
}
