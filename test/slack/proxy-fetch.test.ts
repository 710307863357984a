/** HTTPS_PROXY / HTTP_PROXY / NO_PROXY: the Slack clients go through the proxy the environment names. */

import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proxySetup } from "../../adapters/slack/proxy-fetch.js";
import { slackClientOptions } from "../../adapters/slack/slack-client.js";
import { type FakeSlack, startFakeSlack } from "./fake-slack.js";

let fake: FakeSlack;
let proxy: Server;
let proxyUrl: string;
const tunnels: string[] = [];

beforeAll(async () => {
  fake = await startFakeSlack();
  // A forwarding proxy: records each CONNECT and splices the two sockets together.
  proxy = createServer();
  proxy.on("connect", (req, client, head) => {
    tunnels.push(String(req.url));
    const [host, port] = String(req.url).split(":");
    const upstream = connect(Number(port), host ?? "127.0.0.1", () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  proxy.listen(0, "127.0.0.1");
  await once(proxy, "listening");
  proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
});
afterAll(async () => {
  proxy.closeAllConnections();
  proxy.close();
  await fake.close();
});

describe("proxySetup", () => {
  it("is off when no proxy variable is set", () => {
    expect(proxySetup({})).toBeNull();
  });

  it("sends Web API calls through HTTP_PROXY", async () => {
    const setup = proxySetup({ HTTP_PROXY: proxyUrl });
    const client = new webApi.WebClient("xoxb-test", slackClientOptions({ apiUrl: fake.apiUrl, fetch: setup?.fetch }));
    const before = fake.calls.length;
    await client.auth.test();
    expect(fake.calls.length).toBe(before + 1);
    expect(tunnels).toContain(new URL(fake.apiUrl).host);
  });

  it("goes direct for hosts in NO_PROXY", async () => {
    const setup = proxySetup({ HTTP_PROXY: proxyUrl, NO_PROXY: "127.0.0.1" });
    const client = new webApi.WebClient("xoxb-test", slackClientOptions({ apiUrl: fake.apiUrl, fetch: setup?.fetch }));
    const seen = tunnels.length;
    await client.auth.test();
    expect(tunnels.length).toBe(seen);
  });
});
