/** ChatService with no store (the store is an optional port): what needs one says where it works. */

import { describe, expect, it } from "vitest";
import { BriefingService } from "../../src/briefing-service.js";
import { ChatService, NoStoreError } from "../../src/chat/chat-service.js";
import type { Conversation } from "../../src/conversation/conversation.js";
import { FIXED_NOW, seedLibrary } from "../helpers/factories.js";

const chat = new ChatService(new BriefingService(seedLibrary()));
const at = (platform: Conversation["platform"], channelId: string): Conversation => ({
  platform,
  channelId,
  userId: "U1",
  scope: "personal",
  mayManageChannel: async () => true,
});

describe("ChatService without a store", () => {
  it("answers commands from the library and says where subscriptions and feed changes work", async () => {
    expect((await chat.handleMessage("funding", at("slack", "D1"), FIXED_NOW)).kind).toBe("briefing");
    expect((await chat.handleMessage("sources", at("slack", "D1"), FIXED_NOW)).kind).toBe("sources");
    expect((await chat.handleMessage("subscribe daily", at("slack", "D1"), FIXED_NOW)).title).toBe(
      "Subscriptions are set in Slack or Teams",
    );
    expect((await chat.handleMessage("sources add https://a.example/rss", at("shell", "t"), FIXED_NOW)).title).toBe(
      "Feeds are changed in chat",
    );
  });

  it("remembers the conversation for the process: `more` goes on from the last briefing", async () => {
    const here = at("shell", "terminal-more");
    await chat.handleMessage("funding", here, FIXED_NOW);
    const more = await chat.handleMessage("more", here, FIXED_NOW);
    expect(more.title).not.toMatch(/More about what/);
    expect((await chat.handleMessage("more", at("shell", "elsewhere"), FIXED_NOW)).title).toMatch(/More about what/);
  });

  it("refuses to record feedback, loudly, rather than drop it", async () => {
    await expect(
      chat.recordFeedback(at("slack", "D1"), { target: "answer", targetId: "q" }, "helpful", FIXED_NOW),
    ).rejects.toThrow(NoStoreError);
  });
});
