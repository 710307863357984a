/** BriefingService with no store (the store is an optional port): what needs one says where it works. */

import { describe, expect, it } from "vitest";
import { BriefingService, NoStoreError } from "../../src/briefing-service.js";
import { parseCommand } from "../../src/commands/parse-command.js";
import type { Conversation } from "../../src/conversation/conversation.js";
import { FIXED_NOW, seedLibrary } from "../helpers/factories.js";

const chat = new BriefingService(seedLibrary());
const at = (platform: Conversation["platform"], channelId: string): Conversation => ({
  platform,
  channelId,
  userId: "U1",
  scope: "personal",
  mayManageChannel: async () => true,
});

describe("BriefingService without a store", () => {
  it("answers commands from the library and says where subscriptions and feed changes work", async () => {
    expect((await chat.handle(parseCommand("funding"), { conversation: at("slack", "D1"), now: FIXED_NOW })).kind).toBe(
      "briefing",
    );
    expect((await chat.handle(parseCommand("sources"), { conversation: at("slack", "D1"), now: FIXED_NOW })).kind).toBe(
      "sources",
    );
    expect(
      (await chat.handle(parseCommand("subscribe daily"), { conversation: at("slack", "D1"), now: FIXED_NOW })).title,
    ).toBe("Subscriptions are set in Slack or Teams");
    expect(
      (
        await chat.handle(parseCommand("sources add https://a.example/rss"), {
          conversation: at("shell", "t"),
          now: FIXED_NOW,
        })
      ).title,
    ).toBe("Feeds are changed in chat");
  });

  it("remembers the conversation for the process: `more` goes on from the last briefing", async () => {
    const here = at("shell", "terminal-more");
    await chat.handle(parseCommand("funding"), { conversation: here, now: FIXED_NOW });
    const more = await chat.handle(parseCommand("more"), { conversation: here, now: FIXED_NOW });
    expect(more.title).not.toMatch(/More about what/);
    expect(
      (await chat.handle(parseCommand("more"), { conversation: at("shell", "elsewhere"), now: FIXED_NOW })).title,
    ).toMatch(/More about what/);
  });

  it("refuses to record feedback, loudly, rather than drop it", async () => {
    await expect(
      chat.recordFeedback(at("slack", "D1"), { target: "answer", targetId: "q" }, "helpful", FIXED_NOW),
    ).rejects.toThrow(NoStoreError);
  });
});
