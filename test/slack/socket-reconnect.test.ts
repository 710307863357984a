/**
 * Socket Mode survives Slack recycling its socket. The fake sends
 * `disconnect` (refresh_requested), then `apps.connections.open` fails once before it succeeds,
 * then the TCP connection is dropped. The app reconnects each time, never holds more than two
 * sockets, acks every envelope exactly once, and answers an event re-delivered after a reconnect
 * (`retry_attempt: 1`) and a slash command delivered twice only once. Then the other disconnect
 * reasons, a socket that stops answering pings, and envelopes no Slack would send.
 */

import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type WebSocket, WebSocketServer } from "ws";
import { type FakeSlack, ok, platformError, startFakeSlack } from "./fake-slack.js";
import { type RunningSlackApp, startSlackApp } from "./slack-app.js";
import { commandBody, dmEvent, eventBody, eventEnvelope } from "./slack-requests.js";

/** The back-off step: reconnections wait 1×, 2×… this after consecutive failures. */
const PING_MS = 400;

let fake: FakeSlack;
let wss: WebSocketServer;
let app: RunningSlackApp;
let url: string;
const acks = new Map<string, number>();
const ackPayloads = new Map<string, unknown>();
const sockets: WebSocket[] = [];
let open = 0;
let mostOpen = 0;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

beforeAll(async () => {
  process.on("unhandledRejection", onRejection);
  fake = await startFakeSlack();
  wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await once(wss, "listening");
  url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}/`;
  fake.script("apps.connections.open", ok({ url }));
  wss.on("connection", (ws) => {
    open += 1;
    mostOpen = Math.max(mostOpen, open);
    sockets.push(ws);
    ws.on("close", () => {
      open -= 1;
    });
    ws.on("message", (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
      if (!message.envelope_id) return;
      acks.set(message.envelope_id, (acks.get(message.envelope_id) ?? 0) + 1);
      ackPayloads.set(message.envelope_id, message.payload);
    });
    ws.send(JSON.stringify({ type: "hello", num_connections: 1, debug_info: { approximate_connection_time: 3600 } }));
  });
  app = await startSlackApp(fake, {
    env: { SLACK_SIGNING_SECRET: "", SLACK_APP_TOKEN: "xapp-1-test" },
    socketPingTimeoutMs: PING_MS,
  });
});
afterAll(async () => {
  await app.stop();
  for (const client of wss.clients) client.terminate();
  wss.close();
  await fake.close();
  process.off("unhandledRejection", onRejection);
});

const latest = () => sockets[sockets.length - 1] as WebSocket;
const dmPosts = (channel: string) => fake.posts().filter((p) => p.args.channel === channel);

function commandEnvelope(id: string, payload: Record<string, string>): string {
  return JSON.stringify({ envelope_id: id, type: "slash_commands", accepts_response_payload: true, payload });
}

describe("Socket Mode reconnection (check 12)", () => {
  it("reconnects after refresh_requested, a failed apps.connections.open and a dropped socket, answering each thing once", async () => {
    await fake.waitFor(() => sockets.length === 1);
    const event = eventBody(dmEvent("topics", { channel: "D-reconnect" }), "EvReconnect1");
    latest().send(eventEnvelope("env-1", event));
    await fake.waitFor(() => dmPosts("D-reconnect").length === 1 && acks.has("env-1"));

    // Slack recycles the socket; the next URL is refused once (a recoverable error), then given.
    fake.script("apps.connections.open", platformError("internal_error"), ok({ url }));
    latest().send(JSON.stringify({ type: "disconnect", reason: "refresh_requested", debug_info: { host: "fake" } }));
    await fake.waitFor(() => sockets.length === 2, 10_000);
    expect(fake.calls.filter((c) => c.method === "apps.connections.open")).toHaveLength(3);

    // Slack's retry of the event whose answer it did not see, on the new socket: acked, not answered.
    latest().send(eventEnvelope("env-2", event, 1));
    const command = Object.fromEntries(new URLSearchParams(commandBody("topics", fake.responseUrl("socket-twice"))));
    latest().send(commandEnvelope("env-cmd-1", command));
    await fake.waitFor(() => acks.has("env-2") && acks.has("env-cmd-1"));
    expect(JSON.stringify(ackPayloads.get("env-cmd-1"))).toMatch(/Topics I follow/);

    // The TCP connection drops with no goodbye; the same command arrives again after the reconnect.
    fake.script("apps.connections.open", ok({ url }));
    latest().terminate();
    await fake.waitFor(() => sockets.length === 3, 10_000);
    latest().send(commandEnvelope("env-cmd-2", command));
    const next = eventBody(dmEvent("topics", { channel: "D-after" }), "EvReconnect2");
    latest().send(eventEnvelope("env-3", next));
    await fake.waitFor(() => acks.has("env-cmd-2") && acks.has("env-3") && dmPosts("D-after").length === 1);
    // A sentinel after everything: once its DM is answered, nothing before it can still post.
    latest().send(eventEnvelope("env-4", eventBody(dmEvent("topics", { channel: "D-sentinel" }), "EvReconnect3")));
    await fake.waitFor(() => acks.has("env-4") && dmPosts("D-sentinel").length === 1);

    expect(JSON.stringify(ackPayloads.get("env-cmd-2") ?? {})).not.toMatch(/Topics I follow/);
    expect(dmPosts("D-reconnect")).toHaveLength(1);
    expect(dmPosts("D-after")).toHaveLength(1);
    expect(fake.responses.filter((r) => r.id === "socket-twice")).toHaveLength(0);
    expect([...acks.values()].every((count) => count === 1)).toBe(true);
    expect([...acks.keys()].sort()).toEqual(["env-1", "env-2", "env-3", "env-4", "env-cmd-1", "env-cmd-2"]);
    expect(mostOpen).toBeLessThanOrEqual(2);
    expect(open).toBe(1);
    expect(app.logs().match(/slack\.replay_ignored/g)).toHaveLength(2);
    expect(rejections).toEqual([]);
  });

  it("reconnects after too_many_websockets, warning and a socket that stops answering pings, and survives hostile envelopes", async () => {
    const answered = async (channel: string, id: string) => {
      latest().send(eventEnvelope(id, eventBody(dmEvent("topics", { channel }), `Ev-${id}`)));
      await fake.waitFor(() => acks.has(id) && dmPosts(channel).length === 1, 10_000);
    };
    // Envelopes no Slack would send: each is dropped or acked, none crashes or leaves a rejection.
    for (const hostile of [
      "not json at all",
      JSON.stringify({ type: "events_api" }),
      JSON.stringify({ envelope_id: "h-null", type: "events_api", payload: null }),
      JSON.stringify({ envelope_id: "h-event", type: "events_api", payload: { type: "event_callback", event: null } }),
      JSON.stringify({
        envelope_id: "h-cmd",
        type: "slash_commands",
        accepts_response_payload: true,
        payload: { command: 5 },
      }),
      JSON.stringify({ envelope_id: "h-click", type: "interactive", payload: { type: "block_actions", actions: "x" } }),
      JSON.stringify({ envelope_id: "h-type", type: "something_new", payload: {} }),
    ])
      latest().send(hostile);
    await answered("D-after-hostile", "env-h");

    for (const reason of ["too_many_websockets", "warning"]) {
      const before = sockets.length;
      fake.script("apps.connections.open", ok({ url }));
      latest().send(JSON.stringify({ type: "disconnect", reason, debug_info: { host: "fake" } }));
      await fake.waitFor(() => sockets.length === before + 1, 10_000);
      await answered(`D-after-${reason}`, `env-${reason}`);
    }

    // A half-dead connection: the server stops reading, so the client's pings go unanswered.
    const before = sockets.length;
    fake.script("apps.connections.open", ok({ url }));
    (latest() as unknown as { _socket: { pause(): void } })._socket.pause();
    await fake.waitFor(() => sockets.length === before + 1, 10 * PING_MS + 5_000);
    await answered("D-after-silence", "env-silence");

    expect(mostOpen).toBeLessThanOrEqual(2);
    expect([...acks.values()].every((count) => count === 1)).toBe(true);
    expect(rejections).toEqual([]);
    expect(app.logs()).toMatch(/slack\.socket_message_unreadable/);
  });
});
