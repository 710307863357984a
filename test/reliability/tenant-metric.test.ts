/**
 * Check 16 through a spawned `nhsai serve`: with TEAMS_TENANTS set, an activity from another tenant
 * gets no answer, is logged and is counted in /metrics, so an operator can alert on a foreign
 * organisation reaching the bot (that no reference is stored: teams/messages-route.test.ts).
 */

import { afterEach, describe, expect, it } from "vitest";
import { type ServeProcess, startServe } from "../teams/serve-process.js";
import {
  type ConnectorStub,
  installActivity,
  messageActivity,
  postActivity,
  startConnectorStub,
} from "../teams/teams-harness.js";

const TOKEN = "metrics-token-0123456789abcdef";
let serve: ServeProcess | undefined;
let connector: ConnectorStub | undefined;
afterEach(async () => {
  await serve?.stop();
  await connector?.close();
  serve = connector = undefined;
});

describe("an activity from a tenant this deployment does not serve", () => {
  it("gets no answer, is logged and is counted in /metrics as foreign_tenant", async () => {
    connector = await startConnectorStub();
    serve = await startServe({
      TEAMS_LOCAL: "1",
      TEAMS_TENANTS: "our-tenant",
      METRICS_TOKEN: TOKEN,
      LOG_LEVEL: "info",
    });
    const url = `http://127.0.0.1:${serve.port}/api/messages`;
    expect((await postActivity(url, messageActivity(connector.url, "help"))).status).toBe(200);
    expect((await postActivity(url, installActivity(connector.url, "add"))).status).toBe(200);
    expect(connector.received).toHaveLength(0);
    const ours = messageActivity(connector.url, "help", "personal", { channelData: { tenant: { id: "our-tenant" } } });
    expect((await postActivity(url, ours)).status).toBe(200);
    expect(connector.received).toHaveLength(1);
    const metrics = await (
      await fetch(`http://127.0.0.1:${serve.port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).text();
    expect(metrics).toMatch(/^nhsai_ignored_total\{platform="teams",reason="foreign_tenant"\} 2$/m);
    expect(serve.stderr().match(/"event":"teams\.foreign_tenant"/g)).toHaveLength(2);
  }, 30_000);
});
