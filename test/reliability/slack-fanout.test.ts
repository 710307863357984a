/**
 * Check 7's fan-out: a briefing to 20 channels while Slack rate-limits one of them (429,
 * Retry-After 2). The limited channel waits out the 2 s and gets its post once; the other 19 are
 * not held up behind it (nhsai handles 429s per channel, not by pausing the client's whole queue);
 * every channel gets exactly one post; the wait is logged.
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

describe("a briefing to 20 channels with one rate-limited", () => {
  it("waits out Retry-After on that channel only, and posts once to every channel", async () => {
    const lines: string[] = [];
    const client = new webApi.WebClient("xoxb-test", slackClientOptions({ apiUrl: fake.apiUrl, timeoutMs: 5_000 }));
    const poster = new SlackPoster(
      client,
      new ChannelPacer(),
      createJsonLogger((l) => lines.push(l), "info"),
    );
    const briefing = replyTo(seedLibrary(), "digest");
    const channels = Array.from({ length: 20 }, (_, i) => `C-fan-${i}`);
    fake.script("chat.postMessage", rateLimited(2));
    const started = Date.now();
    // The first channel's post meets the 429; the rest follow once it has.
    const limited = poster.post(channels[0] as string, briefing);
    await fake.waitFor(() => fake.posts().length === 1);
    const outcomes = await Promise.all([limited, ...channels.slice(1).map((c) => poster.post(c, briefing))]);

    expect(outcomes.map((o) => o.state)).toEqual(Array(20).fill("sent"));
    const posts = fake.posts();
    const firstPostTo = (channel: string) => posts.find((p) => p.args.channel === channel)?.at ?? Number.NaN;
    const lastPostTo = (channel: string) => posts.filter((p) => p.args.channel === channel).at(-1)?.at ?? Number.NaN;
    // The limited channel: the 429, then the post, at least Retry-After apart.
    expect(posts.filter((p) => p.args.channel === channels[0])).toHaveLength(2);
    expect(lastPostTo(channels[0] as string) - firstPostTo(channels[0] as string)).toBeGreaterThanOrEqual(1_950);
    // Every other channel: one post, long before the limited one's wait is over.
    for (const channel of channels.slice(1)) {
      expect(
        posts.filter((p) => p.args.channel === channel),
        channel,
      ).toHaveLength(1);
      expect(firstPostTo(channel) - started, channel).toBeLessThan(1_500);
    }
    expect(lines.join("")).toMatch(/"event":"slack\.rate_limited".*"retry_after_ms":2000/);
  });
});
