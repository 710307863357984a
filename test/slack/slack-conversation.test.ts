/** Who may change a channel's briefings in Slack: a member of the channel (paged lookup), anyone in a DM. */

import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slackClientOptions } from "../../adapters/slack/slack-client.js";
import { slackConversation } from "../../adapters/slack/slack-conversation.js";
import { type FakeSlack, ok, startFakeSlack } from "./fake-slack.js";

let fake: FakeSlack;
let client: webApi.WebClient;
beforeAll(async () => {
  fake = await startFakeSlack();
  client = new webApi.WebClient("xoxb-test", slackClientOptions({ apiUrl: fake.apiUrl }));
});
afterAll(() => fake.close());

const page = (members: string[], next: string) => ok({ members, response_metadata: { next_cursor: next } });

describe("slackConversation.mayManageChannel", () => {
  it("is true for a member found on a later page", async () => {
    fake.script("conversations.members", page(["U7", "U8"], "p2"), page(["U9", "U1"], ""));
    expect(await slackConversation(client, "C1", "U1").mayManageChannel()).toBe(true);
    const cursors = fake.calls.filter((c) => c.method === "conversations.members").map((c) => c.args.cursor);
    expect(cursors).toEqual([undefined, "p2"]);
  });

  it("is false for someone who is not a member", async () => {
    fake.script("conversations.members", page(["U7"], "p2"), page(["U8"], ""));
    expect(await slackConversation(client, "C1", "U1").mayManageChannel()).toBe(false);
  });

  it("is true in a DM without asking Slack", async () => {
    const before = fake.calls.length;
    const dm = slackConversation(client, "D1", "U1");
    expect(dm.scope).toBe("personal");
    expect(await dm.mayManageChannel()).toBe(true);
    expect(fake.calls.length).toBe(before);
  });
});
