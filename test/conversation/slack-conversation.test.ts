/**
 * The conversation in Slack: the real Bolt app on loopback, signed DM and @mention events, the
 * embedded store. Every intent, "more" in a DM and in a mention's thread, memory kept apart per
 * DM, and forgotten after 30 minutes (the BriefingService's clock is shifted forward).
 */

import { describe, expect, it } from "vitest";
import { useSlackApp } from "../slack/slack-app.js";
import { dmEvent, eventBody, mentionEvent, postSigned } from "../slack/slack-requests.js";
import { ClockedChat } from "./clocked-chat.js";

let clocked: ClockedChat | undefined;
const ctx = useSlackApp({
  service: (library, store) => {
    clocked = new ClockedChat(library, { store });
    return clocked;
  },
});

const QUESTION = "How much is the new AI lung cancer funding?";
const postsTo = (channel: string) => ctx.fake.posts().filter((p) => p.args.channel === channel);

/** Sends one event and returns what the bot posted for it (as JSON text) and where. */
async function send(event: Record<string, unknown>): Promise<{ text: string; threadTs: unknown }> {
  const channel = String(event.channel);
  const before = postsTo(channel).length;
  const res = await postSigned(ctx.app.url, eventBody(event));
  expect(res.status).toBe(200);
  await ctx.fake.waitFor(() => postsTo(channel).length > before);
  const posted = postsTo(channel).slice(before);
  return { text: JSON.stringify(posted.map((p) => [p.args.text, p.args.blocks])), threadTs: posted[0]?.args.thread_ts };
}
const dm = async (channel: string, text: string) => (await send(dmEvent(text, { channel }))).text;

describe("a conversation in Slack", () => {
  it("greets, thanks, gives the digest for 'what's new' and a topic briefing for 'any news on cyber?'", async () => {
    expect(await dm("D501", "hi!")).toMatch(/Hello!.*I brief NHS digital teams/s);
    expect(await dm("D501", "thanks")).toMatch(/welcome/);
    const digest = await dm("D501", "digest");
    const whatsNew = await dm("D501", "what's new?");
    expect(whatsNew).toMatch(/Coffee Time/);
    expect(whatsNew).toBe(digest);
    expect(await dm("D501", "any news on cyber?")).toMatch(/Safety (?:&amp;|&) security: what the news says/);
  });

  it("summarises an article, and asks which one when several fit", async () => {
    expect(await dm("D502", "summarise the charter article")).toMatch(/Summary of.*Collaboration Charter/);
    expect(await dm("D502", "tell me about the National Health Executive piece")).toMatch(/Which one\?/);
  });

  it("goes on with 'more' in the DM, and another DM's 'more' knows nothing of it", async () => {
    expect(await dm("D503", QUESTION)).toMatch(/£21m/);
    const more = await dm("D503", "tell me more");
    expect(more).toMatch(/More from.*£21m AI investment/);
    expect(await dm("D504", "tell me more")).toMatch(/More about what\?/);
  });

  it("answers 'more' in the thread an @mention's answer started", async () => {
    const asked = await send(mentionEvent(QUESTION, { channel: "C505", ts: "1700000500.000100" }));
    expect(asked.threadTs).toBe("1700000500.000100");
    const more = await send(
      mentionEvent("more", { channel: "C505", ts: "1700000500.000200", thread_ts: "1700000500.000100" }),
    );
    expect(more.text).toMatch(/More from/);
    expect(more.threadTs).toBe("1700000500.000100");
  });

  it("forgets the last answer after 30 minutes", async () => {
    expect(await dm("D506", QUESTION)).toMatch(/£21m/);
    if (!clocked) throw new Error("the app was not started with the clocked BriefingService");
    clocked.ahead = 30 * 60 * 1000;
    try {
      expect(await dm("D506", "more")).toMatch(/More about what\?/);
    } finally {
      clocked.ahead = 0;
    }
  });
});
