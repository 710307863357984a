/** Channel posts (checks 7-10): 429s, lost replies, refusals, hangs and pacing, against a fake Slack. */

import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChannelPacer } from "../../adapters/slack/channel-pacer.js";
import { slackClientOptions } from "../../adapters/slack/slack-client.js";
import { SlackPoster } from "../../adapters/slack/slack-poster.js";
import { silentLogger } from "../../src/logger.js";
import { libraryOf, makeDocument, paragraphs, replyTo, seedLibrary } from "../helpers/factories.js";
import {
  type FakeSlack,
  hang,
  loseReply,
  ok,
  platformError,
  rateLimited,
  startFakeSlack,
  status,
} from "./fake-slack.js";

let fake: FakeSlack;
const seeds = seedLibrary();
const digest = replyTo(seeds, "digest");
const help = replyTo(seeds, "help");

beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(() => fake.close());

function poster(timeoutMs = 2_000, intervalMs = 1_000): SlackPoster {
  const client = new webApi.WebClient("xoxb-test", slackClientOptions({ apiUrl: fake.apiUrl, timeoutMs }));
  return new SlackPoster(client, new ChannelPacer(intervalMs), silentLogger);
}

const postsTo = (channel: string) => fake.posts().filter((p) => p.args.channel === channel);

describe("SlackPoster", () => {
  it("posts the digest once, with mentions, link names and unfurls off", async () => {
    const outcome = await poster().post("C-ok", digest);
    expect(outcome.state).toBe("sent");
    expect(postsTo("C-ok")).toHaveLength(1);
    expect(postsTo("C-ok")[0]?.args).toMatchObject({ link_names: "false", unfurl_links: "false", parse: "none" });
  });

  it("waits out a 429's Retry-After, then posts exactly once", async () => {
    fake.script("chat.postMessage", rateLimited(1));
    const started = Date.now();
    const outcome = await poster().post("C-429", help);
    expect(outcome.state).toBe("sent");
    const calls = postsTo("C-429");
    expect(calls).toHaveLength(2);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("reports a lost reply as uncertain and never posts again", async () => {
    fake.script("chat.postMessage", loseReply);
    const outcome = await poster().post("C-lost", help);
    expect(outcome.state).toBe("uncertain");
    expect(postsTo("C-lost")).toHaveLength(1);
  });

  it("reports a 503 as uncertain, once", async () => {
    fake.script("chat.postMessage", status(503));
    expect((await poster().post("C-503", help)).state).toBe("uncertain");
    expect(postsTo("C-503")).toHaveLength(1);
  });

  it.each(["channel_not_found", "not_in_channel", "is_archived"])("reports %s as gone", async (error) => {
    fake.script("chat.postMessage", platformError(error));
    expect(await poster().post(`C-${error}`, help)).toEqual({ state: "gone", detail: error });
  });

  it("resends refused blocks once as plain text", async () => {
    fake.script("chat.postMessage", platformError("invalid_blocks"));
    expect((await poster(2_000, 50).post("C-blocks", help)).state).toBe("sent");
    const calls = postsTo("C-blocks");
    expect(calls).toHaveLength(2);
    expect(calls[1]?.args.blocks).toBeUndefined();
    expect(String(calls[1]?.args.text)).toMatch(/help|nhsai/i);
  });

  it("reports a certain refusal as failed", async () => {
    fake.script("chat.postMessage", platformError("invalid_blocks"), platformError("msg_too_long"));
    expect(await poster(2_000, 50).post("C-refused", help)).toEqual({ state: "failed", detail: "msg_too_long" });
  });

  it("reports a reply cut short after its first message as uncertain, and posts nothing more", async () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      makeDocument({
        id: `long-${i}`,
        paragraphs: paragraphs(`Trust ${i} secured £${i + 2}m of funding for its AI programme this year.`),
      }),
    );
    const long = replyTo(libraryOf(...many), "funding all");
    fake.script("chat.postMessage", ok({ ts: "1.1" }), status(503));
    const outcome = await poster(2_000, 50).post("C-partial", long);
    expect(outcome).toEqual({ state: "uncertain", detail: expect.stringMatching(/^1 of \d sent, then HTTP 503$/) });
    expect(postsTo("C-partial")).toHaveLength(2);
  });

  it("gives up on a hung Slack at its timeout, as uncertain", async () => {
    fake.script("chat.postMessage", hang);
    const started = Date.now();
    const outcome = await poster(400).post("C-hung", help);
    expect(outcome.state).toBe("uncertain");
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("paces posts to one channel about a second apart, while other channels go at once", async () => {
    const p = poster(2_000, 400);
    await Promise.all([p.post("C-pace", help), p.post("C-pace", help), p.post("C-other", help)]);
    const times = postsTo("C-pace").map((c) => c.at);
    expect(times).toHaveLength(2);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(350);
    expect((postsTo("C-other")[0]?.at ?? 0) - (times[0] ?? 0)).toBeLessThan(300);
  });
});
