/** Subscriptions and scheduled briefings through the real Teams platform, to a loopback Bot Framework connector. */

import { afterEach, expect, it } from "vitest";
import { Scheduler } from "../../src/schedules/scheduler.js";
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
} from "../teams/teams-harness.js";

let connector: ConnectorStub;
let bot: RunningBot;

afterEach(async () => {
  await bot?.close();
  await connector?.close();
});

// The Teams harness's clock is Monday 23 November 2026, 8am in London.
const SLOT = new Date("2026-11-23T09:00:00Z");
const NEXT_DAY = new Date("2026-11-24T09:00:00Z");

it("a Teams channel subscribes, gets its briefing at the slot, and is paused when Teams blocks the bot", async () => {
  connector = await startConnectorStub();
  bot = await startBot({ TEAMS_LOCAL: "1" });
  const channel = conversationIdOf("channel");
  await postActivity(bot.url, installActivity(connector.url, "add"));
  const res = await postActivity(bot.url, messageActivity(connector.url, "subscribe daily at 9am always", "channel"));
  expect(res.status).toBe(200);
  expect(cardText(connector.received)).toMatch(/Subscribed/);
  const [sub] = await bot.store.listSubscriptions({ platform: "teams" });
  // TEAMS_LOCAL: no token vouches for the sender, so the audit names them as unverified.
  expect(sub).toMatchObject({
    channelId: channel,
    schedule: "daily at 09:00",
    whenNothingNew: "line",
    createdBy: "teams:unverified:29:alice",
  });

  connector.received.length = 0;
  const scheduler = new Scheduler({ store: bot.store, briefings: bot.service, posters: [bot.platform.poster] });
  expect(await scheduler.runDue(SLOT)).toMatchObject({ sent: 1 });
  expect(connector.received.map((r) => r.conversationId)).toEqual([channel]);
  expect(cardText(connector.received)).toMatch(/Coffee Time Briefing/);

  connector.script.push({
    status: 403,
    body: { error: { code: "Forbidden", message: "blocked" }, subCode: "MessageWritesBlocked" },
  });
  expect(await scheduler.runDue(NEXT_DAY)).toMatchObject({ paused: 1 });
  expect((await bot.store.getSubscription(sub?.id ?? ""))?.pausedReason).toMatch(/cannot post in this channel/);
  expect(await scheduler.runDue(new Date("2026-11-25T09:00:00Z"))).toMatchObject({ sent: 0, paused: 0 });
});
