/** DMs, mentions, the bot's own messages, App Home, and events answered once (check 3). */

import { describe, expect, it } from "vitest";
import { BriefingService } from "../../src/briefing-service.js";
import type { Reply } from "../../src/reply.js";
import { startSlackApp, useSlackApp } from "./slack-app.js";
import { dmEvent, eventBody, mentionEvent, postSigned } from "./slack-requests.js";

const ctx = useSlackApp();

const postsTo = (channel: string) => ctx.fake.posts().filter((p) => p.args.channel === channel);
let sentinels = 0;
/**
 * "Nothing else happened", shown rather than waited for: a fresh DM sent after the others is
 * answered, so whatever they would have posted was posted before it.
 */
async function sentinel(): Promise<void> {
  const channel = `DSENTINEL${++sentinels}`;
  await postSigned(ctx.app.url, eventBody(dmEvent("topics", { channel })));
  await ctx.fake.waitFor(() => postsTo(channel).length > 0);
}

describe("Slack events", () => {
  it("answers a direct message in the DM, safely (no mentions, links or unfurls)", async () => {
    const res = await postSigned(ctx.app.url, eventBody(dmEvent("funding", { channel: "D100" })));
    expect(res.status).toBe(200);
    await ctx.fake.waitFor(() => postsTo("D100").length > 0);
    const post = postsTo("D100")[0];
    expect(post?.args).toMatchObject({
      parse: "none",
      link_names: "false",
      unfurl_links: "false",
      unfurl_media: "false",
    });
    expect(post?.args.thread_ts).toBeUndefined();
    expect(JSON.stringify(post?.args.blocks)).toMatch(/Funding/);
  });

  it("never turns what a person typed into a mention or a link (the posted payload)", async () => {
    const typed = "zzq &lt;!channel&gt; &lt;@U9&gt; &lt;https://evil.example|NHS login&gt; <!here> funding?";
    await postSigned(ctx.app.url, eventBody(dmEvent(typed, { channel: "D150" })));
    await ctx.fake.waitFor(() => postsTo("D150").length > 0);
    const payload = JSON.stringify(postsTo("D150"));
    expect(payload).not.toMatch(/<[!@#]|<https:\/\/evil/);
  });

  it("answers a mention in a thread under it", async () => {
    const event = mentionEvent("topics", { channel: "C200", ts: "1700000100.000200" });
    await postSigned(ctx.app.url, eventBody(event));
    await ctx.fake.waitFor(() => postsTo("C200").length > 0);
    expect(postsTo("C200")[0]?.args.thread_ts).toBe("1700000100.000200");
  });

  it("ignores its own messages, other bots', and edits", async () => {
    await postSigned(ctx.app.url, eventBody(dmEvent("funding", { channel: "D300", user: "UBOT" })));
    await postSigned(ctx.app.url, eventBody(dmEvent("funding", { channel: "D300", bot_id: "B999" })));
    await postSigned(ctx.app.url, eventBody(dmEvent("funding", { channel: "D300", subtype: "message_changed" })));
    await postSigned(ctx.app.url, eventBody(mentionEvent("funding", { channel: "C300", bot_id: "B999" })));
    await sentinel();
    expect(postsTo("D300")).toHaveLength(0);
    expect(postsTo("C300")).toHaveLength(0);
  });

  it("answers an event once when Slack retries it (X-Slack-Retry-Num) or it is replayed", async () => {
    const body = eventBody(dmEvent("topics", { channel: "D400" }), "EvRetry1");
    expect((await postSigned(ctx.app.url, body)).status).toBe(200);
    const retry = await postSigned(ctx.app.url, body, {
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    });
    expect(retry.status).toBe(200);
    expect((await postSigned(ctx.app.url, body)).status).toBe(200);
    await ctx.fake.waitFor(() => postsTo("D400").length > 0);
    await sentinel();
    expect(postsTo("D400")).toHaveLength(1);
  });

  it("remembers handled events across a restart (same store)", async () => {
    const body = eventBody(dmEvent("topics", { channel: "D500" }), "EvRestart1");
    await postSigned(ctx.app.url, body);
    await ctx.fake.waitFor(() => postsTo("D500").length > 0);
    await ctx.app.stop(true);
    ctx.app = await startSlackApp(ctx.fake, { dataDir: ctx.app.dataDir });
    const retry = await postSigned(ctx.app.url, body, {
      headers: { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_error" },
    });
    expect(retry.status).toBe(200);
    await sentinel();
    expect(postsTo("D500")).toHaveLength(1);
    expect(ctx.app.logs()).toMatch(/slack.replay_ignored/);
  });

  it("publishes the App Home tab: what the bot does, the latest briefing and help", async () => {
    await postSigned(ctx.app.url, eventBody({ type: "app_home_opened", user: "U1", channel: "D1", tab: "home" }));
    await ctx.fake.waitFor(() => ctx.fake.calls.some((c) => c.method === "views.publish"));
    const call = ctx.fake.calls.find((c) => c.method === "views.publish");
    const view = call?.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("home");
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = JSON.stringify(view.blocks);
    expect(text).toMatch(/Coffee Time Briefing/);
    expect(text).toMatch(/don't give clinical advice/);
  });
});

/** A core that fails, as a broken store or a bug would make it. */
class FailingChat extends BriefingService {
  override async handle(): Promise<Reply> {
    throw new Error("database exploded at /srv/nhsai/data with secret xoxb-1-2");
  }
}

describe("when the core fails", () => {
  const failing = useSlackApp({ service: (library, store) => new FailingChat(library, { store }) });

  it("tells the person it went wrong, without the error, and logs it", async () => {
    await postSigned(failing.app.url, eventBody(dmEvent("funding", { channel: "D-fail" })));
    await failing.fake.waitFor(() => failing.fake.posts().some((p) => p.args.channel === "D-fail"));
    const post = failing.fake.posts().find((p) => p.args.channel === "D-fail");
    expect(post?.args.text).toBe("Sorry, something went wrong. Please try again.");
    expect(JSON.stringify(post?.args)).not.toMatch(/exploded|srv|xoxb/);
    expect(failing.app.logs()).toMatch(/slack.answer_failed/);
    expect(failing.app.logs()).not.toContain("xoxb-1-2");
  });
});
