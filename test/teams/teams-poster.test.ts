import { afterEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/reply.js";
import { sampleReplies } from "../helpers/sample-replies.js";
import {
  type ConnectorStub,
  conversationIdOf,
  installActivity,
  postActivity,
  type RunningBot,
  startBot,
  startConnectorStub,
} from "./teams-harness.js";

let connector: ConnectorStub;
let bot: RunningBot;
const channel = conversationIdOf("channel");

afterEach(async () => {
  await bot?.close();
  await connector?.close();
});

async function installed() {
  connector = await startConnectorStub();
  bot = await startBot({ TEAMS_LOCAL: "1" });
  await postActivity(bot.url, installActivity(connector.url, "add"));
  connector.received.length = 0;
}

const digest = () => sampleReplies().find((s) => s.reply.kind === "digest")?.reply as Reply;

describe("the Teams poster (scheduled briefings)", () => {
  it.each([429, 412, 502, 504])("retries %i with backoff and delivers exactly once", async (status) => {
    await installed();
    connector.script.push({ status }, { status, headers: { "retry-after": "0" } });
    const outcome = await bot.platform.poster.post(channel, digest());
    expect(outcome.state).toBe("sent");
    expect(connector.received).toHaveLength(3);
    const gaps = connector.received.slice(1).map((r, i) => r.at - (connector.received[i]?.at as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(4);
  });

  it("reports 403 MessageWritesBlocked as gone, without retrying", async () => {
    await installed();
    connector.script.push({
      status: 403,
      body: { error: { code: "Forbidden", message: "x" }, subCode: "MessageWritesBlocked" },
    });
    const outcome = await bot.platform.poster.post(channel, digest());
    expect(outcome.state).toBe("gone");
    expect(connector.received).toHaveLength(1);
  });

  it("never re-sends after a 500: the post may have landed", async () => {
    await installed();
    connector.script.push({ status: 500 });
    expect((await bot.platform.poster.post(channel, digest())).state).toBe("uncertain");
    expect(connector.received).toHaveLength(1);
  });

  it("gives up on 429 after its attempts, as failed (nothing was posted)", async () => {
    await installed();
    connector.script.push(...Array.from({ length: 5 }, () => ({ status: 429, headers: { "retry-after": "0" } })));
    const outcome = await bot.platform.poster.post(channel, digest());
    expect(outcome.state).toBe("failed");
    expect(connector.received).toHaveLength(5);
  });

  it("splits a card the connector refuses as too big (413) and sends the halves", async () => {
    await installed();
    connector.script.push({ status: 413, body: { error: { code: "MessageSizeTooBig" } } });
    const outcome = await bot.platform.poster.post(channel, digest());
    expect(outcome.state).toBe("sent");
    const [refused, first, second] = connector.received;
    const bodyOf = (r: typeof refused) =>
      ((r?.body.attachments ?? []) as Array<{ content: { body: unknown[] } }>)[0]?.content.body ?? [];
    expect(connector.received).toHaveLength(3);
    expect(bodyOf(first).length + bodyOf(second).length).toBe(bodyOf(refused).length);
  });

  it("refuses a stored reference whose serviceUrl is not allowed, before any request", async () => {
    await installed();
    for (const serviceUrl of ["http://169.254.169.254/", "https://smba.trafficmanager.net.evil.com/"]) {
      await bot.store.saveConversationReference(
        "19:evil@thread.tacv2",
        { serviceUrl, conversation: { id: "x" } },
        "test",
        new Date(),
      );
      expect((await bot.platform.poster.post("19:evil@thread.tacv2", digest())).state).toBe("failed");
    }
    expect(connector.connections()).toBe(0);
  });

  it("is gone for a conversation it was never installed in", async () => {
    await installed();
    expect((await bot.platform.poster.post("19:never@thread.tacv2", digest())).state).toBe("gone");
  });
});
