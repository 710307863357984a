/**
 * The conversation in Teams: the real botbuilder adapter and nhsai's HTTP server on loopback
 * (TEAMS_LOCAL), a connector stub that records the cards. Every intent, "more" in a personal chat
 * and in a channel thread, memory kept apart per chat and thread, and forgotten after 30 minutes.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedLibrary } from "../helpers/factories.js";
import {
  type ConnectorStub,
  cardText,
  messageActivity,
  postActivity,
  type RunningBot,
  startBot,
  startConnectorStub,
} from "../teams/teams-harness.js";
import { ClockedChat } from "./clocked-chat.js";

const QUESTION = "How much is the new AI lung cancer funding?";
let connector: ConnectorStub;
let bot: RunningBot;
let chat: ClockedChat;

beforeAll(async () => {
  connector = await startConnectorStub();
  bot = await startBot({ TEAMS_LOCAL: "1" }, {}, (store) => {
    chat = new ClockedChat(seedLibrary(), { store });
    return chat;
  });
});
afterAll(async () => {
  await bot?.close();
  await connector?.close();
});

/** Says `text` in a personal chat (by id) and returns the cards sent back, as text. */
async function say(text: string, chatId = "a:personal-chat-1"): Promise<string> {
  const before = connector.received.length;
  const activity = messageActivity(connector.url, text, "personal", {
    conversation: { id: chatId, conversationType: "personal", tenantId: "tenant-1" },
  });
  expect((await postActivity(bot.url, activity)).status).toBe(200);
  return cardText(connector.received.slice(before));
}

/** Says `text` with an @mention in a channel thread; returns the cards and the conversation they went to. */
async function sayInThread(text: string, thread: string) {
  const before = connector.received.length;
  const id = `19:general@thread.tacv2;messageid=${thread}`;
  const activity = messageActivity(connector.url, text, "channel", {
    conversation: { id, conversationType: "channel", tenantId: "tenant-1" },
  });
  expect((await postActivity(bot.url, activity)).status).toBe(200);
  const sent = connector.received.slice(before);
  return { text: cardText(sent), to: sent[0]?.conversationId };
}

describe("a conversation in Teams", () => {
  it("greets, thanks, gives the digest for 'what's new' and a topic briefing for 'news on cyber'", async () => {
    expect(await say("Good morning!", "a:chat-intents")).toMatch(/Hello!.*I brief NHS digital teams/s);
    expect(await say("thank you", "a:chat-intents")).toMatch(/welcome/);
    const digest = await say("digest", "a:chat-intents");
    const latest = await say("latest news", "a:chat-intents");
    expect(latest).toMatch(/Coffee Time/);
    expect(latest).toBe(digest);
    expect(await say("news on cyber", "a:chat-intents")).toMatch(/Safety & security: what the news says/);
  });

  it("summarises an article, and says honestly when it holds none about the subject", async () => {
    expect(await say("what's the gist of the lung cancer story?", "a:chat-summary")).toMatch(
      /Summary of.*£21m AI investment/,
    );
    expect(await say("summarise the NHS App piece", "a:chat-summary")).toMatch(/I don't hold an article about/);
  });

  it("goes on with 'more' in a personal chat; another chat's 'more' knows nothing of it", async () => {
    expect(await say(QUESTION, "a:chat-more")).toMatch(/£21m/);
    expect(await say("go on", "a:chat-more")).toMatch(/More from/);
    expect(await say("go on", "a:chat-other")).toMatch(/More about what\?/);
  });

  it("keeps each channel thread's memory to that thread", async () => {
    const asked = await sayInThread(QUESTION, "1700000000100");
    expect(asked.text).toMatch(/£21m/);
    const more = await sayInThread("tell me more", "1700000000100");
    expect(more.text).toMatch(/More from/);
    expect(more.to).toBe("19:general@thread.tacv2;messageid=1700000000100");
    expect((await sayInThread("tell me more", "1700000000200")).text).toMatch(/More about what\?/);
  });

  it("forgets the last answer after 30 minutes", async () => {
    expect(await say(QUESTION, "a:chat-expiry")).toMatch(/£21m/);
    chat.ahead = 30 * 60 * 1000;
    try {
      expect(await say("more", "a:chat-expiry")).toMatch(/More about what\?/);
    } finally {
      chat.ahead = 0;
    }
  });
});
