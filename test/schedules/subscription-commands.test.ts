import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BriefingService } from "../../src/briefing-service.js";
import { parseCommand } from "../../src/commands/parse-command.js";
import type { Conversation } from "../../src/conversation/conversation.js";
import { plainRuns, type Reply } from "../../src/reply.js";
import type { Store } from "../../src/store/store.js";
import { FIXED_NOW } from "../helpers/factories.js";
import { embeddedHarness, type StoreHarness } from "../store/harness.js";
import { twoStoryBriefings } from "./schedule-fixtures.js";

let harness: StoreHarness;
let store: Store;
let chat: BriefingService;

function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    platform: "slack",
    channelId: "C1",
    userId: "U1",
    scope: "channel",
    mayManageChannel: async () => true,
    ...overrides,
  };
}

const outsider = () => conversation({ userId: "U9", mayManageChannel: async () => false });

function textOf(reply: Reply): string {
  return [
    reply.title,
    ...reply.sections.flatMap((s) => s.blocks.map((b) => (b.type === "bullets" ? "" : plainRuns(b.runs)))),
  ].join("\n");
}

beforeEach(async () => {
  harness = embeddedHarness();
  store = await harness.open(FIXED_NOW);
  chat = new BriefingService(twoStoryBriefings().library, {
    store,
    admins: new Set(["slack:UADMIN"]),
    timeZone: "Europe/London",
  });
});
afterEach(async () => harness.cleanup());

describe("subscribe from a channel", () => {
  it("saves the schedule, says what and when in UK time, and records who did it", async () => {
    const reply = await chat.handle(parseCommand("/nhsai subscribe weekdays at 9:30am topics funding workforce"), {
      conversation: conversation(),
      now: FIXED_NOW,
    });
    expect(reply.kind).toBe("text");
    expect(textOf(reply)).toMatch(/^Subscribed/);
    expect(textOf(reply)).toContain(
      "Coffee Time briefing on Funding and Workforce: weekdays (Monday to Friday) at 9.30am, UK time",
    );
    expect(textOf(reply)).toContain("Next: Monday 23 November 2026 at 9.30am");
    const [sub] = await store.listSubscriptions({ platform: "slack", channelId: "C1" });
    expect(sub).toMatchObject({
      topics: ["funding", "workforce"],
      schedule: "weekdays at 09:30",
      timeZone: "Europe/London",
      createdBy: "slack:U1",
    });
    const [audit] = await store.listAudit({ subject: `subscription:${sub?.id}` });
    expect(audit).toMatchObject({ who: "slack:U1", action: "subscription.added" });
    expect(audit?.detail).toContain("weekdays at 09:30");
  });

  it("replaces the channel's schedule when subscribed again", async () => {
    await chat.handle(parseCommand("subscribe daily at 8am"), { conversation: conversation(), now: FIXED_NOW });
    const reply = await chat.handle(parseCommand("subscribe weekly on friday at 4pm in Europe/Dublin"), {
      conversation: conversation(),
      now: FIXED_NOW,
    });
    expect(reply.title).toBe("Schedule changed");
    const subs = await store.listSubscriptions({ channelId: "C1" });
    expect(subs.map((s) => [s.schedule, s.timeZone])).toEqual([["weekly on friday at 16:00", "Europe/Dublin"]]);
    expect(textOf(reply)).toContain("Europe/Dublin time");
  });

  it("refuses 1.30am with the reason and an example, and saves nothing", async () => {
    const reply = await chat.handle(parseCommand("subscribe daily at 1:30am"), {
      conversation: conversation(),
      now: FIXED_NOW,
    });
    expect(reply.title).toBe("I couldn't set that schedule");
    expect(textOf(reply)).toMatch(/between midnight and 2\.59am.*Nothing was saved/s);
    expect(textOf(reply)).toContain("For example: /nhsai subscribe weekdays at 9.30am topics funding workforce");
    expect(await store.listSubscriptions()).toEqual([]);
  });

  it("refuses someone who may not change the channel, and changes nothing", async () => {
    const reply = await chat.handle(parseCommand("subscribe daily"), { conversation: outsider(), now: FIXED_NOW });
    expect(reply.title).toMatch(/Only people who can change this channel/);
    expect(await store.listSubscriptions()).toEqual([]);
    await chat.handle(parseCommand("subscribe daily"), { conversation: conversation(), now: FIXED_NOW });
    expect(
      (await chat.handle(parseCommand("unsubscribe"), { conversation: outsider(), now: FIXED_NOW })).title,
    ).toMatch(/Only people/);
    expect(await store.listSubscriptions()).toHaveLength(1);
  });

  it("lets an admin on the allow-list change a channel they are not in", async () => {
    const admin = conversation({ userId: "UADMIN", mayManageChannel: async () => false });
    expect((await chat.handle(parseCommand("subscribe daily"), { conversation: admin, now: FIXED_NOW })).title).toBe(
      "Subscribed",
    );
  });

  it("resumes a paused subscription when subscribed again", async () => {
    await chat.handle(parseCommand("subscribe daily"), { conversation: conversation(), now: FIXED_NOW });
    const [sub] = await store.listSubscriptions();
    await store.setSubscriptionPaused(sub?.id ?? "", "the bot was removed", "scheduler", FIXED_NOW);
    expect(
      textOf(await chat.handle(parseCommand("schedule"), { conversation: conversation(), now: FIXED_NOW })),
    ).toContain("Paused: the bot was removed");
    expect(
      (await chat.handle(parseCommand("subscribe daily"), { conversation: conversation(), now: FIXED_NOW })).title,
    ).toBe("Resumed");
    expect((await store.getSubscription(sub?.id ?? ""))?.pausedReason).toBeNull();
  });
});

describe("unsubscribe and schedule", () => {
  it("shows what the channel gets and when it next runs, to anyone", async () => {
    expect((await chat.handle(parseCommand("schedule"), { conversation: outsider(), now: FIXED_NOW })).title).toBe(
      "No scheduled briefing here",
    );
    await chat.handle(parseCommand("subscribe weekly on monday at 7am always"), {
      conversation: conversation(),
      now: FIXED_NOW,
    });
    const text = textOf(await chat.handle(parseCommand("schedule"), { conversation: outsider(), now: FIXED_NOW }));
    expect(text).toContain("Coffee Time briefing: weekly on Mondays at 7am, UK time.");
    expect(text).toContain("Next: Monday 30 November 2026 at 7am.");
  });

  it("removes the channel's subscription and records who did it", async () => {
    await chat.handle(parseCommand("subscribe daily"), { conversation: conversation(), now: FIXED_NOW });
    const [sub] = await store.listSubscriptions();
    expect(
      (await chat.handle(parseCommand("unsubscribe"), { conversation: conversation(), now: FIXED_NOW })).title,
    ).toBe("Unsubscribed");
    expect(await store.listSubscriptions()).toEqual([]);
    expect((await store.listAudit({ subject: `subscription:${sub?.id}` }))[0]).toMatchObject({
      who: "slack:U1",
      action: "subscription.removed",
    });
    expect(
      (await chat.handle(parseCommand("unsubscribe"), { conversation: conversation(), now: FIXED_NOW })).title,
    ).toBe("Nothing to unsubscribe");
  });

  it("in the terminal, says subscriptions are set in Slack or Teams", async () => {
    const shell = conversation({ platform: "shell", channelId: "terminal" });
    const reply = await chat.handle(parseCommand("subscribe daily"), { conversation: shell, now: FIXED_NOW });
    expect(reply.title).toBe("Subscriptions are set in Slack or Teams");
    expect(await store.listSubscriptions()).toEqual([]);
  });
});
