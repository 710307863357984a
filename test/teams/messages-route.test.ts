import { afterEach, describe, expect, it } from "vitest";
import { BriefingService, type ServiceContext } from "../../src/briefing-service.js";
import { type Command, parseCommand } from "../../src/commands/parse-command.js";
import { seedLibrary } from "../helpers/factories.js";
import {
  type ConnectorStub,
  cardText,
  conversationIdOf,
  installActivity,
  messageActivity,
  postActivity,
  type RunningBot,
  startBot,
  startConnectorStub,
  USER,
} from "./teams-harness.js";

let connector: ConnectorStub;
let bot: RunningBot;

afterEach(async () => {
  await bot?.close();
  await connector?.close();
});

async function local(options = {}) {
  connector = await startConnectorStub();
  bot = await startBot({ TEAMS_LOCAL: "1" }, options);
}

describe("/api/messages with TEAMS_LOCAL=1 (a local client, no app id)", () => {
  it("answers a question in personal chat with a card that cites its source", async () => {
    await local();
    const res = await postActivity(bot.url, messageActivity(connector.url, "How much is the AI lung cancer funding?"));
    expect(res.status).toBe(200);
    expect(connector.received).toHaveLength(1);
    const sent = connector.received[0];
    expect(sent?.conversationId).toBe(conversationIdOf("personal"));
    const attachments = (sent?.body.attachments ?? []) as Array<{ contentType: string; content: { version: string } }>;
    const attachment = attachments[0];
    expect(attachment?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(attachment?.content.version).toBe("1.5");
    expect(cardText(connector.received)).toMatch(/£21m/);
    expect(cardText(connector.received)).toMatch(/Publisher/);
  });

  it("runs commands typed with or without /nhsai", async () => {
    await local();
    await postActivity(bot.url, messageActivity(connector.url, "funding"));
    await postActivity(bot.url, messageActivity(connector.url, "/nhsai help"));
    expect(connector.received).toHaveLength(2);
    expect(cardText(connector.received.slice(0, 1))).toMatch(/[Ff]unding/);
    expect(cardText(connector.received.slice(1))).toMatch(/digest/);
  });

  it("answers an @mention in a channel in its thread, with the mention stripped", async () => {
    await local();
    await postActivity(bot.url, messageActivity(connector.url, "help", "channel"));
    expect(connector.received).toHaveLength(1);
    expect(connector.received[0]?.conversationId).toBe(`${conversationIdOf("channel")};messageid=1700000000000`);
    expect(cardText(connector.received)).not.toMatch(/unknown|did you mean/i);
  });

  it("adds the http URL of a link Teams made of a typed feed URL (`sources add <a href=…>…</a>`)", async () => {
    connector = await startConnectorStub();
    // TEAMS_LOCAL has no token to vouch for the sender, so the sender is named "unverified:…".
    const admins = new Set([`teams:unverified:${USER.id}`]);
    bot = await startBot({ TEAMS_LOCAL: "1" }, {}, (store) => new BriefingService(seedLibrary(), { store, admins }));
    const typed = 'sources add <a href="http://example.org/feed.xml">example.org/feed.xml</a>';
    await postActivity(bot.url, messageActivity(connector.url, typed));
    expect((await bot.store.listFeeds()).map((f) => f.url)).toEqual(["http://example.org/feed.xml"]);
    expect(cardText(connector.received)).toMatch(/now following http:\/\/example.org\/feed.xml/);
  });

  it("ignores channel messages that do not mention the bot", async () => {
    await local();
    const res = await postActivity(bot.url, messageActivity(connector.url, "help", "channel", { mention: false }));
    expect(res.status).toBe(200);
    expect(connector.received).toHaveLength(0);
  });

  it("stores the reference on install, posts proactively through it, and forgets it on uninstall", async () => {
    await local();
    await postActivity(bot.url, installActivity(connector.url, "add"));
    const channel = conversationIdOf("channel");
    expect((await bot.store.getConversationReference(channel))?.reference.serviceUrl).toBe(connector.url);
    const reply = await bot.service.handle(parseCommand("digest"), {
      conversation: {
        platform: "teams",
        channelId: channel,
        userId: "x",
        scope: "channel",
        mayManageChannel: async () => true,
      },
      now: new Date(),
    });
    const outcome = await bot.platform.poster.post(channel, reply);
    expect(outcome.state).toBe("sent");
    expect(connector.received.at(-1)?.conversationId).toBe(channel);
    await postActivity(bot.url, installActivity(connector.url, "remove"));
    expect(await bot.store.getConversationReference(channel)).toBeNull();
    expect((await bot.platform.poster.post(channel, reply)).state).toBe("gone");
  });

  it("records 👍/👎 from an Action.Submit against the person who clicked", async () => {
    await local();
    await postActivity(bot.url, messageActivity(connector.url, "How much is the AI lung cancer funding?"));
    const card = JSON.stringify(connector.received[0]?.body);
    const data = JSON.parse(card).attachments[0].content.actions.find((a: { title: string }) =>
      a.title.startsWith("👍"),
    ).data;
    await postActivity(bot.url, messageActivity(connector.url, "", "personal", { text: undefined, value: data }));
    const summary = await bot.store.summariseFeedback("answer", data.targetId);
    expect(summary).toEqual({ helpful: 1, notHelpful: 0 });
    expect(JSON.stringify(connector.received.at(-1)?.body)).toMatch(/feedback is recorded/);
  });

  it("refuses a non-loopback serviceUrl before sending anything", async () => {
    await local();
    for (const serviceUrl of [
      "https://smba.trafficmanager.net.evil.com/",
      "http://169.254.169.254/",
      "https://evil.example/",
    ]) {
      const res = await postActivity(bot.url, messageActivity(serviceUrl, "help"));
      expect(res.status).toBe(403);
    }
    expect(await bot.store.listConversationReferences()).toEqual([]);
  });

  it("refuses non-JSON bodies, oversized bodies and other methods", async () => {
    await local();
    const form = await fetch(bot.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "payload=%7B%7D",
    });
    expect(form.status).toBe(415);
    const big = await fetch(bot.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"x":"${"a".repeat(600_000)}"}`,
    });
    expect(big.status).toBe(413);
    const bad = await fetch(bot.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(bad.status).toBe(400);
    expect((await fetch(bot.url)).status).toBe(405);
    expect(connector.connections()).toBe(0);
  });

  it("replies fast with a typing indicator and sends a slow answer once, proactively", async () => {
    connector = await startConnectorStub();
    class SlowChat extends BriefingService {
      override async handle(command: Command, context: ServiceContext) {
        await new Promise((r) => setTimeout(r, 1_500));
        return super.handle(command, context);
      }
    }
    bot = await startBot({ TEAMS_LOCAL: "1" }, { slowAfterMs: 100 }, (store) => new SlowChat(seedLibrary(), { store }));
    const started = performance.now();
    const res = await postActivity(bot.url, messageActivity(connector.url, "funding"));
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1_400);
    expect(connector.received.map((r) => r.body.type)).toEqual(["typing"]);
    await bot.platform.settle();
    expect(connector.received.map((r) => r.body.type)).toEqual(["typing", "message"]);
  });

  it("tells the person briefly when a slow answer fails, with no error text", async () => {
    connector = await startConnectorStub();
    class FailingChat extends BriefingService {
      override async handle(): Promise<never> {
        await new Promise((r) => setTimeout(r, 300));
        throw new Error("database exploded at /srv/secret/path");
      }
    }
    bot = await startBot(
      { TEAMS_LOCAL: "1" },
      { slowAfterMs: 50 },
      (store) => new FailingChat(seedLibrary(), { store }),
    );
    expect((await postActivity(bot.url, messageActivity(connector.url, "funding"))).status).toBe(200);
    await bot.platform.settle();
    expect(connector.received.map((r) => r.body.type)).toEqual(["typing", "message"]);
    const text = cardText(connector.received);
    expect(text).toMatch(/Sorry, something went wrong/);
    expect(text).not.toMatch(/exploded|secret/);
  });

  it("runs the command behind a Show more button", async () => {
    await local();
    await postActivity(bot.url, messageActivity(connector.url, "strategy"));
    const actions = JSON.parse(JSON.stringify(connector.received[0]?.body)).attachments[0].content.actions;
    const more = actions.find((a: { title: string }) => a.title.startsWith("Show all"));
    await postActivity(bot.url, messageActivity(connector.url, "", "personal", { text: undefined, value: more.data }));
    expect(connector.received).toHaveLength(2);
    expect(cardText(connector.received.slice(1))).not.toMatch(/Show all/);
  });

  it("answers a failing turn with a short apology and no error text", async () => {
    connector = await startConnectorStub();
    class BrokenChat extends BriefingService {
      override async handle(): Promise<never> {
        throw new Error("token=abc at /srv/secret/path");
      }
    }
    bot = await startBot({ TEAMS_LOCAL: "1" }, {}, (store) => new BrokenChat(seedLibrary(), { store }));
    await postActivity(bot.url, messageActivity(connector.url, "funding"));
    const text = JSON.stringify(connector.received.map((r) => r.body));
    expect(text).toMatch(/Sorry, something went wrong/);
    expect(text).not.toMatch(/secret|token=/);
  });
});

describe("TEAMS_TENANTS (the organisations this deployment serves)", () => {
  it("ignores messages and installs from another tenant: no answer, no stored reference", async () => {
    connector = await startConnectorStub();
    bot = await startBot({ TEAMS_LOCAL: "1", TEAMS_TENANTS: "nhs-tenant" });
    expect((await postActivity(bot.url, messageActivity(connector.url, "funding"))).status).toBe(200);
    expect((await postActivity(bot.url, installActivity(connector.url, "add"))).status).toBe(200);
    await bot.platform.settle();
    expect(connector.received).toEqual([]);
    expect(await bot.store.listConversationReferences()).toEqual([]);
  });

  it("answers its own tenant, whatever the case of the id", async () => {
    connector = await startConnectorStub();
    bot = await startBot({ TEAMS_LOCAL: "1", TEAMS_TENANTS: "other, TENANT-1" });
    await postActivity(bot.url, messageActivity(connector.url, "funding"));
    await bot.platform.settle();
    expect(connector.received).toHaveLength(1);
  });
});

describe("/api/messages when the connector never answers", () => {
  it("gives up on the turn's reply after replyTimeoutMs, so the inbound request is answered 200", async () => {
    connector = await startConnectorStub();
    connector.script.push({ status: 200, hang: true }, { status: 200, hang: true }, { status: 200, hang: true });
    bot = await startBot({ TEAMS_LOCAL: "1" }, { replyTimeoutMs: 400 });
    const started = performance.now();
    const res = await postActivity(bot.url, messageActivity(connector.url, "help"));
    const elapsed = performance.now() - started;
    expect(res.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(1_500);
    // Tried once: a reply that may have been posted is not sent again.
    expect(connector.received).toHaveLength(1);
  });
});
