/** response_url's budget (check 6): at most five posts, none after 30 minutes, failures logged not retried. */

import type { RespondFn } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { budgetedRespond } from "../../adapters/slack/response-budget.js";
import { silentLogger } from "../../src/logger.js";

function recorder(fail = false) {
  const posts: unknown[] = [];
  const respond = (async (message: unknown) => {
    posts.push(message);
    if (fail) throw new Error("An API error occurred: 410 Gone");
    return {};
  }) as unknown as RespondFn;
  return { posts, respond };
}

describe("budgetedRespond", () => {
  it("sends at most five of seven updates", async () => {
    const { posts, respond } = recorder();
    const start = new Date("2026-11-23T09:00:00Z");
    const send = budgetedRespond(respond, start, () => start, silentLogger);
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await send({ text: `update ${i}` }));
    expect(results).toEqual([true, true, true, true, true, false, false]);
    expect(posts).toHaveLength(5);
  });

  it("sends nothing 31 minutes after the command", async () => {
    const { posts, respond } = recorder();
    const start = new Date("2026-11-23T09:00:00Z");
    let now = start;
    const send = budgetedRespond(respond, start, () => now, silentLogger);
    expect(await send({ text: "first" })).toBe(true);
    now = new Date(start.getTime() + 31 * 60 * 1000);
    expect(await send({ text: "late" })).toBe(false);
    expect(posts).toHaveLength(1);
  });

  it("reports a failing response_url as not sent, without retrying or throwing", async () => {
    const { posts, respond } = recorder(true);
    const start = new Date();
    const send = budgetedRespond(respond, start, () => start, silentLogger);
    await expect(send({ text: "x" })).resolves.toBe(false);
    expect(posts).toHaveLength(1);
  });
});
