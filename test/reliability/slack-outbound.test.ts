/**
 * Slack's Web API misbehaving for channel posts. Check 7's fan-out: a briefing to 20 channels while
 * Slack rate-limits the first (429, Retry-After 2). Slack's limits are per workspace as well as per
 * channel, so every channel pauses for the Retry-After (the pacer's whole-queue pause): the others
 * are delayed by about that much and no more, every channel gets exactly one post, and the wait is
 * logged. Check 9's unreachable Slack: a refused connection ends the post at once, recorded as not
 * certainly sent.
 */

import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJsonLogger } from "../../adapters/cli/json-logger.js";
import { ChannelPacer } from "../../adapters/slack/channel-pacer.js";
import { slackClientOptions } from "../../adapters/slack/slack-client.js";
import { SlackPoster } from "../../adapters/slack/slack-poster.js";
import { replyTo, seedLibrary } from "../helpers/factories.js";
import { type FakeSlack, rateLimited, startFakeSlack } from "../slack/fake-slack.js";

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(() => fake.close());

const RETRY_AFTER_S = 2;

function posterFor(apiUrl: string, lines: string[] = []): SlackPoster {
  const client = new webApi.WebClient("xoxb-test", slackClientOptions({ apiUrl, timeoutMs: 5_000 }));
  return new SlackPoster(
    client,
    new ChannelPacer(),
    createJsonLogger((line) => lines.push(line), "info"),
  );
}

describe("a briefing to 20 channels with one rate-limited", () => {
  it("pauses every channel for Retry-After, no longer, and posts once to every channel", async () => {
    const lines: string[] = [];
    const poster = posterFor(fake.apiUrl, lines);
    const briefing = replyTo(seedLibrary(), "digest");
    const channels = Array.from({ length: 20 }, (_, i) => `C-fan-${i}`);
    fake.script("chat.postMessage", rateLimited(RETRY_AFTER_S));
    const started = Date.now();
    const outcomes = await Promise.all(channels.map((channel) => poster.post(channel, briefing)));

    expect(outcomes.map((o) => o.state)).toEqual(Array(20).fill("sent"));
    const posts = fake.posts().filter((p) => String(p.args.channel).startsWith("C-fan-"));
    const postsTo = (channel: string) => posts.filter((p) => p.args.channel === channel);
    const limited = posts[0]?.args.channel as string;
    // The limited channel: the 429, then the post, at least Retry-After apart.
    expect(postsTo(limited)).toHaveLength(2);
    const [refused, accepted] = postsTo(limited).map((p) => p.at);
    expect((accepted ?? 0) - (refused ?? 0)).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1_000 - 50);
    // Every channel: one post (the limited one two calls), none held much beyond the pause.
    for (const channel of channels.filter((c) => c !== limited)) expect(postsTo(channel), channel).toHaveLength(1);
    const last = Math.max(...posts.map((p) => p.at));
    expect(last - started).toBeLessThan(RETRY_AFTER_S * 1_000 + 1_500);
    expect(lines.join("")).toMatch(/"event":"slack\.rate_limited".*"retry_after_ms":2000/);
  });
});

describe("a Slack API that cannot be reached", () => {
  it("ends the post at once when the connection is refused, recorded as not certainly sent", async () => {
    const started = Date.now();
    const outcome = await posterFor("http://127.0.0.1:1/api/").post("C-unreachable", replyTo(seedLibrary(), "help"));
    // Every network error is `uncertain`, a refused connection included: never re-posted blindly.
    expect(outcome.state).toBe("uncertain");
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
