/**
 * Socket Mode (SLACK_APP_TOKEN): the real SocketModeReceiver connects in start() to a loopback
 * WebSocket that plays Slack (apps.connections.open on the fake Web API hands out its URL). Each
 * envelope is acked; a retried envelope (`retry_attempt: 1`, same event_id) is answered once.
 */

import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type WebSocket, WebSocketServer } from "ws";
import { type FakeSlack, ok, platformError, startFakeSlack } from "./fake-slack.js";
import { type RunningSlackApp, startSlackApp } from "./slack-app.js";
import { commandBody, dmEvent, eventBody, eventEnvelope } from "./slack-requests.js";

let fake: FakeSlack;
let wss: WebSocketServer;
let app: RunningSlackApp;
const acks: string[] = [];
let socket: WebSocket | undefined;
let connections = 0;

beforeAll(async () => {
  fake = await startFakeSlack();
  wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await once(wss, "listening");
  const url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}/`;
  fake.script("apps.connections.open", ok({ url }));
  wss.on("connection", (ws) => {
    connections += 1;
    socket = ws;
    ws.on("message", (data) => {
      const message = JSON.parse(String(data));
      if (message.envelope_id) acks.push(message.envelope_id);
    });
    ws.send(JSON.stringify({ type: "hello", num_connections: 1, debug_info: { approximate_connection_time: 3600 } }));
  });
  app = await startSlackApp(fake, { env: { SLACK_SIGNING_SECRET: "", SLACK_APP_TOKEN: "xapp-1-test" } });
});
afterAll(async () => {
  await app.stop();
  for (const client of wss.clients) client.terminate();
  wss.close();
  await fake.close();
});

describe("Socket Mode", () => {
  it("mounts no HTTP route, acks every envelope, and answers a DM once despite a retried envelope", async () => {
    expect(app.platform.routes).toEqual({});
    await fake.waitFor(() => connections === 1 && socket !== undefined);
    const body = eventBody(dmEvent("topics", { channel: "D-socket" }), "EvSocket1");
    socket?.send(eventEnvelope("env-1", body));
    await fake.waitFor(() => fake.posts().some((p) => p.args.channel === "D-socket"));
    socket?.send(eventEnvelope("env-2", body, 1));
    await fake.waitFor(() => acks.includes("env-1") && acks.includes("env-2"));
    // A sentinel on the same socket: once its DM is answered, the retry had its chance to post.
    socket?.send(eventEnvelope("env-3", eventBody(dmEvent("topics", { channel: "D-sentinel" }))));
    await fake.waitFor(() => fake.posts().some((p) => p.args.channel === "D-sentinel"));
    expect(fake.posts().filter((p) => p.args.channel === "D-socket")).toHaveLength(1);
    expect(app.logs()).toMatch(/slack.replay_ignored/);
  });

  it("answers /nhsai in the envelope's ack, visible only to the asker", async () => {
    const command = Object.fromEntries(new URLSearchParams(commandBody("topics", fake.responseUrl("socket"))));
    const acked = new Promise<Record<string, unknown>>((resolve) => {
      socket?.on("message", (data) => {
        const message = JSON.parse(String(data));
        if (message.envelope_id === "env-cmd") resolve(message);
      });
    });
    socket?.send(
      JSON.stringify({
        envelope_id: "env-cmd",
        type: "slash_commands",
        accepts_response_payload: true,
        payload: command,
      }),
    );
    const ack = await acked;
    expect(ack.payload).toMatchObject({ response_type: "ephemeral" });
    expect(JSON.stringify(ack.payload)).toMatch(/Topics I follow/);
  });

  it("stops start-up with one line naming SLACK_APP_TOKEN when Slack refuses the token", async () => {
    fake.script(
      "apps.connections.open",
      platformError("invalid_auth"),
      platformError("invalid_auth"),
      platformError("invalid_auth"),
    );
    await expect(
      startSlackApp(fake, { env: { SLACK_SIGNING_SECRET: "", SLACK_APP_TOKEN: "xapp-1-revoked" } }),
    ).rejects.toThrow(/^Slack refused the Socket Mode connection \(invalid_auth\): check SLACK_APP_TOKEN/);
  });
});
