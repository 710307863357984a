/** `/nhsai …` end to end: the ack, the slow path through response_url, replays, and the buttons. */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "../../src/briefing-service.js";
import { BriefingService } from "../../src/briefing-service.js";
import type { Command } from "../../src/commands/parse-command.js";
import type { Reply } from "../../src/reply.js";
import { hang, platformError } from "./fake-slack.js";
import { type RunningSlackApp, startSlackApp, useSlackApp } from "./slack-app.js";
import { buttonBody, commandBody, postSigned } from "./slack-requests.js";

const ctx = useSlackApp();

describe("/nhsai", () => {
  it("answers a fast command in the acknowledgement, visible only to the asker, with a Share button", async () => {
    const res = await postSigned(ctx.app.url, commandBody("funding", ctx.fake.responseUrl("fast")));
    expect(res.status).toBe(200);
    const message = res.json();
    expect(message.response_type).toBe("ephemeral");
    expect(message.text).toMatch(/Funding/);
    const buttons = message.blocks.flatMap((b: { type: string; elements?: { action_id: string; value: string }[] }) =>
      b.type === "actions" ? (b.elements ?? []) : [],
    );
    expect(buttons).toContainEqual(expect.objectContaining({ action_id: "nhsai_share", value: "funding" }));
  });

  it("acknowledges 50 concurrent commands, every one within 3 seconds", async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        postSigned(ctx.app.url, commandBody("funding", ctx.fake.responseUrl(`c${i}`))),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(Math.max(...results.map((r) => r.ms))).toBeLessThan(3_000);
  });

  it("answers a replayed signed command once: the copy gets an empty 200", async () => {
    const body = commandBody("topics", ctx.fake.responseUrl("replay"));
    const ts = Math.floor(Date.now() / 1000);
    const first = await postSigned(ctx.app.url, body, { ts });
    const second = await postSigned(ctx.app.url, body, { ts });
    expect(first.status).toBe(200);
    expect(first.text).toMatch(/blocks/);
    expect(second.status).toBe(200);
    expect(second.text).toBe("");
  });

  it("Share in channel posts the answer to the channel once with chat.postMessage, and tells the sharer", async () => {
    const before = ctx.fake.posts().length;
    const res = await postSigned(ctx.app.url, buttonBody("nhsai_share", "funding", ctx.fake.responseUrl("share")));
    expect(res.status).toBe(200);
    await ctx.fake.waitFor(() => ctx.fake.responses.some((r) => r.id === "share"));
    const posts = ctx.fake.posts().slice(before);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args).toMatchObject({ channel: "C1", link_names: "false", unfurl_links: "false" });
    expect(JSON.stringify(posts[0]?.args.blocks)).toMatch(/Funding/);
    expect(JSON.stringify(posts[0]?.args.blocks)).not.toContain("nhsai_share");
    expect(ctx.fake.responses.filter((r) => r.id === "share").map((r) => r.body.text)).toEqual([
      "Shared in the channel.",
    ]);
  });

  it("Share in a channel the bot is not in posts through the click's response_url instead", async () => {
    ctx.fake.script("chat.postMessage", platformError("not_in_channel"));
    await postSigned(ctx.app.url, buttonBody("nhsai_share", "funding", ctx.fake.responseUrl("share-out")));
    await ctx.fake.waitFor(() => ctx.fake.responses.some((r) => r.id === "share-out"));
    const shared = ctx.fake.responses.filter((r) => r.id === "share-out");
    expect(shared).toHaveLength(1);
    expect(shared[0]?.body).toMatchObject({ response_type: "in_channel", replace_original: false });
    expect(JSON.stringify(shared[0]?.body)).toMatch(/Funding/);
  });

  it("records 👍 against the answer named in the button, once per person", async () => {
    const ask = await postSigned(
      ctx.app.url,
      commandBody("How much is the new AI lung cancer funding?", ctx.fake.responseUrl("ask")),
    );
    const buttons = ask
      .json()
      .blocks.flatMap((b: { type: string; elements?: { action_id: string; value: string }[] }) =>
        b.type === "actions" ? (b.elements ?? []) : [],
      );
    const helpful = buttons.find((b: { action_id: string }) => b.action_id === "nhsai_feedback_helpful");
    expect(helpful).toBeDefined();
    for (const n of [1, 2]) {
      const click = await postSigned(
        ctx.app.url,
        buttonBody("nhsai_feedback_helpful", helpful.value, ctx.fake.responseUrl(`fb${n}`)),
      );
      expect(click.status).toBe(200);
      await ctx.fake.waitFor(() => ctx.fake.responses.some((r) => r.id === `fb${n}`));
    }
    const target = JSON.parse(helpful.value);
    expect(await ctx.app.store.summariseFeedback("answer", target.targetId)).toEqual({ helpful: 1, notHelpful: 0 });
  });
});

describe("a link Slack made of a typed URL", () => {
  let adminApp: RunningSlackApp;
  beforeAll(async () => {
    adminApp = await startSlackApp(ctx.fake, {
      service: (library, store) => new BriefingService(library, { store, admins: new Set(["slack:U1"]) }),
    });
  });
  afterAll(() => adminApp.stop());

  it("`/nhsai sources add <http://…|…>` adds the http URL, not the label", async () => {
    const typed = "sources add <http://example.org/feed.xml|example.org/feed.xml>";
    const res = await postSigned(adminApp.url, commandBody(typed, ctx.fake.responseUrl("add-feed")));
    expect(res.status).toBe(200);
    expect(res.json().text).not.toMatch(/not an? http/i);
    expect((await adminApp.store.listFeeds()).map((f) => f.url)).toEqual(["http://example.org/feed.xml"]);
  });
});

describe("a slow answer (check 5)", () => {
  let slowApp: RunningSlackApp;
  beforeAll(async () => {
    slowApp = await startSlackApp(ctx.fake, {
      fastReplyMs: 300,
      service: (library, store) => new SlowChat(library, { store }),
    });
  });
  afterAll(() => slowApp.stop());

  it("is acknowledged within 3 seconds and arrives once through response_url", async () => {
    const res = await postSigned(slowApp.url, commandBody("funding", ctx.fake.responseUrl("slow")));
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3_000);
    expect(res.json().text).toMatch(/Working on it/);
    await ctx.fake.waitFor(() => ctx.fake.responses.some((r) => r.id === "slow"), 10_000);
    // A sentinel command after it: once its answer arrives, a second "slow" answer would have too.
    await postSigned(slowApp.url, commandBody("help", ctx.fake.responseUrl("slow-sentinel")));
    await ctx.fake.waitFor(() => ctx.fake.responses.some((r) => r.id === "slow-sentinel"), 10_000);
    const answers = ctx.fake.responses.filter((r) => r.id === "slow");
    expect(answers).toHaveLength(1);
    expect(answers[0]?.body).toMatchObject({ response_type: "ephemeral", replace_original: true });
    expect(JSON.stringify(answers[0]?.body)).toMatch(/Funding/);
  });

  it("a response_url that fails (404) is logged, not retried, and the server keeps serving", async () => {
    ctx.fake.scriptResponses(404);
    await postSigned(slowApp.url, commandBody("funding", ctx.fake.responseUrl("gone")));
    await ctx.fake.waitFor(() => ctx.fake.responses.some((r) => r.id === "gone"), 10_000);
    // The server keeps serving, and the next command's answer is the sentinel: no retry came first.
    expect((await postSigned(slowApp.url, commandBody("help", ctx.fake.responseUrl("after")))).status).toBe(200);
    await ctx.fake.waitFor(() => ctx.fake.responses.some((r) => r.id === "after"), 10_000);
    expect(ctx.fake.responses.filter((r) => r.id === "gone")).toHaveLength(1);
    expect(slowApp.logs()).toMatch(/slack.response_url_failed/);
  });
});

describe("a response_url that never answers", () => {
  let hangApp: RunningSlackApp;
  beforeAll(async () => {
    hangApp = await startSlackApp(ctx.fake, {
      fastReplyMs: 300,
      outboundTimeoutMs: 500,
      service: (library, store) => new SlowChat(library, { store }),
    });
  });
  afterAll(() => hangApp.stop());

  it("is given up after the outbound timeout (not undici's 300 s) and logged, once", async () => {
    ctx.fake.hangResponses("hang");
    await postSigned(hangApp.url, commandBody("funding", ctx.fake.responseUrl("hang")));
    await ctx.fake.waitFor(() => ctx.fake.responses.some((r) => r.id === "hang"), 5_000);
    const posted = Date.now();
    await expect.poll(() => hangApp.logs(), { timeout: 3_000 }).toMatch(/slack.response_url_failed.*TimeoutError/);
    expect(Date.now() - posted).toBeLessThan(1_500);
    expect(ctx.fake.responses.filter((r) => r.id === "hang")).toHaveLength(1);
  });

  it("gives up a Web API call that never answers after the same timeout", async () => {
    ctx.fake.script("chat.postMessage", hang);
    const started = Date.now();
    await postSigned(hangApp.url, buttonBody("nhsai_share", "help", ctx.fake.responseUrl("share-hang")));
    await ctx.fake.waitFor(() => ctx.fake.responses.some((r) => r.id === "share-hang"), 5_000);
    expect(Date.now() - started).toBeLessThan(2_500);
  });
});

/** The core taking 1.5 s, as a large library or a slow store might. */
class SlowChat extends BriefingService {
  override async handle(command: Command, context: ServiceContext): Promise<Reply> {
    await new Promise((r) => setTimeout(r, 1_500));
    return super.handle(command, context);
  }
}
