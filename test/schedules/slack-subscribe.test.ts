/** `/nhsai subscribe|unsubscribe|schedule` end to end through the real Slack platform, to a loopback Slack. */

import { describe, expect, it } from "vitest";
import { useSlackApp } from "../slack/slack-app.js";
import { commandBody, postSigned } from "../slack/slack-requests.js";

const ctx = useSlackApp();

async function slash(text: string, user = "U1") {
  const res = await postSigned(
    ctx.app.url,
    commandBody(text, ctx.fake.responseUrl(`${user}-${text}`), { user_id: user }),
  );
  expect(res.status).toBe(200);
  return res.json() as { text: string; response_type: string };
}

describe("subscriptions from Slack", () => {
  it("a channel member subscribes the channel; the change is saved and audited with who did it", async () => {
    const reply = await slash("subscribe weekdays at 9.30am topics funding");
    expect(reply.text).toMatch(/Subscribed/);
    const [sub] = await ctx.app.store.listSubscriptions({ platform: "slack", channelId: "C1" });
    expect(sub).toMatchObject({ topics: ["funding"], schedule: "weekdays at 09:30", createdBy: "slack:U1" });
    expect((await ctx.app.store.listAudit({ subject: `subscription:${sub?.id}` }))[0]).toMatchObject({
      who: "slack:U1",
      action: "subscription.added",
    });
    expect((await slash("schedule", "U7")).text).toMatch(/weekdays \(Monday to Friday\) at 9\.30am, UK time/);
  });

  it("someone who is not a member of the channel is refused, and nothing changes", async () => {
    const before = await ctx.app.store.listSubscriptions();
    expect((await slash("unsubscribe", "U7")).text).toMatch(/Only people who can change this channel/);
    expect((await slash("subscribe daily at 7am", "U7")).text).toMatch(/Only people who can change this channel/);
    expect(await ctx.app.store.listSubscriptions()).toEqual(before);
  });

  it("a schedule between midnight and 2.59am is refused with the reason, and nothing is saved", async () => {
    const before = await ctx.app.store.listSubscriptions();
    expect((await slash("subscribe daily at 2am")).text).toMatch(/couldn.t set that schedule/);
    expect(await ctx.app.store.listSubscriptions()).toEqual(before);
  });

  it("a member unsubscribes the channel", async () => {
    expect((await slash("unsubscribe", "U2")).text).toMatch(/Unsubscribed/);
    expect(await ctx.app.store.listSubscriptions({ channelId: "C1" })).toEqual([]);
  });
});
